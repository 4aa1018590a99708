// Systec Umeet: OAuth2, flexible seats up to a cap, ETag and If-Match on licence writes. Its licence version counts
// every change the platform applied, so the ambiguous failure (a write applied, its answer lost) is injected too.
import {
  UMEET_API_BASE_URL,
  UMEET_RATE_LIMITS,
  UMEET_SANDBOX_CREDENTIALS,
  UMEET_TOKEN_URL,
  umeetSandboxPlatform,
} from '@channelkit/sandbox';
import { umeet } from '@channelkit/umeet';
import { mainlandCreditCode } from '../mainland-credit-code';
import type { SyncPlatform } from '../sync-platforms';

const platform = umeetSandboxPlatform();
const API = /^\/v1\//;
/** A seeded licence starts at version 1; each change the platform applies adds one. */
const SEEDED_VERSION = 1;
let accounts = 0;

export const umeetPlatform: SyncPlatform = {
  partner: 'umeet',
  sandboxPlatform: platform,
  adapter: (urls) =>
    umeet({
      ...UMEET_SANDBOX_CREDENTIALS,
      baseUrl: urls?.baseUrl ?? UMEET_API_BASE_URL,
      tokenUrl: urls?.tokenUrl ?? UMEET_TOKEN_URL,
    }),
  clientOptions: {
    maxRetries: 6,
    retry: { baseDelayMs: 1, maxDelayMs: 20 },
    rateLimit: { read: 400, write: 400 },
  },
  rateLimits: { ...UMEET_RATE_LIMITS },
  shrinksAnyTime: true,
  otherPlan: 'enterprise',
  seed(sandbox, count, seats) {
    const controls = sandbox.controls(platform);
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      accounts += 1;
      const account = controls.createAccount({
        name: `深圳同步测试通信有限公司 ${accounts}`,
        adminEmail: `admin-${accounts}@sync.example.cn`,
        creditCode: mainlandCreditCode(800_000 + accounts),
        plan: 'business',
        purchased: seats(n),
      });
      ids.push(account.id);
    }
    return ids;
  },
  stateOf(sandbox, accountId) {
    const licence = sandbox.controls(platform).getAccount(accountId)?.licence;
    return licence && { plan: licence.plan, seats: licence.purchased };
  },
  appliedWrites(sandbox) {
    const byAccount = new Map<string, number>();
    let total = 0;
    for (const account of sandbox.controls(platform).listAccounts()) {
      const changes = account.licence.version - SEEDED_VERSION;
      if (changes > 0) byAccount.set(account.id, changes);
      total += changes;
    }
    return { total, byAccount };
  },
  faults: (rate) => [
    { platform: 'umeet', path: API, probability: rate / 4, fault: { kind: 'rate_limit' } },
    { platform: 'umeet', path: API, probability: rate / 4, fault: { kind: 'server_error', status: 503 } },
    { platform: 'umeet', path: API, probability: rate / 4, fault: { kind: 'reset' } },
    // The write applied, its answer lost: the repeat meets 412, and the adapter's re-read finds the change made.
    {
      platform: 'umeet',
      path: API,
      method: 'PUT',
      probability: rate / 4,
      when: 'after',
      fault: { kind: 'reset' },
    },
  ],
};
