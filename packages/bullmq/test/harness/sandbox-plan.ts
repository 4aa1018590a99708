import { createHub, type LicencePlan } from '@channelkit/core';
import { type RunningSandbox, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';

let owners = 0;

/** Creates `count` Zoom accounts with 5 seats each and plans new seat counts for them (every fourth a noop). */
export async function seedAndPlan(
  running: RunningSandbox,
  count: number,
  rateLimit?: Record<string, number>,
  accountId: string = ZOOM_SANDBOX_CREDENTIALS.accountId,
): Promise<LicencePlan> {
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    owners += 1;
    const account = running.sandbox.zoom.createAccount({ email: `owner-${owners}@queue.example.com` });
    running.sandbox.zoom.setPlan(account.id, { type: 'business_monthly', hosts: 5 });
    ids.push(account.id);
  }
  const urls = running.urls('zoom');
  const hub = createHub(
    {
      zoom: zoom({ ...ZOOM_SANDBOX_CREDENTIALS, accountId, baseUrl: urls.baseUrl, oauthUrl: urls.oauthUrl }),
    },
    { maxRetries: 8, retry: { baseDelayMs: 5, maxDelayMs: 100 }, ...(rateLimit ? { rateLimit } : {}) },
  );
  return hub.licences.plan(
    ids.map((accountId, n) => ({ partner: 'zoom', accountId, seats: n % 4 === 0 ? 5 : 6 + (n % 9) })),
    { concurrency: 16 },
  );
}

/** Writes of seats the sandbox applied, per Zoom account: each `PUT .../plans/base` answered 2xx. */
export function appliedWrites(running: RunningSandbox): Map<string, number> {
  const writes = new Map<string, number>();
  for (const record of running.sandbox.requests) {
    const match = /^\/v2\/accounts\/([^/]+)\/plans\/base$/.exec(record.path);
    if (record.method !== 'PUT' || !match || record.status === undefined || record.status >= 300) continue;
    const id = decodeURIComponent(match[1] ?? '');
    writes.set(id, (writes.get(id) ?? 0) + 1);
  }
  return writes;
}
