// Bizconf: annual commitments (more seats at any time, fewer only at renewal), a bizNo on every write, HTTP 200
// envelopes for business errors and rate limits. Seeded through its sandbox controls.
import { bizconf } from '@channelkit/bizconf';
import {
  BIZCONF_RATE_LIMITS,
  BIZCONF_SANDBOX_BASE_URL,
  BIZCONF_SANDBOX_CREDENTIALS,
  bizconfSandboxPlatform,
} from '@channelkit/sandbox';
import { countWrites } from '../applied-writes';
import { mainlandCreditCode } from '../mainland-credit-code';
import type { SyncPlatform } from '../sync-platforms';

const platform = bizconfSandboxPlatform({ provisioningDelayMs: 0 });
const API = /^\/openapi\/v1\//;
const LICENCE = /^\/openapi\/v1\/enterprises\/([^/]+)\/licence$/;
let enterprises = 0;

export const bizconfPlatform: SyncPlatform = {
  partner: 'bizconf',
  sandboxPlatform: platform,
  adapter: (urls) =>
    bizconf({ ...BIZCONF_SANDBOX_CREDENTIALS, baseUrl: urls?.baseUrl ?? BIZCONF_SANDBOX_BASE_URL }),
  clientOptions: {
    maxRetries: 6,
    retry: { baseDelayMs: 1, maxDelayMs: 20 },
    rateLimit: { query: 400, write: 400 },
  },
  rateLimits: { ...BIZCONF_RATE_LIMITS },
  // Every Bizconf licence is an annual commitment, and the plan changes only through a renewal order with Bizconf.
  shrinksAnyTime: false,
  otherPlan: undefined,
  seed(sandbox, count, seats) {
    const controls = sandbox.controls(platform);
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      enterprises += 1;
      const enterprise = controls.createEnterprise({
        enterpriseName: `北京同步测试科技有限公司 ${enterprises}`,
        creditCode: mainlandCreditCode(enterprises),
        seats: seats(n),
        planCode: 'STANDARD',
      });
      ids.push(enterprise.enterpriseId);
    }
    return ids;
  },
  stateOf(sandbox, accountId) {
    const licence = sandbox.controls(platform).getEnterprise(accountId)?.licence;
    return licence && { plan: licence.planCode, seats: licence.seats };
  },
  // Each licence POST the platform processed (no fault replaced it) is counted as a write, a bizNo answered from
  // memory included: the faults used here all replace the request before Bizconf sees it, so a write processed twice
  // would show as two.
  appliedWrites: (sandbox) =>
    countWrites(
      sandbox.requests
        .filter((record) => record.platform === 'bizconf' && record.method === 'POST')
        .filter((record) => record.fault === undefined && record.status === 200)
        .map((record) => LICENCE.exec(record.path)?.[1])
        .filter((id): id is string => id !== undefined)
        .map(decodeURIComponent),
    ),
  faults: (rate) => [
    // Bizconf's gateway says "slow down" in an HTTP 200 envelope; its 5xx are gateway pages or a JSON 500.
    { platform: 'bizconf', path: API, probability: rate / 4, fault: { kind: 'rate_limit' } },
    { platform: 'bizconf', path: API, probability: rate / 4, fault: { kind: 'server_error', status: 502 } },
    { platform: 'bizconf', path: API, probability: rate / 4, fault: { kind: 'server_error', status: 500 } },
    { platform: 'bizconf', path: API, probability: rate / 4, fault: { kind: 'reset' } },
  ],
};
