import type { ProvisionAccountInput } from '@channelkit/types';

/** A valid mainland customer: Chinese names and address, 10 seats. */
export function provisionInput(overrides: Partial<ProvisionAccountInput> = {}): ProvisionAccountInput {
  return {
    profile: {
      legalName: '上海示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: '软件和信息技术服务业',
      employeeCount: '51-250',
      website: 'https://example.cn',
      address: {
        line1: '浦东新区世纪大道 100 号',
        line2: '环球金融中心 20 层',
        city: '上海',
        region: '上海市',
        postalCode: '200120',
        country: 'CN',
      },
    },
    admin: { firstName: '伟', lastName: '王', email: 'wang.wei@example.cn', mobile: '+8613800138000' },
    seats: 10,
    plan: 'business',
    externalId: 'crm-4711',
    ...overrides,
  };
}
