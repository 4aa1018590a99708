// One enterprise customer per platform. Zoom does not sell directly in mainland China (since 2020-08-23 it serves the
// mainland only through Bizconf, Suirui Zhumu and Systec Umeet), so the customer on Zoom is registered in Singapore,
// and the customers on the three mainland platforms are mainland companies with a Unified Social Credit Code.
import type { ProvisionAccountInput } from '@channelkit/types';

/** A company registered in Singapore, for Zoom. */
export const internationalCustomer: ProvisionAccountInput = {
  profile: {
    legalName: 'Example Asia Pte. Ltd.',
    country: 'SG',
    industry: 'software',
    employeeCount: '51-250',
    website: 'https://example.com.sg',
    // Zoom bills a plan's seats to a contact with a full postal address: street, city, state and postal code.
    address: {
      line1: '1 Raffles Place',
      city: 'Singapore',
      region: 'Singapore',
      postalCode: '048616',
      country: 'SG',
    },
  },
  admin: { firstName: 'Wei', lastName: 'Wang', email: 'admin@example.com.sg', mobile: '+6591234567' },
  seats: 25,
  plan: 'business_yearly',
  externalId: 'crm-4711',
};

/** A mainland company: its legal name, its Unified Social Credit Code and an admin with a mainland mobile number. */
function mainlandCustomer(
  legalName: string,
  creditCode: string,
  email: string,
  externalId: string,
): ProvisionAccountInput {
  return {
    profile: { legalName, creditCode, country: 'CN', industry: 'software', employeeCount: '51-250' },
    admin: { firstName: '伟', lastName: '王', email, mobile: '+8613800138000' },
    seats: 20,
    externalId,
  };
}

/** The customer provisioned on each platform of the demo. */
export const customers = {
  zoom: internationalCustomer,
  bizconf: mainlandCustomer('上海示例信息技术有限公司', '91310000MA1FL4B24G', 'admin@example.cn', 'crm-4712'),
  zhumu: mainlandCustomer('北京示例网络科技有限公司', '91110000MA0000023W', 'it@example-net.cn', 'crm-4713'),
  umeet: mainlandCustomer('北京示例通信有限公司', '91110000MA0000031P', 'admin@example-tel.cn', 'crm-4714'),
} satisfies Record<string, ProvisionAccountInput>;
