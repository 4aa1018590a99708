import type { EnterpriseAccount, LicenceState, Referral } from '@channelkit/types';

/** A mainland enterprise as a user would type it in. */
export const profileInput = {
  legalName: '  上海示例科技有限公司 ',
  creditCode: ' 91310000ma1fl4b24g ',
  country: 'cn',
  industry: 'Software',
  employeeCount: '51-250',
  website: 'https://www.example.cn',
  address: {
    line1: '浦东新区世纪大道 100 号',
    city: '上海',
    region: '上海市',
    postalCode: '200120',
    country: 'CN',
  },
};

export const adminInput = {
  firstName: '伟',
  lastName: '李',
  email: 'Li.Wei@Example.CN',
  mobile: '+86 138 0013 8000',
  jobTitle: 'IT 经理',
};

export const account: EnterpriseAccount = {
  partner: 'zoom',
  id: 'sub_123',
  name: '上海示例科技',
  status: 'active',
  externalRefs: { accountNumber: '8812345' },
  profile: { legalName: '上海示例科技有限公司' },
  owner: { email: 'li.wei@example.cn' },
  createdAt: '2025-03-31T09:30:00+08:00',
};

export const licence: LicenceState = {
  accountId: 'sub_123',
  partner: 'zoom',
  plan: 'business',
  seats: { purchased: 50, assigned: 12 },
  term: { start: '2025-04-01', end: '2026-03-31' },
  autoRenew: true,
  commitment: 'annual',
  status: 'active',
};

export const referral: Referral = {
  partner: 'bizconf',
  id: 'ref_1',
  direction: 'outbound',
  name: '北京示例 – 20 seats',
  status: 'submitted',
  platformStatus: 'Submitted',
  customer: { legalName: '北京示例有限公司', country: 'CN' },
  contacts: [{ firstName: '芳', lastName: '王', email: 'wang.fang@example.cn', phone: '+8613900000000' }],
  products: [{ code: 'meetings-pro', quantity: 20 }],
  estimatedValue: { amountMinor: 1_000_000, currency: 'CNY' },
  expectedCloseDate: '2025-06-30',
  submittedOn: '2025-03-31',
  externalRefs: { createReferenceId: 'cr-1' },
};

/** A referral as a user would submit it. */
export const referralInput = {
  name: '  北京示例 – 20 seats ',
  customer: { legalName: '北京示例有限公司', country: 'cn', industry: 'software', employeeCount: '51-250' },
  contacts: [{ firstName: '芳', lastName: '王', email: 'wang.fang@example.cn', mobile: '+86 139 0000 0000' }],
  products: [{ code: 'meetings-pro', quantity: 20 }],
  estimatedValue: { amountMinor: 1_000_000, currency: 'cny' },
  expectedCloseDate: '2025-06-30',
  notes: 'First line\nsecond line',
};
