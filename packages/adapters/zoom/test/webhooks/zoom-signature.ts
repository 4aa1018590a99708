import { createHmac } from 'node:crypto';

/** Signs as Zoom documents it, written apart from the adapter: `v0=` + hex HMAC-SHA256 of `v0:{ts}:{body}`. */
export function zoomSign(secret: string, timestampSeconds: number | string, body: string | Buffer): string {
  const message = Buffer.concat([Buffer.from(`v0:${timestampSeconds}:`), Buffer.from(body)]);
  return `v0=${createHmac('sha256', secret).update(message).digest('hex')}`;
}

/** The headers of a Zoom delivery of `body` at `timestampSeconds`. */
export function zoomHeaders(secret: string, timestampSeconds: number, body: string | Buffer) {
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-zm-request-timestamp': String(timestampSeconds),
    'x-zm-signature': zoomSign(secret, timestampSeconds, body),
  };
}

/** A Zoom notification body, as Zoom's envelope has it. */
export function zoomBody(
  event: string,
  object: Record<string, unknown>,
  eventTs = 1_700_000_000_000,
): string {
  return JSON.stringify({
    event,
    event_ts: eventTs,
    payload: { account_id: 'master1', operator: 'admin@example.com', operator_id: 'op1', object },
  });
}
