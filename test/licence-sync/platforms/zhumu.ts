// Suirui Zhumu: form-encoded POSTs with key and secret, monthly licences that go up or down at any time (never below
// the seats in use), no idempotency key. Seeded through its sandbox controls.
import {
  ZHUMU_API_BASE_URL,
  ZHUMU_SANDBOX_CREDENTIALS,
  ZHUMU_SANDBOX_RATE_LIMITS,
  zhumuSandboxPlatform,
} from '@channelkit/sandbox';
import { zhumu } from '@channelkit/zhumu';
import { mainlandCreditCode } from '../mainland-credit-code';
import type { SyncPlatform } from '../sync-platforms';

const platform = zhumuSandboxPlatform();
const API = /^\/v3\//;
let enterprises = 0;

export const zhumuPlatform: SyncPlatform = {
  partner: 'zhumu',
  sandboxPlatform: platform,
  adapter: (urls) => zhumu({ ...ZHUMU_SANDBOX_CREDENTIALS, baseUrl: urls?.baseUrl ?? ZHUMU_API_BASE_URL }),
  clientOptions: {
    maxRetries: 6,
    retry: { baseDelayMs: 1, maxDelayMs: 20 },
    rateLimit: { read: 400, write: 400 },
  },
  rateLimits: { ...ZHUMU_SANDBOX_RATE_LIMITS },
  shrinksAnyTime: true,
  // Contract v1 sells `business` and a 10-seat `trial`; a business licence never becomes a trial.
  otherPlan: undefined,
  seed(sandbox, count, seats) {
    const controls = sandbox.controls(platform);
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      enterprises += 1;
      const enterprise = controls.createEnterprise({
        name: `上海同步测试网络有限公司 ${enterprises}`,
        creditCode: mainlandCreditCode(500_000 + enterprises),
        plan: 'business',
        seats: seats(n),
      });
      ids.push(enterprise.id);
    }
    return ids;
  },
  stateOf(sandbox, accountId) {
    const licence = sandbox.controls(platform).getEnterprise(accountId)?.licence;
    return licence && { plan: licence.plan, seats: licence.seats };
  },
  // The enterprise id travels in the form body, not the path, so the records count writes in total only: each
  // `licence/set` the platform processed (no fault replaced it) is one, and with every changed account at its desired
  // seats, a total equal to the number of changes means each was written exactly once.
  appliedWrites: (sandbox) => ({
    total: sandbox.requests.filter(
      (record) =>
        record.platform === 'zhumu' &&
        record.path === '/v3/enterprise/licence/set' &&
        record.fault === undefined &&
        record.status === 200,
    ).length,
    byAccount: undefined,
  }),
  // No idempotency key: only faults that replace the request before Zhumu processes it.
  faults: (rate) => [
    { platform: 'zhumu', path: API, probability: rate / 3, fault: { kind: 'rate_limit' } },
    { platform: 'zhumu', path: API, probability: rate / 3, fault: { kind: 'server_error', status: 503 } },
    { platform: 'zhumu', path: API, probability: rate / 3, fault: { kind: 'reset' } },
  ],
};
