// Webhook intake on several instances behind a load balancer: two clients, each serving its own
// `client.webhooks.nodeHandler()` on its own loopback HTTP server, share de-duplication through a Redis or
// PostgreSQL store from this package (each instance with its own connection to the same server, as two machines
// would have). Deliveries are signed as the platform signs them and sent to both instances at the same moment; the
// tests assert what a user observes: the answers the platform gets, and the events emitted across both instances.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type IdempotencyStore, type Logger } from '@channelkit/core';
import { signZoomWebhook } from '@channelkit/sandbox';
import type { ChannelEvent } from '@channelkit/types';
import { zoom } from '@channelkit/zoom';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createPostgresStateStore, createRedisStateStore, type QueueStateStore } from '../src/index';
import { testBackends } from './harness/backends';
import { freePort } from './servers/free-port';

const SECRET = 'zoom-webhook-secret-token-intake';
const MASTER = {
  accountId: 'master-intake',
  clientId: 'intake-client',
  clientSecret: 'intake-client-secret',
};
/** How long the handler holds a delivery it claimed before another instance may take it over (its holder died). */
const CLAIM_LEASE_MS = 60_000;

let deliveries = 0;

/** A Zoom `account.created` notification, as Zoom sends it; each call is a new delivery. */
function newDelivery(): { id: string; body: string } {
  deliveries += 1;
  const eventTs = Date.now();
  const account = `sub-${process.pid}-${deliveries}`;
  const body = JSON.stringify({
    event: 'account.created',
    event_ts: eventTs,
    payload: {
      account_id: MASTER.accountId,
      operator: 'admin@example.com',
      operator_id: 'op-1',
      object: { id: account, owner_id: 'owner-1', email: `${account}@example.cn` },
    },
  });
  // Zoom's delivery id for an event without event_id: the event, its time, the master and the object.
  return { id: `account.created:${eventTs}:${MASTER.accountId}:${account}`, body };
}

interface Answer {
  status: number;
  body: string;
  retryAfter: string | null;
}

/** POSTs a delivery as the platform does (signed now, so a retry is signed anew); `status` 0 when the connection failed. */
async function post(url: string, body: string): Promise<Answer> {
  try {
    const response = await fetch(url, { method: 'POST', headers: signZoomWebhook(body, SECRET), body });
    return {
      status: response.status,
      body: await response.text(),
      retryAfter: response.headers.get('retry-after'),
    };
  } catch {
    return { status: 0, body: '', retryAfter: null };
  }
}

/**
 * POSTs as the platform retries a 409: again a little later, until it is answered otherwise. Used where the claim's
 * holder has processed the delivery and its record may still be on its way to the store.
 */
async function postUntilAnswered(url: string, body: string): Promise<Answer> {
  for (let turn = 0; ; turn += 1) {
    const answer = await post(url, body);
    if (answer.status !== 409 || turn > 500) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const processed = (answer: Answer) => answer.status === 200 && JSON.parse(answer.body).duplicate !== true;
const duplicate = (answer: Answer) => answer.status === 200 && JSON.parse(answer.body).duplicate === true;

/** An ioredis client to a server that is gone, failing each command at once instead of queueing it. */
function deadRedis(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {}); // the refused connection; each command reports it
  return redis;
}

interface LogLine {
  level: keyof Logger;
  message: string;
}

/** One instance of the integration: a client with the shared store, its handler served on a loopback port. */
interface Instance {
  readonly url: string;
  /** The events its client emitted. */
  readonly events: ChannelEvent[];
  readonly log: LogLine[];
  readonly client: ReturnType<typeof createClient>;
  /** Drops every open connection and stops listening, as a killed process would. */
  kill(): Promise<void>;
}

// One suite, its tests concurrent: the waits of both backends for a lapsed claim overlap. Each test starts its own
// instances and sends its own deliveries.
describe.concurrent('webhook intake on two instances sharing one store', () => {
  const backends = testBackends();
  const stores: { close(): Promise<void> }[] = [];
  const instances: Instance[] = [];
  afterAll(async () => {
    for (const instance of instances.splice(0)) await instance.kill();
    for (const store of stores.splice(0)) await store.close();
    for (const backend of backends) if (backend.missing === undefined) await backend.stop();
  });

  for (const backend of backends) {
    {
      let connection: string;
      beforeAll(async () => {
        if (backend.missing === undefined) connection = await backend.start();
      });
      const it = test.skipIf(backend.missing !== undefined);
      const on = (name: string) =>
        `${backend.name}: ${name}${backend.missing ? ` (skipped: ${backend.missing})` : ''}`;

      /** A store of this package on the shared server, with a connection of its own. */
      function sharedStore(): QueueStateStore {
        const store =
          backend.name === 'redis'
            ? createRedisStateStore({ connection, prefix: 'intake' })
            : createPostgresStateStore({ connection, schema: 'intake' });
        stores.push(store);
        return store;
      }

      async function startInstance(
        store: IdempotencyStore,
        webhooks: { dedupeTtlMs?: number } = {},
      ): Promise<Instance> {
        const log: LogLine[] = [];
        const logger = Object.fromEntries(
          (['debug', 'info', 'warn', 'error'] as const).map((level) => [
            level,
            (message: string) => log.push({ level, message }),
          ]),
        ) as unknown as Logger;
        const client = createClient(zoom({ ...MASTER, webhookSecretToken: SECRET }), {
          logger,
          idempotency: { store },
          webhooks,
        });
        const events: ChannelEvent[] = [];
        client.on('account.changed', (event) => events.push(event));
        const server = http.createServer(client.webhooks.nodeHandler());
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const instance: Instance = {
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zoom`,
          events,
          log,
          client,
          async kill() {
            server.closeAllConnections();
            await new Promise((resolve) => server.close(resolve));
          },
        };
        instances.push(instance);
        return instance;
      }

      /** Waits until `count` events were emitted across `of` (emission follows the 200). */
      async function emitted(of: readonly Instance[], count: number): Promise<ChannelEvent[]> {
        for (let turn = 0; ; turn += 1) {
          const events = of.flatMap((instance) => instance.events);
          if (events.length >= count) return events;
          if (turn > 5_000) throw new Error(`only ${events.length} of ${count} events were emitted`);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }

      it(
        on(
          'each of 150 deliveries sent to both instances at the same moment is emitted once; the copies are answered 200 as duplicates or 409 and later acknowledged',
        ),
        async ({ expect }) => {
          const a = await startInstance(sharedStore());
          const b = await startInstance(sharedStore());
          const sent = Array.from({ length: 150 }, newDelivery);
          // Two copies to each instance: the load balancer spread the platform's delivery and a quick retry.
          const copies = sent.flatMap((delivery, index) =>
            (index % 2 === 0 ? [a, b, a, b] : [b, a, b, a]).map((instance) => ({ delivery, instance })),
          );
          const answers = await Promise.all(
            copies.map(({ delivery, instance }) => post(instance.url, delivery.body)),
          );

          for (const [index, answer] of answers.entries()) {
            expect([200, 409], answer.body).toContain(answer.status);
            if (answer.status === 409) {
              expect(JSON.parse(answer.body)).toEqual({ error: 'in_progress' });
              expect(answer.retryAfter).toBe('60');
            }
            if (answer.status === 200)
              expect(processed(answer) || duplicate(answer), String(index)).toBe(true);
          }
          for (const [index, delivery] of sent.entries()) {
            const own = answers.slice(index * 4, index * 4 + 4);
            expect(own.filter(processed), delivery.id).toHaveLength(1);
          }
          const events = await emitted([a, b], sent.length);
          expect(events.map((event) => event.id).sort()).toEqual(sent.map((delivery) => delivery.id).sort());
          expect(
            events.every((event) => event.type === 'account.changed' && event.change === 'created'),
          ).toBe(true);
          // The platform retries every 409 later, to whichever instance the balancer picks: a duplicate now.
          const refused = copies.filter((_, index) => answers[index]?.status === 409);
          const retries = await Promise.all(
            refused.map(({ delivery }, index) =>
              postUntilAnswered((index % 2 === 0 ? b : a).url, delivery.body),
            ),
          );
          for (const retry of retries) expect(duplicate(retry), retry.body).toBe(true);
          // And a later copy of every delivery to both instances: all acknowledged, none emitted again.
          const later = await Promise.all(
            sent.flatMap(({ body }) => [postUntilAnswered(a.url, body), postUntilAnswered(b.url, body)]),
          );
          for (const answer of later) expect(duplicate(answer), answer.body).toBe(true);
          await new Promise((resolve) => setTimeout(resolve, 50));
          expect(a.events.length + b.events.length).toBe(sent.length);
        },
      );

      it(on(
        'a delivery whose instance died after claiming it is answered 409 elsewhere until the claim lapses, then processed once',
      ), {
        timeout: CLAIM_LEASE_MS * 3,
      }, async ({ expect }) => {
        // Instance A is killed just after the store granted it the delivery: before it answered or emitted.
        const shared = sharedStore();
        let claimed: () => void = () => {};
        const claimedByA = new Promise<void>((resolve) => {
          claimed = resolve;
        });
        const dying: IdempotencyStore = {
          claim: async (request) => {
            await shared.claim(request);
            claimed();
            return new Promise(() => {}); // the process is gone: nothing after the claim ever runs
          },
          complete: (key, token, completion) => shared.complete(key, token, completion),
          release: (key, token, keep) => shared.release(key, token, keep),
        };
        const a = await startInstance(dying);
        const b = await startInstance(sharedStore());
        const delivery = newDelivery();
        const toA = post(a.url, delivery.body);
        await claimedByA;
        const claimedAt = Date.now();
        await a.kill();
        // The platform saw the connection drop: no answer, so it retries.
        expect((await toA).status).toBe(0);

        const retries: Answer[] = [];
        for (;;) {
          const retry = await post(b.url, delivery.body);
          retries.push(retry);
          if (retry.status !== 409) break;
          expect(retry.retryAfter).toBe('60');
          if (Date.now() - claimedAt > CLAIM_LEASE_MS * 2)
            throw new Error('the dead instance kept its claim');
          await new Promise((resolve) => setTimeout(resolve, 2_000));
        }
        // Nothing is lost: once the dead instance's claim lapsed, a retry processed the delivery.
        expect(retries.length).toBeGreaterThan(1);
        expect(processed(retries.at(-1) as Answer), retries.at(-1)?.body).toBe(true);
        const events = await emitted([a, b], 1);
        expect(events.map((event) => event.id)).toEqual([delivery.id]);
        expect(a.events).toEqual([]);
        // Later copies are duplicates.
        expect(duplicate(await postUntilAnswered(b.url, delivery.body))).toBe(true);
        expect(b.events).toHaveLength(1);
      });

      it(
        on(
          'a delivery refused with 503 by an instance that cannot reach the store is processed once by the retry',
        ),
        async ({ expect }) => {
          // An instance whose connection to the store is down fails at once instead of queueing commands.
          const deadUrl =
            backend.name === 'redis'
              ? `redis://127.0.0.1:${await freePort()}`
              : connection.replace(/:\d+\//, `:${await freePort()}/`);
          const unreachable =
            backend.name === 'redis'
              ? createRedisStateStore({ connection: deadRedis(deadUrl) })
              : createPostgresStateStore({ connection: deadUrl, schema: 'intake' });
          stores.push(unreachable);
          const cut = await startInstance(unreachable);
          const healthy = await startInstance(sharedStore());
          const delivery = newDelivery();

          const refused = await post(cut.url, delivery.body);
          expect(refused.status).toBe(503);
          expect(JSON.parse(refused.body)).toEqual({ error: 'store_unavailable' });
          expect(refused.retryAfter).toBe('60');
          expect(
            cut.log.some((line) => line.level === 'error' && /idempotency store failed/.test(line.message)),
          ).toBe(true);
          // The connection URL (with its password) is never logged.
          expect(JSON.stringify(cut.log)).not.toContain(deadUrl);

          const retry = await post(healthy.url, delivery.body);
          expect(processed(retry)).toBe(true);
          expect((await emitted([cut, healthy], 1)).map((event) => event.id)).toEqual([delivery.id]);
          expect(duplicate(await postUntilAnswered(healthy.url, delivery.body))).toBe(true);
          expect(cut.events.length + healthy.events.length).toBe(1);
        },
      );

      it(
        on(
          'a delivery whose listener threw counts as processed: the platform had its 200, a retry is a duplicate, the error is logged',
        ),
        async ({ expect }) => {
          const a = await startInstance(sharedStore());
          const b = await startInstance(sharedStore());
          a.client.on('account.changed', () => {
            throw new Error('the CRM is down');
          });
          const delivery = newDelivery();
          expect(processed(await post(a.url, delivery.body))).toBe(true);
          await emitted([a], 1);
          for (let turn = 0; !a.log.some((line) => line.level === 'error'); turn += 1) {
            if (turn > 1_000) throw new Error('the listener failure was not logged');
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
          expect(a.log.find((line) => line.level === 'error')?.message).toMatch(/listener threw/);
          // The delivery is recorded as processed despite the listener: the retry is not emitted again.
          const retry = await postUntilAnswered(b.url, delivery.body);
          expect(duplicate(retry), retry.body).toBe(true);
          expect(a.events.length + b.events.length).toBe(1);
        },
      );

      it(on('remembers a delivery id for webhooks.dedupeTtlMs, then forgets it'), async ({ expect }) => {
        const ttl = { dedupeTtlMs: 1_500 };
        const a = await startInstance(sharedStore(), ttl);
        const b = await startInstance(sharedStore(), ttl);
        const delivery = newDelivery();
        expect(processed(await post(a.url, delivery.body))).toBe(true);
        await emitted([a], 1);
        let again = await postUntilAnswered(b.url, delivery.body);
        expect(duplicate(again), again.body).toBe(true);
        // Past the memory, the same id is a new delivery to the store (the platform retries for far less long than
        // the default of three days).
        const forgottenBy = Date.now() + 10_000;
        do {
          await new Promise((resolve) => setTimeout(resolve, 250));
          again = await post(b.url, delivery.body);
        } while (duplicate(again) && Date.now() < forgottenBy);
        expect(processed(again), again.body).toBe(true);
        const events = await emitted([a, b], 2);
        expect(events.map((event) => event.id)).toEqual([delivery.id, delivery.id]);
      });
    }
  }
});
