import { randomUUID } from 'node:crypto';
import type {
  IdempotencyClaim,
  LicenceActionOutcome,
  LicencePlan,
  RecordedActionEntry,
  RecordedActionOutcome,
} from '@channelkit/core';
import { ConfigurationError } from '@channelkit/core';
import { Redis } from 'ioredis';
import {
  checkRateLimitName,
  type QueueStateStore,
  type SavedPlan,
  SETTLED_STATUSES,
} from '../queue-state-store';
import * as scripts from './redis-scripts';

/** Options of {@link createRedisStateStore}. */
export interface RedisStateStoreOptions {
  /**
   * A `redis://` or `rediss://` URL, or an ioredis client you own and configure (TLS, Sentinel...); `close()` leaves
   * a client you passed open.
   */
  connection: string | Redis;
  /** Prefix of every key the store writes, so that several stores can share one Redis. @default 'channelkit' */
  prefix?: string | undefined;
}

/** How long a running claim's inherited progress outlives its lease, so that the next claim can pick it up. */
const CLAIM_PROGRESS_KEEP_MS = 7 * 86_400_000;
const SCAN_COUNT = 500;

type Reply = (string | number | null)[];

/**
 * A state store in Redis, shared by every process and machine that connects to it: licence sync checkpoints and
 * plan locks, idempotency keys (provisioning, webhook de-duplication), and the plans and action outcomes the queue
 * keeps. Each operation is one Lua script, atomic on the server, timed by the server's clock. It passes the store
 * contract suites of `@channelkit/core/testing`.
 * @example
 * import { createRedisStateStore } from '@channelkit/bullmq';
 *
 * const store = createRedisStateStore({ connection: 'redis://127.0.0.1:6379' });
 * const report = await client.licences.apply(plan, { store });
 * await store.close();
 */
export function createRedisStateStore(options: RedisStateStoreOptions): QueueStateStore {
  const prefix = options.prefix ?? 'channelkit';
  if (typeof prefix !== 'string' || prefix.length === 0 || prefix.length > 200) {
    throw new ConfigurationError({
      option: 'prefix',
      problem: 'must be a non-empty string of at most 200 characters',
    });
  }
  const owned = typeof options.connection === 'string';
  const redis = typeof options.connection === 'string' ? new Redis(options.connection) : options.connection;
  const key = {
    idem: (name: string) => `${prefix}:idem:${name}`,
    lock: (planHash: string) => `${prefix}:lock:${planHash}`,
    outcomes: (planHash: string) => `${prefix}:outcomes:${planHash}`,
    plan: (planHash: string) => `${prefix}:plan:${planHash}`,
    report: (planHash: string) => `${prefix}:report:${planHash}`,
    rate: (name: string, category: string) => `${prefix}:rate:${name}:${category}`,
  };
  const run = async (script: string, keys: string[], args: (string | number)[]) =>
    (await redis.call('EVAL', script, keys.length, ...keys, ...args.map(String))) as unknown;

  return {
    async claim(request): Promise<IdempotencyClaim> {
      const token = randomUUID();
      const reply = (await run(
        scripts.CLAIM,
        [key.idem(request.key)],
        [request.fingerprint, request.operation, request.leaseMs, token, CLAIM_PROGRESS_KEEP_MS],
      )) as Reply;
      switch (reply[0]) {
        case 'mismatch':
          return { status: 'mismatch', operation: String(reply[1]) };
        case 'completed':
          return { status: 'completed', result: JSON.parse(String(reply[1])) };
        case 'in_progress':
          return { status: 'in_progress' };
        default:
          return {
            status: 'claimed',
            token,
            progress: reply[1] === '1' ? JSON.parse(String(reply[2])) : undefined,
          };
      }
    },
    async complete(name, token, completion) {
      const reply = await run(
        scripts.COMPLETE,
        [key.idem(name)],
        [token, JSON.stringify(completion.result), completion.ttlMs],
      );
      return reply === 1;
    },
    async release(name, token, keep) {
      const reply = await run(
        scripts.RELEASE,
        [key.idem(name)],
        keep === undefined ? [token, '0', '', 0] : [token, '1', JSON.stringify(keep.progress), keep.ttlMs],
      );
      return reply === 1;
    },
    async acquirePlanLock(request) {
      const token = randomUUID();
      const reply = (await run(
        scripts.ACQUIRE_LOCK,
        [key.lock(request.planHash)],
        [request.owner, token, request.leaseMs],
      )) as Reply;
      if (reply[0] === 'acquired') return { status: 'acquired', token };
      return { status: 'held', owner: String(reply[1]), expiresAt: Number(reply[2]) };
    },
    async renewPlanLock(planHash, token, leaseMs) {
      return (await run(scripts.RENEW_OR_RELEASE_LOCK, [key.lock(planHash)], [token, leaseMs])) === 1;
    },
    async releasePlanLock(planHash, token) {
      return (await run(scripts.RENEW_OR_RELEASE_LOCK, [key.lock(planHash)], [token, ''])) === 1;
    },
    async getOutcome(planHash, actionId) {
      const reply = await run(scripts.GET_OUTCOME, [key.outcomes(planHash)], [actionId]);
      return typeof reply === 'string' ? (JSON.parse(reply) as RecordedActionOutcome) : undefined;
    },
    async recordOutcome(request) {
      const reply = (await run(
        scripts.RECORD_OUTCOME,
        [key.outcomes(request.planHash)],
        [request.actionId, JSON.stringify(request.outcome), request.ttlMs],
      )) as Reply;
      return { recorded: reply[0] === 1, outcome: JSON.parse(String(reply[1])) as RecordedActionOutcome };
    },
    async *listOutcomes(planHash): AsyncGenerator<RecordedActionEntry> {
      const [seconds, micros] = await redis.time();
      const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
      for await (const entries of scanHash(redis, key.outcomes(planHash))) {
        for (const [actionId, value] of entries) {
          const separator = value.indexOf('|');
          if (Number(value.slice(0, separator)) <= now) continue;
          yield { actionId, outcome: JSON.parse(value.slice(separator + 1)) as RecordedActionOutcome };
        }
      }
    },
    async savePlan(plan: LicencePlan, ttlMs: number) {
      const saved: SavedPlan = { savedAt: new Date().toISOString(), plan };
      const created = await redis.set(key.plan(plan.hash), JSON.stringify(saved), 'PX', ttlMs, 'NX');
      if (created === null) {
        const left = await redis.pttl(key.plan(plan.hash));
        if (left < ttlMs) await redis.pexpire(key.plan(plan.hash), ttlMs);
      }
      return created !== null;
    },
    async loadPlan(planHash) {
      const text = await redis.get(key.plan(planHash));
      return text === null ? undefined : (JSON.parse(text) as SavedPlan);
    },
    async saveActionOutcome(planHash, outcome: LicenceActionOutcome, ttlMs) {
      await run(
        scripts.SAVE_ACTION_OUTCOME,
        [key.report(planHash)],
        [outcome.actionId, SETTLED_STATUSES.has(outcome.status) ? '1' : '0', JSON.stringify(outcome), ttlMs],
      );
    },
    async *listActionOutcomes(planHash): AsyncGenerator<LicenceActionOutcome> {
      for await (const entries of scanHash(redis, key.report(planHash))) {
        for (const [, value] of entries) yield JSON.parse(value.slice(2)) as LicenceActionOutcome;
      }
    },
    sharedRateLimit(name) {
      checkRateLimitName(name);
      return {
        async reserve(category, perSecond) {
          return Number(await run(scripts.RESERVE, [key.rate(name, category)], [1000 / perSecond]));
        },
        async hold(category, ms) {
          await run(scripts.HOLD, [key.rate(name, category)], [ms]);
        },
      };
    },
    async close() {
      if (owned) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** Walks a hash in pages (HSCAN), so that a plan of any size is never read in one reply. */
async function* scanHash(redis: Redis, hashKey: string): AsyncGenerator<[string, string][]> {
  let cursor = '0';
  const seen = new Set<string>();
  do {
    const [next, flat] = await redis.hscan(hashKey, cursor, 'COUNT', SCAN_COUNT);
    cursor = next;
    const entries: [string, string][] = [];
    for (let index = 0; index + 1 < flat.length; index += 2) {
      const field = flat[index] as string;
      // HSCAN may return a field twice when the hash is rehashed during the walk.
      if (seen.has(field)) continue;
      seen.add(field);
      entries.push([field, flat[index + 1] as string]);
    }
    yield entries;
  } while (cursor !== '0');
}
