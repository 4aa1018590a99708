import {
  type CustomerPolicy,
  checkCustomerPolicy,
  customerPolicySchema,
  MAINLAND_CHINA_ENTERPRISE_POLICY,
  type ProvisionAccountInput,
  provisionAccountInputSchema,
} from '@channelkit/types';
import { describe, expect, it } from 'vitest';

const mainland: ProvisionAccountInput = provisionAccountInputSchema.parse({
  profile: {
    legalName: '上海示例信息技术有限公司',
    creditCode: '91310000MA1FL4B24G',
    country: 'CN',
    industry: 'software',
    employeeCount: '51-250',
  },
  admin: { firstName: '伟', lastName: '王', email: 'admin@example.cn', mobile: '+86 138 0013 8000' },
});

const singapore: ProvisionAccountInput = provisionAccountInputSchema.parse({
  profile: { legalName: 'Example Pte. Ltd.', country: 'SG', industry: 'software', employeeCount: '51-250' },
  admin: { firstName: 'Wei', lastName: 'Wang', email: 'admin@example.com', mobile: '+6591234567' },
});

const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path);

describe('the mainland China enterprise policy', () => {
  it('accepts a mainland company with a mainland administrator, billed in CNY or by default', () => {
    expect(checkCustomerPolicy(mainland, MAINLAND_CHINA_ENTERPRISE_POLICY, 'Suirui Zhumu')).toEqual([]);
    expect(
      checkCustomerPolicy({ ...mainland, currency: 'CNY' }, MAINLAND_CHINA_ENTERPRISE_POLICY, 'Suirui Zhumu'),
    ).toEqual([]);
  });

  it('refuses a customer registered outside the mainland, a personal sign-up without a code, a foreign mobile', () => {
    const issues = checkCustomerPolicy(singapore, MAINLAND_CHINA_ENTERPRISE_POLICY, 'Suirui Zhumu');
    expect(paths(issues)).toEqual(['profile.country', 'profile.creditCode', 'admin.mobile']);
    expect(issues[0]?.message).toContain(
      "is 'SG', but Suirui Zhumu serves customers registered in mainland China only",
    );
    expect(issues[1]?.message).toContain('personal sign-ups are refused');
    expect(issues[2]?.message).toContain('mainland China mobile');
  });

  it('refuses an individual business (个体工商户, registration type 92): corporate customers only', () => {
    // A valid code (both check characters hold) whose registration type is 92.
    const individual = { ...mainland, profile: { ...mainland.profile, creditCode: '92310000MA1FL4B24D' } };
    const issues = checkCustomerPolicy(individual, MAINLAND_CHINA_ENTERPRISE_POLICY, 'Bizconf');
    expect(paths(issues)).toEqual(['profile.creditCode']);
    expect(issues[0]?.message).toContain('个体工商户');
  });

  it('refuses a billing currency other than CNY', () => {
    const issues = checkCustomerPolicy(
      { ...mainland, currency: 'USD' },
      MAINLAND_CHINA_ENTERPRISE_POLICY,
      'Bizconf',
    );
    expect(issues).toEqual([{ path: 'currency', message: "is 'USD', but Bizconf bills in 'CNY' only." }]);
  });
});

describe('a platform outside mainland China', () => {
  const zoomLike: CustomerPolicy = { market: 'outside_mainland_china', corporateOnly: false, currencies: [] };

  it('refuses a mainland customer and names the platforms that serve the mainland', () => {
    const issues = checkCustomerPolicy(mainland, zoomLike, 'Zoom');
    expect(paths(issues)).toEqual(['profile.country']);
    for (const platform of ['Bizconf', 'Suirui Zhumu', 'Systec Umeet'])
      expect(issues[0]?.message).toContain(platform);
  });

  it('accepts individuals and refuses a currency it would otherwise ignore', () => {
    expect(checkCustomerPolicy(singapore, zoomLike, 'Zoom')).toEqual([]);
    expect(paths(checkCustomerPolicy({ ...singapore, currency: 'SGD' }, zoomLike, 'Zoom'))).toEqual([
      'currency',
    ]);
  });

  it('checks no currency when the policy lists none', () => {
    const open: CustomerPolicy = { market: 'any', corporateOnly: false };
    expect(checkCustomerPolicy({ ...mainland, currency: 'EUR' }, open, 'Acme')).toEqual([]);
  });
});

describe('customerPolicySchema', () => {
  it('accepts the published policies and refuses an unknown market', () => {
    expect(customerPolicySchema.parse(MAINLAND_CHINA_ENTERPRISE_POLICY)).toEqual(
      MAINLAND_CHINA_ENTERPRISE_POLICY,
    );
    expect(customerPolicySchema.safeParse({ market: 'europe', corporateOnly: false }).success).toBe(false);
  });
});
