import {
  type ChannelClient,
  createClient,
  createMemoryIdempotencyStore,
  type IdempotencyStore,
} from '@channelkit/core';
import type { ChannelEvent } from '@channelkit/types';
import { zoom } from '@channelkit/zoom';
import { describe, expect, it } from 'vitest';
import { recordingLogger, send, serve } from './http-harness';
import { zoomBody, zoomHeaders } from './zoom-signature';

const SECRET = 'zoom-secret-token-for-handler';
const credentials = { accountId: 'master1', clientId: 'id', clientSecret: 'client-secret' };
const nowSeconds = () => Math.floor(Date.now() / 1000);

function instance(options: { store?: IdempotencyStore; logger?: ReturnType<typeof recordingLogger> } = {}) {
  const logger = options.logger ?? recordingLogger();
  const client = createClient(zoom({ ...credentials, webhookSecretToken: SECRET }), {
    logger,
    ...(options.store ? { idempotency: { store: options.store } } : {}),
  });
  const events: ChannelEvent[] = [];
  client.on('account.changed', (event) => events.push(event));
  return { client, events, logger };
}

function delivery(
  object: Record<string, unknown> = { id: 'sub_1', owner_id: 'o', email: 'owner@example.cn' },
) {
  const body = zoomBody('account.created', object, Date.now());
  return { body, headers: zoomHeaders(SECRET, nowSeconds(), body) };
}

/** Resolves once `count` events were emitted (emission follows the answer). */
async function emitted(client: ChannelClient, events: ChannelEvent[], count: number): Promise<void> {
  while (events.length < count) {
    await new Promise<void>((resolve) => client.once('account.changed', () => resolve()));
  }
}

describe('client.webhooks.nodeHandler', () => {
  it('acknowledges a verified delivery with 200 and emits its typed events', async () => {
    const { client, events } = instance();
    const url = await serve(client.webhooks.nodeHandler());
    const { body, headers } = delivery();
    const answer = await send(url, { body, headers });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ received: true });
    await emitted(client, events, 1);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'account.changed',
        partner: 'zoom',
        accountId: 'sub_1',
        change: 'created',
      }),
    ]);
  });

  it('answers the URL validation challenge', async () => {
    const { client } = instance();
    const url = await serve(client.webhooks.nodeHandler());
    const body = JSON.stringify({ event: 'endpoint.url_validation', payload: { plainToken: 'plain-1' } });
    const answer = await send(url, { body, headers: zoomHeaders(SECRET, nowSeconds(), body) });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const { createHmac } = await import('node:crypto');
    expect(JSON.parse(answer.body)).toEqual({
      plainToken: 'plain-1',
      encryptedToken: createHmac('sha256', SECRET).update('plain-1').digest('hex'),
    });
  });

  it('answers before slow listeners finish', async () => {
    const { client } = instance();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = false;
    let called: () => void = () => {};
    const listenerCalled = new Promise<void>((resolve) => {
      called = resolve;
    });
    client.on('account.changed', () => {
      called();
      void gate.then(() => {
        finished = true;
      });
    });
    const url = await serve(client.webhooks.nodeHandler());
    const answer = await send(url, delivery());
    expect(answer.status).toBe(200);
    await listenerCalled;
    expect(finished).toBe(false);
    release();
    await gate;
  });

  it('answers a duplicate with 200 without emitting it again', async () => {
    const { client, events, logger } = instance();
    const url = await serve(client.webhooks.nodeHandler());
    const first = delivery();
    expect((await send(url, first)).status).toBe(200);
    await emitted(client, events, 1);
    // Zoom's retry: the same body, signed again at a later time.
    const retry = { body: first.body, headers: zoomHeaders(SECRET, nowSeconds() + 1, first.body) };
    const answer = await send(url, retry);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ received: true, duplicate: true });
    expect(events).toHaveLength(1);
    expect(logger.lines.map((line) => line.message)).toContain(
      'duplicate webhook acknowledged without emitting',
    );
  });

  it('processes concurrent duplicates once across instances sharing one store', async () => {
    const store = createMemoryIdempotencyStore();
    const a = instance({ store });
    const b = instance({ store });
    const urls = [await serve(a.client.webhooks.nodeHandler()), await serve(b.client.webhooks.nodeHandler())];
    const copy = delivery({ id: 'sub_concurrent', owner_id: 'o', email: 'x@example.cn' });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => send(urls[index % 2] ?? '', copy)),
    );
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(
      answers.filter((answer) => answer.status === 200 && !answer.body.includes('duplicate')),
    ).toHaveLength(1);
    // Emission follows the answer: wait for it on whichever instance won.
    while (a.events.length + b.events.length < 1) await new Promise((resolve) => setImmediate(resolve));
    // Later copies (the platform's retries of the 409s) are duplicates, on either instance.
    for (const url of urls) {
      const retry = await send(url, copy);
      expect(retry.status).toBe(200);
      expect(JSON.parse(retry.body)).toEqual({ received: true, duplicate: true });
    }
    expect(a.events.length + b.events.length).toBe(1);
  });

  it('answers 409 for a delivery claimed elsewhere and still running, so the platform retries', async () => {
    const store = createMemoryIdempotencyStore();
    const claims: string[] = [];
    const holding: IdempotencyStore = {
      ...store,
      claim: async (request) => {
        claims.push(request.key);
        return { status: 'in_progress' };
      },
    };
    const { client, events } = instance({ store: holding });
    const url = await serve(client.webhooks.nodeHandler());
    const answer = await send(url, delivery());
    expect(answer.status).toBe(409);
    expect(answer.headers['retry-after']).toBe('60');
    expect(claims).toHaveLength(1);
    expect(events).toHaveLength(0);
  });

  it('answers 503 when the idempotency store fails, so the platform retries', async () => {
    const failing: IdempotencyStore = {
      ...createMemoryIdempotencyStore(),
      claim: async () => {
        throw new Error('connection refused by redis://:hunter2@10.0.0.1');
      },
    };
    const { client, events, logger } = instance({ store: failing });
    const url = await serve(client.webhooks.nodeHandler());
    const answer = await send(url, delivery());
    expect(answer.status).toBe(503);
    expect(events).toHaveLength(0);
    expect(
      logger.lines.some((line) => line.level === 'error' && /idempotency store failed/.test(line.message)),
    ).toBe(true);
  });

  it('refuses every bad request with its status and a log line without secrets', async () => {
    const { client, events, logger } = instance();
    const url = await serve(client.webhooks.nodeHandler({ maxBodyBytes: 4096 }));
    const { body, headers } = delivery();
    const stale = zoomHeaders(SECRET, nowSeconds() - 600, body);
    const cases: [string, Parameters<typeof send>[1], number, string][] = [
      ['wrong method', { method: 'GET', headers }, 405, 'method_not_allowed'],
      [
        'wrong content type',
        { body, headers: { ...headers, 'content-type': 'text/plain' } },
        415,
        'unsupported_media_type',
      ],
      [
        'no content type',
        { body, headers: { ...headers, 'content-type': '' } },
        415,
        'unsupported_media_type',
      ],
      ['missing headers', { body, headers: { 'content-type': 'application/json' } }, 401, 'missing_header'],
      ['bad signature', { body: body.replace('sub_1', 'sub_2'), headers }, 401, 'bad_signature'],
      ['stale timestamp', { body, headers: stale }, 401, 'stale_timestamp'],
      [
        'malformed body',
        { body: 'nope', headers: zoomHeaders(SECRET, nowSeconds(), 'nope') },
        400,
        'malformed_body',
      ],
      ['declared oversized', { body: 'x'.repeat(5000), headers }, 413, 'body_too_large'],
    ];
    for (const [name, request, status, reason] of cases) {
      const answer = await send(url, request);
      expect({ name, status: answer.status }).toEqual({ name, status });
      expect({ name, body: JSON.parse(answer.body) }).toEqual({ name, body: { error: reason } });
    }
    expect(events).toHaveLength(0);
    const warnings = logger.lines.filter((line) => line.level === 'warn');
    expect(warnings.map((line) => (line.fields as { status: number }).status)).toEqual(
      cases.map((c) => c[2]),
    );
    const logged = JSON.stringify(logger.lines);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain(headers['x-zm-signature'].slice(3));
    expect(logged).not.toContain(stale['x-zm-signature'].slice(3));
    expect(logged).not.toContain('owner@example.cn');
  });

  it('answers 405 with Allow: POST', async () => {
    const { client } = instance();
    const url = await serve(client.webhooks.nodeHandler());
    const answer = await send(url, {
      method: 'PUT',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
  });

  it('stops reading a streamed body at the limit and answers 413', async () => {
    const { client, events } = instance();
    const url = await serve(client.webhooks.nodeHandler({ maxBodyBytes: 2048 }));
    const { headers } = delivery();
    const answer = await send(url, { body: 'x'.repeat(4096), headers, chunked: true });
    // The server closes the connection after its 413; a sender still writing may see the reset instead.
    expect([413, 0]).toContain(answer.status);
    expect(events).toHaveLength(0);
  });

  it('takes the raw body from express.raw() and refuses one a JSON parser already read', async () => {
    const { client, events, logger } = instance();
    const handler = client.webhooks.nodeHandler();
    const { body, headers } = delivery();
    // What express.raw() leaves: the stream read, req.body a Buffer.
    const raw = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        Object.assign(req, { body: Buffer.from(body) });
        handler(req, res);
      });
    });
    expect((await send(raw, { body, headers })).status).toBe(200);
    await emitted(client, events, 1);
    // What express.json() leaves: the stream read, req.body an object.
    const parsed = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        Object.assign(req, { body: JSON.parse(body) });
        handler(req, res);
      });
    });
    const answer = await send(parsed, { body, headers });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({ error: 'parsed_body' });
    const line = logger.lines.find(
      (entry) => (entry.fields as { reason?: string } | undefined)?.reason === 'parsed_body',
    );
    expect(line?.message).toMatch(/express\.raw/);
    // A stream consumed without leaving a body.
    const consumed = await serve((req, res) => {
      req.resume();
      req.on('end', () => handler(req, res));
    });
    expect((await send(consumed, { body, headers })).status).toBe(500);
  });

  it('answers 500 and says why when no secret is configured', async () => {
    const logger = recordingLogger();
    const client = createClient(zoom(credentials), { logger });
    const url = await serve(client.webhooks.nodeHandler());
    const answer = await send(url, delivery());
    expect(answer.status).toBe(500);
    expect(
      logger.lines.some((line) =>
        /webhooks\.secrets is missing/.test(String((line.fields as { error?: string }).error)),
      ),
    ).toBe(true);
  });
});
