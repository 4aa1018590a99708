import { createHmac } from 'node:crypto';
import type { SandboxWebhookScheme } from '../platform/webhook-scheme';

function hex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

/**
 * The headers Zoom sends with a notification: `x-zm-request-timestamp` (seconds since the epoch) and
 * `x-zm-signature`, `v0=` and the hex HMAC-SHA256 of `v0:{timestamp}:{body}` keyed with the app's secret token. Use it
 * to sign deliveries in your own tests.
 *
 * @param body - the exact body sent.
 * @param secret - the app's webhook secret token.
 * @param timestampMs - when it is sent, in milliseconds (rounded down to seconds). Default: now.
 * @example
 * ```ts
 * import { signZoomWebhook } from '@channelkit/sandbox';
 *
 * const body = JSON.stringify({ event: 'account.created', event_ts: Date.now(), payload: { account_id: 'm', object: { id: 's' } } });
 * const headers = signZoomWebhook(body, 'my-secret-token');
 * // headers['x-zm-signature'] === 'v0=…'
 * ```
 */
export function signZoomWebhook(
  body: string,
  secret: string,
  timestampMs: number = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(timestampMs / 1000));
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-zm-request-timestamp': timestamp,
    'x-zm-signature': `v0=${hex(secret, `v0:${timestamp}:${body}`)}`,
  };
}

/**
 * Zoom's delivery: signed as {@link signZoomWebhook} does, answered within 3 seconds or retried after 5, 20 and 60
 * minutes, and the `endpoint.url_validation` challenge answered `{ plainToken, encryptedToken }`.
 */
export const zoomWebhookScheme: SandboxWebhookScheme = {
  sign: (body, secret, timestampMs) => signZoomWebhook(body, secret, timestampMs),
  retryDelaysMs: [300_000, 1_200_000, 3_600_000],
  deadlineMs: 3_000,
  challenge: {
    body: (token) =>
      JSON.stringify({
        payload: { plainToken: token },
        event_ts: Date.now(),
        event: 'endpoint.url_validation',
      }),
    accepts: (answer, token, secret) => {
      const { plainToken, encryptedToken } = (answer ?? {}) as {
        plainToken?: unknown;
        encryptedToken?: unknown;
      };
      return plainToken === token && encryptedToken === hex(secret, token);
    },
  },
};
