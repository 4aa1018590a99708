import { randomUUID } from 'node:crypto';
import { ConfigurationError } from '../errors/configuration-error';
import type {
  IdempotencyClaim,
  IdempotencyClaimRequest,
  IdempotencyCompletion,
  IdempotencyProgress,
  IdempotencyStore,
  JsonValue,
} from './idempotency-store';

/** Options of {@link createMemoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /**
   * The most keys kept. Past it, the least recently used key is dropped (expired ones first, running claims last),
   * so memory cannot grow without limit. @default 10000
   */
  maxEntries?: number | undefined;
  /** The store's clock, in milliseconds since the epoch; tests pass their own. @default Date.now */
  now?: (() => number) | undefined;
}

type Entry =
  | {
      state: 'running';
      fingerprint: string;
      operation: string;
      token: string;
      until: number;
      progress?: JsonValue;
    }
  | { state: 'completed'; fingerprint: string; operation: string; result: JsonValue; until: number }
  | { state: 'released'; fingerprint: string; operation: string; progress: JsonValue; until: number };

const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * An in-memory {@link IdempotencyStore}: the client's default. It protects retries within one process; results do
 * not survive a restart, and other processes do not see them (give several processes a shared, durable store).
 * Bounded: at most `maxEntries` keys, least recently used dropped first.
 * @example
 * const client = createClient(zoom(), { idempotency: { store: createMemoryIdempotencyStore({ maxEntries: 50_000 }) } });
 */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new ConfigurationError({
      option: 'maxEntries',
      problem: `must be a positive whole number of keys (got ${String(maxEntries)})`,
    });
  }
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();

  function touch(key: string, entry: Entry): void {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) evict();
  }

  function evict(): void {
    const at = now();
    for (const [key, entry] of entries) if (entry.until <= at) entries.delete(key);
    if (entries.size <= maxEntries) return;
    // Drop the least recently used entry that is not a running claim; only when every entry is one, the oldest.
    let victim: string | undefined;
    for (const [key, entry] of entries) {
      if (entry.state !== 'running') {
        victim = key;
        break;
      }
    }
    entries.delete(victim ?? (entries.keys().next().value as string));
  }

  function held(key: string, token: string): Extract<Entry, { state: 'running' }> | undefined {
    const entry = entries.get(key);
    return entry?.state === 'running' && entry.token === token && entry.until > now() ? entry : undefined;
  }

  return {
    async claim(request: IdempotencyClaimRequest): Promise<IdempotencyClaim> {
      const at = now();
      const current = entries.get(request.key);
      const live = current !== undefined && current.until > at ? current : undefined;
      if (live && live.fingerprint !== request.fingerprint) {
        return { status: 'mismatch', operation: live.operation };
      }
      if (live?.state === 'completed') {
        touch(request.key, live);
        return { status: 'completed', result: live.result };
      }
      if (live?.state === 'running') return { status: 'in_progress' };
      // Free, released with progress, or a claim whose lease ran out (which passes on the progress it inherited).
      let progress: JsonValue | undefined;
      if (live?.state === 'released') progress = live.progress;
      else if (current?.state === 'running' && current.fingerprint === request.fingerprint) {
        progress = current.progress;
      }
      const token = randomUUID();
      touch(request.key, {
        state: 'running',
        fingerprint: request.fingerprint,
        operation: request.operation,
        token,
        until: at + request.leaseMs,
        ...(progress === undefined ? {} : { progress }),
      });
      return { status: 'claimed', token, progress };
    },

    async complete(key: string, token: string, completion: IdempotencyCompletion): Promise<boolean> {
      const entry = held(key, token);
      if (!entry) return false;
      touch(key, {
        state: 'completed',
        fingerprint: entry.fingerprint,
        operation: entry.operation,
        result: completion.result,
        until: now() + completion.ttlMs,
      });
      return true;
    },

    async release(key: string, token: string, keep?: IdempotencyProgress): Promise<boolean> {
      const entry = held(key, token);
      if (!entry) return false;
      if (keep === undefined) {
        entries.delete(key);
        return true;
      }
      touch(key, {
        state: 'released',
        fingerprint: entry.fingerprint,
        operation: entry.operation,
        progress: keep.progress,
        until: now() + keep.ttlMs,
      });
      return true;
    },
  };
}
