import { isChannelError } from '../errors/channel-error';
import { IdempotencyKeyInUseError } from '../errors/idempotency-key-in-use-error';
import { IdempotencyKeyReuseError } from '../errors/idempotency-key-reuse-error';
import type { PartialProgress } from '../errors/partially-applied-error';
import type { Logger } from '../logging/logger';
import { abortErrorFrom } from '../transport/sleep';
import { fingerprintOf } from './fingerprint';
import type { IdempotencySettings } from './idempotency-options';
import type { JsonValue } from './idempotency-store';

/** One call to run under an idempotency key. */
export interface GuardedCall<T> {
  /** The operation, e.g. `accounts.provision`. */
  operation: string;
  /** The caller's key. */
  idempotencyKey: string;
  /** The validated input; its fingerprint binds the key. */
  input: unknown;
  /** The caller's signal: stops waiting for another call with the same key. */
  signal: AbortSignal | undefined;
  /** Runs the operation; `resume` is the progress an earlier attempt with the same key and input left. */
  execute(resume: PartialProgress | undefined): Promise<T>;
  /** Turns a stored result back into a value (validating it). */
  replay(result: JsonValue): T;
}

/** The value of a guarded call, and whether it was run by this call (`false`) or taken from another (`true`). */
export interface GuardedOutcome<T> {
  value: T;
  replayed: boolean;
}

interface InFlight {
  fingerprint: string;
  operation: string;
  promise: Promise<GuardedOutcome<unknown>>;
}

/**
 * Runs calls under caller-given idempotency keys: the same key and input replays the stored result without running
 * the operation again, the same key with another input (or operation) is refused, a key running in this process is
 * waited for (single flight), and a failed call frees its key, keeping the progress of a change applied in part.
 */
export class IdempotencyGuard {
  readonly #namespace: string;
  readonly #settings: IdempotencySettings;
  readonly #logger: Logger;
  readonly #inFlight = new Map<string, InFlight>();

  /** `namespace` separates platforms and masters sharing one store (e.g. `zoom:<master account id>`). */
  constructor(namespace: string, settings: IdempotencySettings, logger: Logger) {
    this.#namespace = namespace;
    this.#settings = settings;
    this.#logger = logger;
  }

  /** Runs `call` under its key. */
  async run<T>(call: GuardedCall<T>): Promise<GuardedOutcome<T>> {
    const key = `${this.#namespace}:${encodeURIComponent(call.idempotencyKey)}`;
    const fingerprint = fingerprintOf(call.operation, call.input);
    for (;;) {
      const running = this.#inFlight.get(key);
      if (running === undefined) {
        const promise = this.#claimAndRun(key, fingerprint, call).finally(() => {
          if (this.#inFlight.get(key)?.promise === promise) this.#inFlight.delete(key);
        });
        this.#inFlight.set(key, { fingerprint, operation: call.operation, promise });
        return promise;
      }
      if (running.fingerprint !== fingerprint) {
        throw new IdempotencyKeyReuseError({
          idempotencyKey: call.idempotencyKey,
          operation: call.operation,
          firstOperation: running.operation,
        });
      }
      try {
        const outcome = (await untilAborted(running.promise, call.signal)) as GuardedOutcome<T>;
        return { value: outcome.value, replayed: true };
      } catch (error) {
        // The call waited for was aborted by its own caller, not by this one: this call runs it itself.
        if (isChannelError(error) && error.code === 'aborted' && !call.signal?.aborted) continue;
        throw error;
      }
    }
  }

  async #claimAndRun<T>(key: string, fingerprint: string, call: GuardedCall<T>): Promise<GuardedOutcome<T>> {
    const { store, ttlMs, leaseMs } = this.#settings;
    const claim = await store.claim({ key, fingerprint, operation: call.operation, leaseMs });
    switch (claim.status) {
      case 'mismatch':
        throw new IdempotencyKeyReuseError({
          idempotencyKey: call.idempotencyKey,
          operation: call.operation,
          firstOperation: claim.operation,
        });
      case 'completed':
        return { value: call.replay(claim.result), replayed: true };
      case 'in_progress':
        throw new IdempotencyKeyInUseError({
          idempotencyKey: call.idempotencyKey,
          operation: call.operation,
        });
      case 'claimed':
        break;
    }

    let value: T;
    try {
      value = await call.execute(this.#progressOf(claim.progress, call.operation));
    } catch (error) {
      const progress = progressOfError(error);
      try {
        await store.release(key, claim.token, progress && { progress, ttlMs });
      } catch (storeError) {
        this.#logger.warn('idempotency store: could not release a key; it frees itself when its lease ends', {
          operation: call.operation,
          error: describe(storeError),
        });
      }
      throw error;
    }
    try {
      const recorded = await store.complete(key, claim.token, {
        result: JSON.parse(JSON.stringify(value)) as JsonValue,
        ttlMs,
      });
      if (!recorded) {
        this.#logger.warn(
          'idempotency store: the lease ended before the call did; its result was not recorded',
          {
            operation: call.operation,
          },
        );
      }
    } catch (storeError) {
      // The change was made and its result is valid: failing the call now would report a clean failure for it.
      this.#logger.error(
        'idempotency store: could not record a result; a repeat will run the operation again',
        {
          operation: call.operation,
          error: describe(storeError),
        },
      );
    }
    return { value, replayed: false };
  }

  #progressOf(stored: JsonValue | undefined, operation: string): PartialProgress | undefined {
    if (stored === undefined) return undefined;
    const progress = appliedProgressOf(stored);
    if (progress === undefined) {
      this.#logger.warn('idempotency store: ignored stored progress of an unexpected shape', { operation });
    }
    return progress;
  }
}

/** Progress as stored: plain JSON. */
type StoredProgress = { resourceId: string; applied: string[]; remaining: string[] };

/** The progress of a `PartiallyAppliedError` (recognised by code, across bundle copies), else `undefined`. */
function progressOfError(error: unknown): StoredProgress | undefined {
  return isChannelError(error) && error.code === 'partially_applied' ? appliedProgressOf(error) : undefined;
}

/** Reads `{ resourceId, applied, remaining }` from an error or a stored value, checking its shape. */
function appliedProgressOf(value: unknown): StoredProgress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { resourceId, applied, remaining } = value as Record<string, unknown>;
  if (typeof resourceId !== 'string' || !isStringArray(applied) || !isStringArray(remaining))
    return undefined;
  return { resourceId, applied: [...applied], remaining: [...remaining] };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Waits for `promise`, or rejects with `AbortError` as soon as `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(abortErrorFrom(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortErrorFrom(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
