import { WebhookVerificationError } from '../errors/webhook-verification-error';

/** How to hand the verifier the bytes as received, per framework; part of the message for a parsed body. */
export const RAW_BODY_HINT =
  'Signatures are computed over the exact bytes sent, so pass the raw body, not a parsed object: ' +
  "in Express, mount express.raw({ type: 'application/json' }) on the webhook route (req.body is then a Buffer) " +
  'or use client.webhooks.nodeHandler() before any body parser; ' +
  "in Fastify, add a content-type parser with { parseAs: 'buffer' } for application/json on the route, " +
  'or read the request with fastify-raw-body; ' +
  "in plain Node, collect the request's chunks with Buffer.concat, or use client.webhooks.nodeHandler().";

/** The webhook body as bytes: a `Buffer`, `Uint8Array` or string (UTF-8); anything else is refused with the hint. */
export function rawBodyOf(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  const got = body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`;
  throw new WebhookVerificationError(`The webhook body is ${got}, not the raw body. ${RAW_BODY_HINT}`, {
    reason: 'parsed_body',
  });
}
