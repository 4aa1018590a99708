import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ChannelClient,
  createClient,
  createMemoryIdempotencyStore,
  type Logger,
} from '@channelkit/core';
import { type RunningSandbox, startSandbox } from '@channelkit/sandbox';
import type { AccountChangedEvent, ProvisionAccountInput } from '@channelkit/types';
import { zoom } from '@channelkit/zoom';
import { afterEach, describe, expect, it } from 'vitest';

// End to end over HTTP: the sandbox's Zoom delivers signed notifications, as Zoom does, to a real node handler.

const SECRET = 'sandbox-webhook-secret-token';
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A receiving instance: a client with Zoom's webhook secret, served by its node handler on loopback. */
async function receiver(
  options: {
    store?: ReturnType<typeof createMemoryIdempotencyStore>;
    before?: (req: IncomingMessage, res: ServerResponse) => boolean;
  } = {},
) {
  const client = createClient(
    zoom({ accountId: 'unused', clientId: 'unused', clientSecret: 'unused', webhookSecretToken: SECRET }),
    { logger: quiet, ...(options.store ? { idempotency: { store: options.store } } : {}) },
  );
  const events: AccountChangedEvent[] = [];
  client.on('account.changed', (event) => events.push(event));
  const handler = client.webhooks.nodeHandler();
  const server = createServer((req, res) => {
    if (options.before?.(req, res)) return;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { client, events, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zoom` };
}

async function sandboxDeliveringTo(url: string, target: Record<string, unknown> = {}, secret = SECRET) {
  const running = await startSandbox({
    seed: 42,
    webhooks: { zoom: { url, secret, retryDelaysMs: [5, 5, 5], ...target } },
  });
  closers.push(() => running.close());
  return running;
}

function platformClient(running: RunningSandbox): ChannelClient {
  return createClient(zoom(running.credentials.zoom), { logger: quiet });
}

function customer(n: number): ProvisionAccountInput {
  return {
    profile: {
      legalName: `示例科技有限公司 ${n}`,
      country: 'SG',
      industry: 'software',
      employeeCount: '11-50',
    },
    admin: { firstName: 'Mei', lastName: 'Tan', email: `admin${n}@example.sg`, mobile: '+6591234567' },
  };
}

/** Waits until the emitted events (which follow each answer) reach `count`. */
async function emitted(events: unknown[], count: number): Promise<void> {
  while (events.length < count) await new Promise((resolve) => setImmediate(resolve));
}

describe('Zoom webhooks from the sandbox to a node handler', () => {
  it('delivers account.created and account.disassociated as typed account.changed events', async () => {
    const { events, url } = await receiver();
    const running = await sandboxDeliveringTo(url);
    const zoomClient = platformClient(running);
    const account = await zoomClient.accounts.provision(customer(1));
    await zoomClient.accounts.close(account.id);
    await running.sandbox.webhooks.settled();
    await emitted(events, 2);
    expect(events.map((event) => [event.change, event.accountId, event.platformEvent])).toEqual([
      ['created', account.id, 'account.created'],
      ['closed', account.id, 'account.disassociated'],
    ]);
    expect(events[0]?.changes).toEqual({ ownerEmail: 'admin1@example.sg' });
    expect(running.sandbox.webhooks.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
  });

  it('answers the URL validation challenge', async () => {
    const { url } = await receiver();
    const running = await sandboxDeliveringTo(url);
    expect(await running.sandbox.webhooks.validate('zoom')).toEqual({ valid: true, status: 200 });
    const wrong = await sandboxDeliveringTo(url, {}, 'not-the-secret');
    expect(await wrong.sandbox.webhooks.validate('zoom')).toEqual({ valid: false, status: 401 });
  });

  it('emits each change once through duplicates and out-of-order deliveries, across two instances', async () => {
    const store = createMemoryIdempotencyStore();
    const a = await receiver({ store });
    const b = await receiver({ store });
    // The platform delivers to one URL; a load balancer alternates between the instances.
    let turn = 0;
    const balancer = await receiver({
      before: (req, res) => {
        const target = (turn++ % 2 === 0 ? a : b).url;
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', async () => {
          const answer = await fetch(target, {
            method: 'POST',
            headers: req.headers as Record<string, string>,
            body: Buffer.concat(chunks),
          });
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(await answer.text());
        });
        return true;
      },
    });
    const running = await sandboxDeliveringTo(balancer.url, { duplicateRate: 1, outOfOrderRate: 1 });
    const zoomClient = platformClient(running);
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4]) ids.push((await zoomClient.accounts.provision(customer(n))).id);
    await running.sandbox.webhooks.settled();
    await emitted([...a.events, ...b.events], 4);
    const deliveries = running.sandbox.webhooks.deliveries;
    expect(deliveries.filter((delivery) => delivery.duplicate).length).toBeGreaterThanOrEqual(4);
    // Held back and sent after the next one: the first attempts are not in creation order.
    const firstAttempts = deliveries.filter((delivery) => delivery.attempt === 1 && !delivery.duplicate);
    const order = firstAttempts.map((delivery) => ids.findIndex((id) => delivery.id.endsWith(`:${id}`)));
    expect(order).not.toEqual([0, 1, 2, 3]);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    const received = [...a.events, ...b.events].map((event) => event.accountId);
    expect([...received].sort()).toEqual([...ids].sort());
  });

  it('retries a delivery that failed, and the handler processes the retry once', async () => {
    let refused = 0;
    const { events, url } = await receiver({
      before: (_req, res) => {
        if (refused >= 2) return false;
        refused++;
        res.writeHead(503).end();
        return true;
      },
    });
    const running = await sandboxDeliveringTo(url);
    const account = await platformClient(running).accounts.provision(customer(7));
    await running.sandbox.webhooks.settled();
    await emitted(events, 1);
    expect(
      running.sandbox.webhooks.deliveries.map((delivery) => [delivery.attempt, delivery.status]),
    ).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    expect(events.map((event) => event.accountId)).toEqual([account.id]);
  });

  it('gives up after the platform retry schedule when the secret is wrong, and nothing is emitted', async () => {
    const { events, url } = await receiver();
    const running = await sandboxDeliveringTo(url, {}, 'a-stale-secret');
    await platformClient(running).accounts.provision(customer(9));
    await running.sandbox.webhooks.settled();
    expect(
      running.sandbox.webhooks.deliveries.map((delivery) => [delivery.attempt, delivery.status]),
    ).toEqual([
      [1, 401],
      [2, 401],
      [3, 401],
      [4, 401],
    ]);
    expect(events).toEqual([]);
  });
});
