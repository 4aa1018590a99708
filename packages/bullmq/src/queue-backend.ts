import { ConfigurationError } from '@channelkit/core';
import {
  createPostgresBackend,
  type Job,
  Queue,
  type QueueOptions,
  Worker,
  type WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';
import { createPostgresStateStore } from './postgres/postgres-state-store';
import type { QueueStateStore } from './queue-state-store';
import { createRedisStateStore } from './redis/redis-state-store';

/**
 * Where the queue lives: a `redis://` (or `rediss://`) URL for Redis, or a `postgres://` (or `postgresql://`) URL
 * for PostgreSQL through BullMQ's Postgres backend. The state store lives in the same place.
 */
export type QueueConnection = string;

// The Redis and Postgres flavours of BullMQ's classes differ only in type parameters that this package never reads.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type AnyQueue = Queue<any, any, string, any, any, string, any, any>;
// biome-ignore lint/suspicious/noExplicitAny: see above
export type AnyWorker = Worker<any, any, string, any, any, any>;
/** A job processor. */
export type JobProcessor = (job: Job) => Promise<unknown>;

/** The queues, workers and state store of one connection. */
export interface QueueBackend {
  readonly kind: 'redis' | 'postgres';
  readonly store: QueueStateStore;
  queue(name: string): AnyQueue;
  worker(name: string, processor: JobProcessor, options: Omit<WorkerOptions, 'connection'>): AnyWorker;
  close(): Promise<void>;
}

/**
 * Opens the backend of a connection URL. `prefix` separates channelkit's keys (Redis) or schema (PostgreSQL) from
 * other users of the same server.
 */
export function openBackend(connection: QueueConnection, prefix = 'channelkit'): QueueBackend {
  const protocol = /^([a-z]+):\/\//i
    .exec(typeof connection === 'string' ? connection : '')?.[1]
    ?.toLowerCase();
  if (protocol === 'redis' || protocol === 'rediss') return redisBackend(connection, prefix);
  if (protocol === 'postgres' || protocol === 'postgresql') return postgresBackend(connection, prefix);
  throw new ConfigurationError({
    option: 'connection',
    problem:
      'must be a redis:// or rediss:// URL (Redis) or a postgres:// or postgresql:// URL (PostgreSQL), e.g. redis://127.0.0.1:6379',
  });
}

function redisBackend(url: string, prefix: string): QueueBackend {
  // One connection for queues (commands); BullMQ opens a blocking one per worker from the same options.
  const shared = new Redis(url, { maxRetriesPerRequest: null });
  shared.on('error', () => {}); // reconnects on its own; a job that fails meanwhile is retried
  const connections = [shared];
  const store = createRedisStateStore({ connection: url, prefix });
  const queues = new Map<string, AnyQueue>();
  const workers: AnyWorker[] = [];
  const options: QueueOptions = { connection: shared, prefix: `${prefix}-bull` };
  return {
    kind: 'redis',
    store,
    queue(name) {
      let queue = queues.get(name);
      if (queue === undefined) {
        queue = new Queue(name, options);
        queue.on('error', () => {});
        queues.set(name, queue);
      }
      return queue;
    },
    worker(name, processor, workerOptions) {
      const connection = new Redis(url, { maxRetriesPerRequest: null });
      connection.on('error', () => {});
      connections.push(connection);
      const worker = new Worker(name, processor, { ...workerOptions, connection, prefix: `${prefix}-bull` });
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      await store.close();
      await Promise.all(
        connections.map((connection) => connection.quit().catch(() => connection.disconnect())),
      );
    },
  };
}

function postgresBackend(url: string, prefix: string): QueueBackend {
  const schema = prefix.replace(/[^A-Za-z0-9_]/g, '_');
  const store = createPostgresStateStore({ connection: url, schema });
  const queues = new Map<string, AnyQueue>();
  const workers: AnyWorker[] = [];
  // BullMQ keeps its own tables in their own schema, migrated on connect.
  const connection = { connectionString: url, schema: `${schema}_bullmq`, migrate: true, max: 4 };
  return {
    kind: 'postgres',
    store,
    queue(name) {
      let queue = queues.get(name);
      if (queue === undefined) {
        queue = new Queue(name, { connection }, createPostgresBackend);
        queue.on('error', () => {});
        queues.set(name, queue);
      }
      return queue;
    },
    worker(name, processor, workerOptions) {
      const worker = new Worker(name, processor, { ...workerOptions, connection }, createPostgresBackend);
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      await store.close();
    },
  };
}
