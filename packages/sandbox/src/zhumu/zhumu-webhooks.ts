import { createHmac } from 'node:crypto';
import type { SandboxPlatformContext } from '../platform/sandbox-platform';
import type { SandboxWebhookScheme } from '../platform/webhook-scheme';
import type { ZhumuSandboxEnterprise } from './zhumu-controls';
import { beijingTime, type ZhumuStore } from './zhumu-store';

/**
 * The headers Zhumu signs a callback with (contract v1): `X-Zhumu-Timestamp` (Unix seconds) and `X-Zhumu-Signature`,
 * `sha256=` and the hex HMAC-SHA256 of `{timestamp}.{body}` keyed with the partner's `api_secret`. Use it to sign
 * callbacks in your own tests.
 *
 * @example
 * ```ts
 * import { signZhumuCallback } from '@channelkit/sandbox';
 *
 * const body = JSON.stringify({ event_id: 'evt_1', event: 'enterprise.suspended', occurred_at: '2026-01-02T11:04:05+08:00', enterprise_id: 'k3j9', payload: { status: 3 } });
 * const headers = signZhumuCallback(body, 'my-api-secret');
 * ```
 */
export function signZhumuCallback(
  body: string,
  apiSecret: string,
  timestampMs: number = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(timestampMs / 1000));
  const mac = createHmac('sha256', apiSecret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return {
    'content-type': 'application/json',
    'x-zhumu-timestamp': timestamp,
    'x-zhumu-signature': `sha256=${mac}`,
  };
}

/**
 * Zhumu's callback delivery (contract v1): signed as {@link signZhumuCallback} does, repeated until a 2xx. The
 * contract names no schedule; the sandbox waits 5 seconds for an answer and retries after 1, 5 and 30 minutes and
 * 2 hours.
 */
export const zhumuWebhookScheme: SandboxWebhookScheme = {
  sign: (body, secret, timestampMs) => signZhumuCallback(body, secret, timestampMs),
  retryDelaysMs: [60_000, 300_000, 1_800_000, 7_200_000],
  deadlineMs: 5_000,
};

/** The callback contract v1 sends for a move to status `code`, from `previous` (undefined: first seen). */
function enterpriseEvent(code: number, previous: number | undefined): string | undefined {
  switch (code) {
    case 1:
      return previous === 3 || previous === 4 ? 'enterprise.resumed' : 'enterprise.review_approved';
    case 2:
      return 'enterprise.review_rejected';
    case 3:
      return 'enterprise.suspended';
    case 4:
      return 'enterprise.locked';
    case 5:
      return 'enterprise.cancelled';
    default:
      return undefined;
  }
}

function licenceOf(enterprise: ZhumuSandboxEnterprise) {
  const { licence } = enterprise;
  return {
    plan: licence.plan,
    seats: licence.seats,
    seats_used: licence.seatsUsed,
    seat_limit: licence.seatLimit ?? null,
    start_date: licence.startDate,
    end_date: licence.endDate ?? null,
    auto_renew: licence.autoRenew,
    status: licence.status,
  };
}

/**
 * Compares the in-memory Zhumu before and after each request and calls back what changed, as contract v1 describes:
 * an enterprise event for each status change (an enterprise first seen active counts as approved) and
 * `licence.changed` for each licence change. Changes made through the test controls are called back after the next
 * request.
 */
export function zhumuChangeWatcher(
  store: ZhumuStore,
  publish: NonNullable<SandboxPlatformContext['publishWebhook']>,
): () => void {
  const seen = new Map<string, { status: number; licence: string }>();
  let sequence = 0;
  const send = (event: string, enterpriseId: string, payload: Record<string, unknown>) => {
    const eventId = `evt_${String(++sequence).padStart(12, '0')}`;
    const body = JSON.stringify({
      event_id: eventId,
      event,
      occurred_at: beijingTime(store.now()),
      enterprise_id: enterpriseId,
      payload,
    });
    publish({ id: eventId, event, body });
  };
  return () => {
    for (const enterprise of store.listEnterprises()) {
      const before = seen.get(enterprise.id);
      const licence = licenceOf(enterprise);
      const licenceText = JSON.stringify(licence);
      seen.set(enterprise.id, { status: enterprise.status, licence: licenceText });
      if (before?.status !== enterprise.status) {
        const event = enterpriseEvent(enterprise.status, before?.status);
        if (event) send(event, enterprise.id, { status: enterprise.status });
      }
      if (before !== undefined && before.licence !== licenceText)
        send('licence.changed', enterprise.id, licence);
    }
  };
}
