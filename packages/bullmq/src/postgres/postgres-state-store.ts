import { randomUUID } from 'node:crypto';
import {
  ConfigurationError,
  type IdempotencyClaim,
  type LicenceActionOutcome,
  type RecordedActionEntry,
  type RecordedActionOutcome,
} from '@channelkit/core';
import pg from 'pg';
import {
  checkRateLimitName,
  type QueueStateStore,
  type SavedPlan,
  SETTLED_STATUSES,
} from '../queue-state-store';
import { NOW_MS, quoteIdentifier, STATEMENT_MS, schemaStatements } from './postgres-schema';

/** What a statement answers, as the store reads it. */
export interface PostgresQueryResult {
  /** The rows returned. */
  rows: unknown[];
  /** Rows inserted, updated or deleted (or returned). */
  rowCount: number | null;
}

/** A connection of a {@link PostgresPool}, as the store uses it. */
export interface PostgresPoolClient {
  /** Runs a statement. */
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>;
  /** Gives the connection back to its pool. */
  release(): void;
}

/** The part of a node-postgres `pg.Pool` the store uses: pass your own pool to share it (a `pg.Pool` fits). */
export interface PostgresPool {
  /** Runs a statement on any connection. */
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>;
  /** Takes a connection for a transaction. */
  connect(): Promise<PostgresPoolClient>;
}

/** Options of {@link createPostgresStateStore}. */
export interface PostgresStateStoreOptions {
  /** A `postgres://` URL, or a pool you own, such as a `pg.Pool` (it is not closed by `close()`). */
  connection: string | PostgresPool;
  /** The schema holding the store's tables, created when missing. @default 'channelkit' */
  schema?: string | undefined;
  /** Most connections the store opens from a URL. @default 10 */
  maxConnections?: number | undefined;
}

/** How long a running claim's inherited progress outlives its lease, so that the next claim can pick it up. */
const CLAIM_PROGRESS_KEEP_MS = 7 * 86_400_000;
const PAGE = 1_000;
const SWEEP_EVERY_MS = 3_600_000;
/** Arbitrary constant key of the advisory lock taken while the tables are created. */
const SCHEMA_LOCK_KEY = 0x636b5f73;

type Queryable = pg.Pool | pg.PoolClient;

/**
 * A state store in PostgreSQL, shared by every process and machine that connects to the database: licence sync
 * checkpoints and plan locks, idempotency keys (provisioning, webhook de-duplication), and the plans and action
 * outcomes the queue keeps. Each operation is one statement or one short transaction with row locks, timed by the
 * server's clock; the tables are created in `schema` on first use. It passes the store contract suites of
 * `@channelkit/core/testing`.
 * @example
 * import { createPostgresStateStore } from '@channelkit/bullmq';
 *
 * const store = createPostgresStateStore({ connection: process.env.DATABASE_URL ?? '' });
 * const report = await client.licences.apply(plan, { store });
 * await store.close();
 */
export function createPostgresStateStore(options: PostgresStateStoreOptions): QueueStateStore {
  const schema = options.schema ?? 'channelkit';
  if (typeof schema !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigurationError({
      option: 'schema',
      problem: 'must be an SQL identifier: letters, digits and underscores, not starting with a digit',
    });
  }
  const owned = typeof options.connection === 'string';
  const pool =
    typeof options.connection === 'string'
      ? new pg.Pool({ connectionString: options.connection, max: options.maxConnections ?? 10 })
      : (options.connection as unknown as pg.Pool);
  if (owned) pool.on('error', () => {}); // an idle connection dropped by the server: the pool opens another
  const s = quoteIdentifier(schema);
  let ready: Promise<void> | undefined;
  let lastSweep = 0;

  const prepare = () => {
    ready ??= transaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
      for (const statement of schemaStatements(schema)) await client.query(statement);
    }).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  const query = async <Row extends pg.QueryResultRow>(
    text: string,
    values: unknown[],
    on: Queryable = pool,
  ) => {
    await prepare();
    return on.query<Row>(text, values);
  };
  const sweep = () => {
    const at = Date.now();
    if (at - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = at;
    // Rows past their time are never returned; this only frees their space, so its failure is ignored.
    void (async () => {
      for (const table of ['idempotency_keys', 'plan_locks', 'action_records', 'plans', 'action_reports']) {
        await pool.query(`DELETE FROM ${s}.${table} WHERE until_ms < ${NOW_MS} - $1::bigint`, [
          table === 'idempotency_keys' ? CLAIM_PROGRESS_KEEP_MS : 0,
        ]);
      }
    })().catch(() => undefined);
  };

  return {
    async claim(request): Promise<IdempotencyClaim> {
      await prepare();
      const token = randomUUID();
      for (;;) {
        const answer = await transaction(pool, async (client): Promise<IdempotencyClaim | undefined> => {
          const inserted = await client.query(
            `INSERT INTO ${s}.idempotency_keys (key, state, fingerprint, operation, token, until_ms)
             VALUES ($1, 'running', $2, $3, $4, ${NOW_MS} + $5::bigint) ON CONFLICT (key) DO NOTHING`,
            [request.key, request.fingerprint, request.operation, token, request.leaseMs],
          );
          if (inserted.rowCount === 1) return { status: 'claimed', token, progress: undefined };
          const found = await client.query<{
            state: string;
            fingerprint: string;
            operation: string;
            until_ms: string;
            progress: string | null;
            result: string | null;
            now: string;
          }>(
            `SELECT state, fingerprint, operation, until_ms, progress, result, ${NOW_MS} AS now
             FROM ${s}.idempotency_keys WHERE key = $1 FOR UPDATE`,
            [request.key],
          );
          const row = found.rows[0];
          if (row === undefined) return undefined; // deleted since the insert found it: try again
          const live = Number(row.until_ms) > Number(row.now);
          if (live && row.fingerprint !== request.fingerprint) {
            return { status: 'mismatch', operation: row.operation };
          }
          if (live && row.state === 'completed') {
            return { status: 'completed', result: JSON.parse(row.result ?? 'null') };
          }
          if (live && row.state === 'running') return { status: 'in_progress' };
          const inherited =
            (live && row.state === 'released') ||
            (row.state === 'running' && row.fingerprint === request.fingerprint)
              ? row.progress
              : null;
          await client.query(
            `UPDATE ${s}.idempotency_keys SET state = 'running', fingerprint = $2, operation = $3, token = $4,
               until_ms = ${NOW_MS} + $5::bigint, progress = $6, result = NULL WHERE key = $1`,
            [request.key, request.fingerprint, request.operation, token, request.leaseMs, inherited],
          );
          return {
            status: 'claimed',
            token,
            progress: inherited === null ? undefined : JSON.parse(inherited),
          };
        });
        if (answer !== undefined) {
          sweep();
          return answer;
        }
      }
    },
    async complete(key, token, completion) {
      const updated = await query(
        `UPDATE ${s}.idempotency_keys SET state = 'completed', result = $3, token = NULL, progress = NULL,
           until_ms = ${NOW_MS} + $4::bigint
         WHERE key = $1 AND state = 'running' AND token = $2 AND until_ms > ${NOW_MS}`,
        [key, token, JSON.stringify(completion.result), completion.ttlMs],
      );
      return updated.rowCount === 1;
    },
    async release(key, token, keep) {
      const held = `key = $1 AND state = 'running' AND token = $2 AND until_ms > ${NOW_MS}`;
      const changed =
        keep === undefined
          ? await query(`DELETE FROM ${s}.idempotency_keys WHERE ${held}`, [key, token])
          : await query(
              `UPDATE ${s}.idempotency_keys SET state = 'released', progress = $3, token = NULL,
                 until_ms = ${NOW_MS} + $4::bigint WHERE ${held}`,
              [key, token, JSON.stringify(keep.progress), keep.ttlMs],
            );
      return changed.rowCount === 1;
    },
    async acquirePlanLock(request) {
      const token = randomUUID();
      for (;;) {
        const taken = await query<{ token: string }>(
          `INSERT INTO ${s}.plan_locks (plan_hash, owner, token, until_ms) VALUES ($1, $2, $3, ${NOW_MS} + $4::bigint)
           ON CONFLICT (plan_hash) DO UPDATE SET owner = excluded.owner, token = excluded.token,
             until_ms = excluded.until_ms
           WHERE ${s}.plan_locks.until_ms <= ${NOW_MS}
           RETURNING token`,
          [request.planHash, request.owner, token, request.leaseMs],
        );
        if (taken.rows[0]?.token === token) return { status: 'acquired', token };
        const held = await query<{ owner: string; until_ms: string }>(
          `SELECT owner, until_ms FROM ${s}.plan_locks WHERE plan_hash = $1 AND until_ms > ${NOW_MS}`,
          [request.planHash],
        );
        const row = held.rows[0];
        // Its lease ran out between the two statements: try again.
        if (row !== undefined) return { status: 'held', owner: row.owner, expiresAt: Number(row.until_ms) };
      }
    },
    async renewPlanLock(planHash, token, leaseMs) {
      const renewed = await query(
        `UPDATE ${s}.plan_locks SET until_ms = ${NOW_MS} + $3::bigint
         WHERE plan_hash = $1 AND token = $2 AND until_ms > ${NOW_MS}`,
        [planHash, token, leaseMs],
      );
      return renewed.rowCount === 1;
    },
    async releasePlanLock(planHash, token) {
      const released = await query(
        `DELETE FROM ${s}.plan_locks WHERE plan_hash = $1 AND token = $2 AND until_ms > ${NOW_MS}`,
        [planHash, token],
      );
      return released.rowCount === 1;
    },
    async getOutcome(planHash, actionId) {
      const found = await query<{ outcome: string }>(
        `SELECT outcome FROM ${s}.action_records WHERE plan_hash = $1 AND action_id = $2 AND until_ms > ${NOW_MS}`,
        [planHash, actionId],
      );
      const row = found.rows[0];
      return row === undefined ? undefined : (JSON.parse(row.outcome) as RecordedActionOutcome);
    },
    async recordOutcome(request) {
      const text = JSON.stringify(request.outcome);
      for (;;) {
        const inserted = await query(
          `INSERT INTO ${s}.action_records (plan_hash, action_id, outcome, until_ms)
           VALUES ($1, $2, $3, ${NOW_MS} + $4::bigint)
           ON CONFLICT (plan_hash, action_id) DO UPDATE SET outcome = excluded.outcome, until_ms = excluded.until_ms
           WHERE ${s}.action_records.until_ms <= ${NOW_MS}`,
          [request.planHash, request.actionId, text, request.ttlMs],
        );
        if (inserted.rowCount === 1) {
          sweep();
          return { recorded: true, outcome: JSON.parse(text) as RecordedActionOutcome };
        }
        const standing = await this.getOutcome(request.planHash, request.actionId);
        // It expired between the two statements: try again.
        if (standing !== undefined) return { recorded: false, outcome: standing };
      }
    },
    async *listOutcomes(planHash): AsyncGenerator<RecordedActionEntry> {
      for await (const rows of pages<{ action_id: string; outcome: string }>(
        query,
        `SELECT action_id, outcome FROM ${s}.action_records
         WHERE plan_hash = $1 AND until_ms > ${NOW_MS} AND action_id > $2 ORDER BY action_id LIMIT ${PAGE}`,
        planHash,
      )) {
        for (const row of rows) {
          yield { actionId: row.action_id, outcome: JSON.parse(row.outcome) as RecordedActionOutcome };
        }
      }
    },
    async savePlan(plan, ttlMs) {
      const saved = await query<{ inserted: boolean }>(
        `INSERT INTO ${s}.plans (plan_hash, plan, until_ms) VALUES ($1, $2, ${NOW_MS} + $3::bigint)
         ON CONFLICT (plan_hash) DO UPDATE SET until_ms = GREATEST(${s}.plans.until_ms, excluded.until_ms)
         RETURNING (xmax = 0) AS inserted`,
        [plan.hash, JSON.stringify({ savedAt: new Date().toISOString(), plan } satisfies SavedPlan), ttlMs],
      );
      return saved.rows[0]?.inserted === true;
    },
    async loadPlan(planHash) {
      const found = await query<{ plan: string }>(
        `SELECT plan FROM ${s}.plans WHERE plan_hash = $1 AND until_ms > ${NOW_MS}`,
        [planHash],
      );
      const row = found.rows[0];
      return row === undefined ? undefined : (JSON.parse(row.plan) as SavedPlan);
    },
    async saveActionOutcome(planHash, outcome: LicenceActionOutcome, ttlMs) {
      await query(
        `INSERT INTO ${s}.action_reports (plan_hash, action_id, settled, outcome, until_ms)
         VALUES ($1, $2, $3, $4, ${NOW_MS} + $5::bigint)
         ON CONFLICT (plan_hash, action_id) DO UPDATE SET settled = excluded.settled, outcome = excluded.outcome,
           until_ms = excluded.until_ms
         WHERE excluded.settled OR NOT ${s}.action_reports.settled`,
        [planHash, outcome.actionId, SETTLED_STATUSES.has(outcome.status), JSON.stringify(outcome), ttlMs],
      );
    },
    async *listActionOutcomes(planHash): AsyncGenerator<LicenceActionOutcome> {
      for await (const rows of pages<{ action_id: string; outcome: string }>(
        query,
        `SELECT action_id, outcome FROM ${s}.action_reports
         WHERE plan_hash = $1 AND until_ms > ${NOW_MS} AND action_id > $2 ORDER BY action_id LIMIT ${PAGE}`,
        planHash,
      )) {
        for (const row of rows) yield JSON.parse(row.outcome) as LicenceActionOutcome;
      }
    },
    sharedRateLimit(name) {
      checkRateLimitName(name);
      return {
        async reserve(category, perSecond) {
          const { rows } = await query<{ wait: number }>(
            `INSERT INTO ${s}.rate_limits AS r (name, category, next_ms) VALUES ($1, $2, ${STATEMENT_MS} + $3)
             ON CONFLICT (name, category) DO UPDATE SET next_ms = greatest(r.next_ms, ${STATEMENT_MS}) + $3
             RETURNING r.next_ms - $3 - ${STATEMENT_MS} AS wait`,
            [name, category, 1000 / perSecond],
          );
          return Number(rows[0]?.wait ?? 0);
        },
        async hold(category, ms) {
          await query(
            `INSERT INTO ${s}.rate_limits AS r (name, category, next_ms) VALUES ($1, $2, ${STATEMENT_MS} + $3)
             ON CONFLICT (name, category) DO UPDATE SET next_ms = greatest(r.next_ms, excluded.next_ms)`,
            [name, category, ms],
          );
        },
      };
    },
    async close() {
      if (owned) await pool.end();
    },
  };
}

/** Runs `work` in a transaction on one connection of the pool. */
async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Keyset pages of `sql` (which takes the plan hash as $1 and the last action id seen as $2): bounded memory. */
async function* pages<Row extends pg.QueryResultRow & { action_id: string }>(
  query: (text: string, values: unknown[]) => Promise<pg.QueryResult<Row>>,
  sql: string,
  planHash: string,
): AsyncGenerator<Row[]> {
  let after = '';
  for (;;) {
    const { rows } = await query(sql, [planHash, after]);
    if (rows.length === 0) return;
    yield rows;
    after = (rows[rows.length - 1] as Row).action_id;
    if (rows.length < PAGE) return;
  }
}
