/** The store's tables, created on first use (under an advisory lock, so that processes starting together agree). */
export function schemaStatements(schema: string): string[] {
  const s = quoteIdentifier(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}.idempotency_keys (
      key text PRIMARY KEY,
      state text NOT NULL,
      fingerprint text NOT NULL,
      operation text NOT NULL,
      token text,
      until_ms bigint NOT NULL,
      progress text,
      result text
    )`,
    `CREATE TABLE IF NOT EXISTS ${s}.plan_locks (
      plan_hash text PRIMARY KEY,
      owner text NOT NULL,
      token text NOT NULL,
      until_ms bigint NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${s}.action_records (
      plan_hash text NOT NULL,
      action_id text NOT NULL,
      outcome text NOT NULL,
      until_ms bigint NOT NULL,
      PRIMARY KEY (plan_hash, action_id)
    )`,
    `CREATE TABLE IF NOT EXISTS ${s}.plans (
      plan_hash text PRIMARY KEY,
      plan text NOT NULL,
      until_ms bigint NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS ${s}.action_reports (
      plan_hash text NOT NULL,
      action_id text NOT NULL,
      settled boolean NOT NULL,
      outcome text NOT NULL,
      until_ms bigint NOT NULL,
      PRIMARY KEY (plan_hash, action_id)
    )`,
    // The shared rate limits: the moment each one's category may send next. A row per name and category, never
    // many: nothing to sweep.
    `CREATE TABLE IF NOT EXISTS ${s}.rate_limits (
      name text NOT NULL,
      category text NOT NULL,
      next_ms double precision NOT NULL,
      PRIMARY KEY (name, category)
    )`,
  ];
}

/** The server's clock in epoch milliseconds: every lease and time to live is measured by it. */
export const NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * The server's clock in epoch milliseconds (with microseconds) as the statement started: one instant for the whole
 * statement, so that a reservation's wait is measured from the moment it was computed against.
 */
export const STATEMENT_MS = `(extract(epoch from statement_timestamp())::float8 * 1000)`;

/** Quotes an SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
