import { ConfigurationError } from '../errors/configuration-error';
import type { IdempotencyStore } from './idempotency-store';
import { createMemoryIdempotencyStore } from './memory-idempotency-store';

/** The client's `idempotency` option: where idempotency keys are remembered, and for how long. */
export interface IdempotencyOptions {
  /**
   * Where keys, input fingerprints and results are kept. Share one durable store between processes to make keys hold
   * across them. @default an in-memory store of this client (`createMemoryIdempotencyStore()`)
   */
  store?: IdempotencyStore | undefined;
  /** How long a key replays its result, in milliseconds. @default 86400000 (24 hours) */
  ttlMs?: number | undefined;
  /**
   * How long a running call holds its key, in milliseconds, before a call in another process may take it over (so a
   * crashed process does not block it forever). Longer than your slowest call. @default 600000 (10 minutes)
   */
  leaseMs?: number | undefined;
}

/** The idempotency settings a client runs with. */
export interface IdempotencySettings {
  /** The store. */
  store: IdempotencyStore;
  /** Result lifetime in milliseconds. */
  ttlMs: number;
  /** Claim lease in milliseconds. */
  leaseMs: number;
}

/** Default result lifetime: 24 hours, as Stripe keeps its idempotency keys. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 86_400_000;
/** Default claim lease: 10 minutes. */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 600_000;

/** Fills in the defaults and checks the durations; throws `ConfigurationError` naming the option. */
export function resolveIdempotencySettings(options: IdempotencyOptions | undefined): IdempotencySettings {
  const ttlMs = checkDuration('idempotency.ttlMs', options?.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS);
  const leaseMs = checkDuration('idempotency.leaseMs', options?.leaseMs ?? DEFAULT_IDEMPOTENCY_LEASE_MS);
  const store = options?.store ?? createMemoryIdempotencyStore();
  for (const method of ['claim', 'complete', 'release'] as const) {
    if (typeof (store as Partial<IdempotencyStore>)[method] !== 'function') {
      throw new ConfigurationError({
        option: 'idempotency.store',
        problem: `must implement IdempotencyStore (its ${method} method is missing)`,
      });
    }
  }
  return { store, ttlMs, leaseMs };
}

function checkDuration(option: string, value: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new ConfigurationError({
      option,
      problem: `must be a positive whole number of milliseconds (got ${String(value)})`,
    });
  }
  return value;
}
