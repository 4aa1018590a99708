import { createClient, isChannelError, WebhookVerificationError } from '@channelkit/core';
import { zoom } from '@channelkit/zoom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { send, serve } from './http-harness';
import { zoomBody, zoomHeaders } from './zoom-signature';

// Hostile input: random and truncated bodies and headers never crash the verifier or the handler, and nothing that
// was not signed with the secret is ever accepted.

const SECRET = 'fuzz-secret-token';
const NOW_S = 1_700_000_000;
const credentials = { accountId: 'master1', clientId: 'id', clientSecret: 'client-secret' };
const webhooks = createClient(zoom({ ...credentials, webhookSecretToken: SECRET }), {
  webhooks: { now: () => NOW_S * 1000 },
}).webhooks;

const genuine = zoomBody('account.created', { id: 'sub_fuzz', owner_id: 'o', email: 'owner@example.cn' });
const genuineHeaders = zoomHeaders(SECRET, NOW_S, genuine);

const headerValue = fc.oneof(
  fc.string(),
  fc.constantFrom('v0=', `v0=${'0'.repeat(64)}`, String(NOW_S), '', ' ', 'v1=abc', '-1', '1e10'),
  fc.stringMatching(/^v0=[0-9a-f]{64}$/),
);
const headers = fc.dictionary(
  fc.constantFrom('x-zm-signature', 'x-zm-request-timestamp', 'X-ZM-SIGNATURE', 'content-type', 'other'),
  fc.oneof(headerValue, fc.array(headerValue, { maxLength: 3 })),
);
const body = fc.oneof(
  fc.string(),
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
  fc.json(),
  fc.nat({ max: genuine.length }).map((cut) => genuine.slice(0, cut)),
);

/** Verifies, returning the outcome; anything but a verification error is a crash. */
function attempt(raw: string | Buffer, given: Record<string, unknown>): 'accepted' | 'refused' {
  try {
    webhooks.verify(raw, given as Record<string, string>);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(isChannelError(error)).toBe(true);
    expect((error as Error).message).not.toContain(SECRET);
    return 'refused';
  }
}

describe('fuzzing the Zoom verifier', () => {
  it('refuses random bodies with random headers, never crashing', () => {
    fc.assert(
      fc.property(body, headers, (raw, given) => {
        expect(attempt(raw, given)).toBe('refused');
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses random bodies under a genuine signature of another body', () => {
    fc.assert(
      fc.property(body, (raw) => {
        fc.pre(Buffer.compare(Buffer.from(raw), Buffer.from(genuine)) !== 0);
        expect(attempt(raw, genuineHeaders)).toBe('refused');
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses every truncation and every one-byte change of a genuine delivery', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('body', 'signature', 'timestamp'),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        (part, at, xor, truncate) => {
          let raw: Buffer = Buffer.from(genuine);
          const given: Record<string, string> = { ...genuineHeaders };
          const mutate = (bytes: Buffer): Buffer => {
            if (truncate) return bytes.subarray(0, at % bytes.length);
            const copy = Buffer.from(bytes);
            const index = at % copy.length;
            copy[index] = (copy[index] ?? 0) ^ xor;
            return copy;
          };
          if (part === 'body') raw = mutate(raw);
          if (part === 'signature')
            given['x-zm-signature'] = mutate(Buffer.from(given['x-zm-signature'] ?? '')).toString('latin1');
          if (part === 'timestamp') {
            given['x-zm-request-timestamp'] = mutate(
              Buffer.from(given['x-zm-request-timestamp'] ?? ''),
            ).toString('latin1');
          }
          const outcome = attempt(raw, given);
          // A case flip of a hex digit in the signature is the same signature.
          const sameSignature = given['x-zm-signature']?.toLowerCase() === genuineHeaders['x-zm-signature'];
          if (part !== 'signature' || !sameSignature) expect(outcome).toBe('refused');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts the genuine delivery (the fuzzing above is not refusing everything for another reason)', () => {
    expect(attempt(genuine, genuineHeaders)).toBe('accepted');
  });
});

describe('fuzzing the node handler over HTTP', () => {
  it('answers every random request with a refusal and keeps serving', async () => {
    const client = createClient(zoom({ ...credentials, webhookSecretToken: SECRET }));
    const emitted: unknown[] = [];
    client.on('account.changed', (event) => emitted.push(event));
    const url = await serve(client.webhooks.nodeHandler({ maxBodyBytes: 1024 }));
    const method = fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE');
    const contentType = fc.constantFrom(
      'application/json',
      'text/plain',
      'application/json; charset=utf-8',
      '',
    );
    await fc.assert(
      fc.asyncProperty(method, contentType, body, headers, async (verb, type, raw, given) => {
        const sent = Object.fromEntries(
          Object.entries(given)
            .filter(([name]) => name.toLowerCase() !== 'content-type')
            // Header values must be sendable over HTTP: visible ASCII.
            .map(([name, value]) => [
              name,
              (Array.isArray(value) ? value : [value]).map((v) => v.replace(/[^\x21-\x7e]/g, '')),
            ]),
        ) as Record<string, string[]>;
        const answer = await send(url, {
          method: verb,
          headers: { ...sent, ...(type ? { 'content-type': type } : {}) },
          ...(verb === 'GET' ? {} : { body: raw }),
        });
        expect([400, 401, 405, 413, 415, 0]).toContain(answer.status);
      }),
      { numRuns: 150 },
    );
    const genuineNow = zoomBody('account.created', { id: 'sub_live', owner_id: 'o' }, Date.now());
    const alive = await send(url, {
      body: genuineNow,
      headers: zoomHeaders(SECRET, Math.floor(Date.now() / 1000), genuineNow),
    });
    expect(alive.status).toBe(200);
    while (emitted.length < 1) await new Promise((resolve) => setImmediate(resolve));
    expect(emitted).toHaveLength(1);
  });
});
