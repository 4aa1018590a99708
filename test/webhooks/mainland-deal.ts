import type { ReferralInput } from '@channelkit/types';

/** A deal with a mainland customer, to register on Bizconf or Umeet; `productCode` is the platform's plan. */
export function mainlandDeal(productCode: string): ReferralInput {
  const closing = new Date(Date.now() + 90 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return {
    name: '上海示例信息技术有限公司 – 200 席',
    customer: {
      legalName: '上海示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: '软件和信息技术服务业',
      employeeCount: '51-250',
    },
    contacts: [{ firstName: '伟', lastName: '王', email: 'wang.wei@example.cn', mobile: '+8613800138000' }],
    products: [{ code: productCode, quantity: 200 }],
    estimatedValue: { amountMinor: 1_800_000, currency: 'CNY' },
    expectedCloseDate: closing,
  };
}

/** One line per referral event, `<id> <previous> → <status> (<platform status>, <platform event>)`, to compare. */
export function referralLine(event: {
  referralId: string;
  previousStatus?: string | undefined;
  status?: string | undefined;
  platformStatus?: string | undefined;
  platformEvent: string;
}): string {
  return `${event.referralId} ${event.previousStatus ?? '-'} → ${event.status ?? '-'} (${event.platformStatus ?? '-'}, ${event.platformEvent})`;
}
