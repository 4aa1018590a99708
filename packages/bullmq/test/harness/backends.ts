// The two backends, each with a real server started for the test file that uses them. Redis tests are skipped
// with a line saying how to install redis-server when it is missing, and fail instead when CI is set.
import { type RunningPostgres, startPostgres } from '../servers/postgres-server';
import { type RunningRedis, redisMissing, startRedis } from '../servers/redis-server';

/** A backend under test. */
export interface TestBackend {
  readonly name: 'redis' | 'postgres';
  /** Why it cannot run here (Redis without redis-server, CI unset). */
  readonly missing: string | undefined;
  /** Starts its server; answers the connection URL. */
  start(): Promise<string>;
  /** Stops its server. */
  stop(): Promise<void>;
}

/** Redis and PostgreSQL, fresh servers per call. */
export function testBackends(): TestBackend[] {
  if (redisMissing !== undefined && !process.env.CI) console.warn(`Redis tests skipped: ${redisMissing}`);
  let redis: RunningRedis | undefined;
  let postgres: RunningPostgres | undefined;
  return [
    {
      name: 'redis',
      missing: process.env.CI ? undefined : redisMissing,
      async start() {
        redis = await startRedis();
        return redis.url;
      },
      async stop() {
        await redis?.stop();
      },
    },
    {
      name: 'postgres',
      missing: undefined,
      async start() {
        postgres = await startPostgres('queue');
        return postgres.url;
      },
      async stop() {
        await postgres?.stop();
      },
    },
  ];
}
