/** A JSON value: what an idempotency store keeps as a call's result or progress. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What {@link IdempotencyStore.claim} is asked to claim. */
export interface IdempotencyClaimRequest {
  /**
   * The key, namespaced by the client (partner, adapter scope such as the Zoom master account id, and the caller's
   * key), so that platforms and masters sharing one store never collide. Opaque to the store; at most about 1 KB.
   */
  key: string;
  /** The fingerprint of the operation and its validated input (hex SHA-256). The same key with another is reuse. */
  fingerprint: string;
  /** The operation, e.g. `accounts.provision`; kept so that a reuse can be reported by name. */
  operation: string;
  /**
   * How long the claim holds, in milliseconds, before another caller may take it over: a process that crashed in
   * the middle of a call must not block its key forever.
   */
  leaseMs: number;
}

/** The key is now held by the caller, who runs the operation and then calls `complete` or `release`. */
export interface IdempotencyClaimed {
  /** Discriminant. */
  status: 'claimed';
  /** Proves the claim to `complete` and `release`. */
  token: string;
  /** What an earlier attempt with the same fingerprint applied before it stopped (see `release`), if anything. */
  progress: JsonValue | undefined;
}

/** An earlier call with the same fingerprint finished. */
export interface IdempotencyCompleted {
  /** Discriminant. */
  status: 'completed';
  /** What it returned. */
  result: JsonValue;
}

/** Another holder's claim with the same fingerprint is still within its lease. */
export interface IdempotencyInProgress {
  /** Discriminant. */
  status: 'in_progress';
}

/** The key is bound to another fingerprint: another input, or another operation. */
export interface IdempotencyMismatch {
  /** Discriminant. */
  status: 'mismatch';
  /** The operation the key was first used for. */
  operation: string;
}

/** The answer to {@link IdempotencyStore.claim}. */
export type IdempotencyClaim =
  | IdempotencyClaimed
  | IdempotencyCompleted
  | IdempotencyInProgress
  | IdempotencyMismatch;

/** What {@link IdempotencyStore.complete} records. */
export interface IdempotencyCompletion {
  /** What the call returned, replayed to every later call with the same key and fingerprint. */
  result: JsonValue;
  /** How long the result is kept, in milliseconds. */
  ttlMs: number;
}

/** What {@link IdempotencyStore.release} keeps when a call stopped after applying part of its change. */
export interface IdempotencyProgress {
  /** What was applied (the client stores a `PartialProgress`), handed to the next claim of the same key. */
  progress: JsonValue;
  /** How long it is kept, in milliseconds. */
  ttlMs: number;
}

/**
 * Remembers, per idempotency key, the fingerprint of the call that used it and its result, so that the client can
 * replay a result instead of writing twice, refuse a key reused for another change, and let one caller at a time run
 * a key. The client calls it as follows:
 *
 * 1. `claim(request)` atomically: if the key is free (absent or expired), bind it to `fingerprint`, hold it for
 *    `leaseMs` and answer `claimed` with a new token. A key bound to another fingerprint answers `mismatch` and is
 *    left as it is; a completed key answers `completed`; a key held within its lease answers `in_progress`; a key
 *    whose lease ran out, or that was released with progress, is claimed anew (with that progress). A networked store
 *    does this in one step: `SET key value NX PX lease` (Redis), `INSERT ... ON CONFLICT DO NOTHING` then a guarded
 *    `UPDATE` (PostgreSQL), an append to a journal under a file lock.
 * 2. `complete(key, token, { result, ttlMs })` when the call succeeded: the key answers `completed` with `result`
 *    until `ttlMs` has passed, then is free again.
 * 3. `release(key, token, keep?)` when it failed: without `keep` the key is free again (a retry may run, with any
 *    input); with `keep` it stays bound to its fingerprint and the next claim receives `keep.progress`, for `ttlMs`.
 *
 * `complete` and `release` act only while `token` still holds the claim and answer whether it did; a holder whose
 * lease ran out and was taken over changes nothing. Expiry is measured by the store's own clock. Implementations
 * must pass the store contract suite that the in-memory store passes.
 */
export interface IdempotencyStore {
  /** Atomically claims `request.key` for `request.fingerprint`, or reports why not. */
  claim(request: IdempotencyClaimRequest): Promise<IdempotencyClaim>;
  /** Records the result of the claimed call; false when `token` no longer holds the claim (nothing changed). */
  complete(key: string, token: string, completion: IdempotencyCompletion): Promise<boolean>;
  /**
   * Ends a claim whose call failed: frees the key, or keeps it bound with `keep.progress` for the next claim. False
   * when `token` no longer holds the claim (nothing changed).
   */
  release(key: string, token: string, keep?: IdempotencyProgress): Promise<boolean>;
}
