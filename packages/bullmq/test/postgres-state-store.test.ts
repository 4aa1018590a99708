import {
  describeIdempotencyStoreContract,
  describeSharedRateLimitContract,
  describeSyncStateStoreContract,
} from '@channelkit/core/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStateStore } from '../src/index';
import type { QueueStateStore } from '../src/queue-state-store';
import { type RunningPostgres, startPostgres } from './servers/postgres-server';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let postgres: RunningPostgres;
const stores: QueueStateStore[] = [];
let schemas = 0;
beforeAll(async () => {
  postgres = await startPostgres('state_store');
}, 120_000);
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await postgres?.stop();
}, 60_000);

const open = (schema: string) => {
  const store = createPostgresStateStore({ connection: postgres.url, schema, maxConnections: 4 });
  stores.push(store);
  return store;
};
const openFresh = () => {
  schemas += 1;
  const schema = `test_${schemas}`;
  return { store: open(schema), advance: sleep, reopen: async () => open(schema) };
};

describeSyncStateStoreContract('postgresql', openFresh, { durable: true });
describeIdempotencyStoreContract('postgresql', openFresh, { durable: true });
// Two stores on one schema stand for two processes; another name on the same store is another limit.
describeSharedRateLimitContract('postgresql', () => {
  const { store } = openFresh();
  const other = open(`test_${schemas}`);
  return {
    limit: store.sharedRateLimit('zoom:master-1'),
    other: other.sharedRateLimit('zoom:master-1'),
    unrelated: store.sharedRateLimit('zoom:master-2'),
  };
});

describe('PostgreSQL state store shared by two processes', () => {
  it('gives a webhook event id to one of two instances claiming it at once', async () => {
    const { store } = openFresh();
    const other = open(`test_${schemas}`);
    const request = { key: 'webhook:zoom:evt-1', fingerprint: 'f', operation: 'webhook', leaseMs: 30_000 };
    const answers = await Promise.all([store.claim(request), other.claim(request)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual(['claimed', 'in_progress']);
  });

  it('works on a pg.Pool of your own, and leaves it open when closed', async () => {
    const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
    const store = createPostgresStateStore({ connection: pool, schema: 'own_pool' });
    const claim = await store.claim({ key: 'k', fingerprint: 'f', operation: 'op', leaseMs: 10_000 });
    expect(claim.status).toBe('claimed');
    await store.close();
    expect((await pool.query('SELECT count(*)::int AS n FROM own_pool.idempotency_keys')).rows[0]).toEqual({
      n: 1,
    });
    await pool.end();
  });

  it('refuses a schema name that is not an SQL identifier, before connecting', () => {
    expect(() => createPostgresStateStore({ connection: 'postgres://x', schema: 'a"; DROP' })).toThrow(
      /schema/,
    );
  });
});
