import {
  describeIdempotencyStoreContract,
  describeSharedRateLimitContract,
  describeSyncStateStoreContract,
} from '@channelkit/core/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createRedisStateStore } from '../src/index';
import type { QueueStateStore } from '../src/queue-state-store';
import { type RunningRedis, redisMissing, startRedis } from './servers/redis-server';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

if (redisMissing !== undefined) {
  if (process.env.CI) {
    it('finds redis-server, which CI requires', () => {
      throw new Error(redisMissing);
    });
  } else {
    console.warn(`Redis state store tests skipped: ${redisMissing}`);
    it.skip(`Redis state store (skipped: ${redisMissing})`, () => {});
  }
} else {
  let redis: RunningRedis;
  const stores: QueueStateStore[] = [];
  let prefixes = 0;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis?.stop();
  });
  const open = (prefix: string) => {
    const store = createRedisStateStore({ connection: redis.url, prefix });
    stores.push(store);
    return store;
  };
  const openFresh = () => {
    prefixes += 1;
    const prefix = `test-${prefixes}`;
    const store = open(prefix);
    return { store, advance: sleep, reopen: async () => open(prefix) };
  };

  describeSyncStateStoreContract('redis', openFresh, { durable: true });
  describeIdempotencyStoreContract('redis', openFresh, { durable: true });
  // Two stores on one prefix stand for two processes; another name on the same store is another limit.
  describeSharedRateLimitContract('redis', () => {
    const { store } = openFresh();
    const other = open(`test-${prefixes}`);
    return {
      limit: store.sharedRateLimit('zoom:master-1'),
      other: other.sharedRateLimit('zoom:master-1'),
      unrelated: store.sharedRateLimit('zoom:master-2'),
    };
  });

  describe('Redis state store shared by two processes', () => {
    it('gives a webhook event id to one of two instances claiming it at once', async () => {
      const { store } = openFresh();
      const prefix = `test-${prefixes}`;
      const other = open(prefix);
      const request = { key: 'webhook:zoom:evt-1', fingerprint: 'f', operation: 'webhook', leaseMs: 30_000 };
      const answers = await Promise.all([store.claim(request), other.claim(request)]);
      const statuses = answers.map((answer) => answer.status).sort();
      if (statuses.join() !== 'claimed,in_progress') throw new Error(`got ${statuses.join()}`);
    });
  });
}
