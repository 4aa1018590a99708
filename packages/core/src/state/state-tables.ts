import { randomUUID } from 'node:crypto';
import type {
  IdempotencyClaim,
  IdempotencyClaimRequest,
  IdempotencyCompletion,
  IdempotencyProgress,
  JsonValue,
} from '../idempotency/idempotency-store';
import type {
  OutcomeRecordAnswer,
  OutcomeRecordRequest,
  PlanLockAnswer,
  PlanLockRequest,
  RecordedActionEntry,
  RecordedActionOutcome,
} from './sync-state-store';

/** An idempotency key's state. `until` is when it expires, in the store's clock. */
export type IdempotencyEntry =
  | {
      state: 'running';
      fingerprint: string;
      operation: string;
      token: string;
      until: number;
      progress?: JsonValue | undefined;
    }
  | { state: 'completed'; fingerprint: string; operation: string; result: JsonValue; until: number }
  | { state: 'released'; fingerprint: string; operation: string; progress: JsonValue; until: number };

/** A change of durable state: what a journal records, and replays in order. */
export type StateChange =
  | { t: 'idem'; key: string; entry: IdempotencyEntry | null }
  | { t: 'outcome'; plan: string; action: string; outcome: RecordedActionOutcome; until: number };

/** An answer, and the durable change it made (none for reads and refusals). */
export interface Changed<Answer> {
  answer: Answer;
  change?: StateChange | undefined;
}

interface PlanLock {
  owner: string;
  token: string;
  until: number;
}

interface OutcomeEntry {
  outcome: RecordedActionOutcome;
  until: number;
}

const SWEEP_EVERY = 1_000;

/**
 * The state every built-in store keeps, with the rules of {@link IdempotencyStore} and {@link SyncStateStore}:
 * idempotency keys, plan locks and recorded outcomes. Each method decides and updates synchronously, so within one
 * process every operation is atomic; it returns the durable change it made, which the file store appends to its
 * journal (and replays with `apply`). Plan locks are not durable: a lock lives as long as its process.
 */
export class StateTables {
  readonly #now: () => number;
  readonly #idempotency = new Map<string, IdempotencyEntry>();
  readonly #locks = new Map<string, PlanLock>();
  readonly #outcomes = new Map<string, Map<string, OutcomeEntry>>();
  #changes = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  // --- idempotency ------------------------------------------------------------------------------------------------

  claim(request: IdempotencyClaimRequest): Changed<IdempotencyClaim> {
    const at = this.#now();
    const current = this.#idempotency.get(request.key);
    const live = current !== undefined && current.until > at ? current : undefined;
    if (live && live.fingerprint !== request.fingerprint) {
      return { answer: { status: 'mismatch', operation: live.operation } };
    }
    if (live?.state === 'completed') return { answer: { status: 'completed', result: live.result } };
    if (live?.state === 'running') return { answer: { status: 'in_progress' } };
    // Free, released with progress, or a claim whose lease ran out (which passes on the progress it inherited).
    let progress: JsonValue | undefined;
    if (live?.state === 'released') progress = live.progress;
    else if (current?.state === 'running' && current.fingerprint === request.fingerprint) {
      progress = current.progress;
    }
    const token = randomUUID();
    const entry: IdempotencyEntry = {
      state: 'running',
      fingerprint: request.fingerprint,
      operation: request.operation,
      token,
      until: at + request.leaseMs,
      ...(progress === undefined ? {} : { progress }),
    };
    return { answer: { status: 'claimed', token, progress }, change: this.#setKey(request.key, entry) };
  }

  complete(key: string, token: string, completion: IdempotencyCompletion): Changed<boolean> {
    const entry = this.#held(key, token);
    if (!entry) return { answer: false };
    return {
      answer: true,
      change: this.#setKey(key, {
        state: 'completed',
        fingerprint: entry.fingerprint,
        operation: entry.operation,
        result: completion.result,
        until: this.#now() + completion.ttlMs,
      }),
    };
  }

  release(key: string, token: string, keep?: IdempotencyProgress): Changed<boolean> {
    const entry = this.#held(key, token);
    if (!entry) return { answer: false };
    if (keep === undefined) return { answer: true, change: this.#setKey(key, null) };
    return {
      answer: true,
      change: this.#setKey(key, {
        state: 'released',
        fingerprint: entry.fingerprint,
        operation: entry.operation,
        progress: keep.progress,
        until: this.#now() + keep.ttlMs,
      }),
    };
  }

  /**
   * Ends every running claim now: used when a store is opened after its previous process ended, which holds no
   * claim any more (its file lock proves it), so that a repeat with the same key need not wait for a dead lease.
   * The claims' progress passes on to the next claim, as when a lease runs out.
   */
  expireRunningClaims(): StateChange[] {
    const at = this.#now();
    const changes: StateChange[] = [];
    for (const [key, entry] of this.#idempotency) {
      if (entry.state === 'running' && entry.until > at) {
        changes.push(this.#setKey(key, { ...entry, until: at }));
      }
    }
    return changes;
  }

  #held(key: string, token: string): Extract<IdempotencyEntry, { state: 'running' }> | undefined {
    const entry = this.#idempotency.get(key);
    return entry?.state === 'running' && entry.token === token && entry.until > this.#now()
      ? entry
      : undefined;
  }

  #setKey(key: string, entry: IdempotencyEntry | null): StateChange {
    const change: StateChange = { t: 'idem', key, entry };
    this.apply(change);
    return change;
  }

  // --- plan locks -------------------------------------------------------------------------------------------------

  acquirePlanLock(request: PlanLockRequest): PlanLockAnswer {
    const at = this.#now();
    const held = this.#locks.get(request.planHash);
    if (held !== undefined && held.until > at) {
      return { status: 'held', owner: held.owner, expiresAt: held.until };
    }
    const token = randomUUID();
    this.#locks.set(request.planHash, { owner: request.owner, token, until: at + request.leaseMs });
    return { status: 'acquired', token };
  }

  renewPlanLock(planHash: string, token: string, leaseMs: number): boolean {
    const at = this.#now();
    const held = this.#locks.get(planHash);
    if (held === undefined || held.token !== token || held.until <= at) return false;
    held.until = at + leaseMs;
    return true;
  }

  releasePlanLock(planHash: string, token: string): boolean {
    const held = this.#locks.get(planHash);
    if (held === undefined || held.token !== token || held.until <= this.#now()) return false;
    this.#locks.delete(planHash);
    return true;
  }

  // --- outcomes ---------------------------------------------------------------------------------------------------

  getOutcome(planHash: string, actionId: string): RecordedActionOutcome | undefined {
    const entry = this.#outcomes.get(planHash)?.get(actionId);
    return entry !== undefined && entry.until > this.#now() ? entry.outcome : undefined;
  }

  recordOutcome(request: OutcomeRecordRequest): Changed<OutcomeRecordAnswer> {
    const standing = this.getOutcome(request.planHash, request.actionId);
    if (standing !== undefined) return { answer: { recorded: false, outcome: standing } };
    const change: StateChange = {
      t: 'outcome',
      plan: request.planHash,
      action: request.actionId,
      outcome: request.outcome,
      until: this.#now() + request.ttlMs,
    };
    this.apply(change);
    return { answer: { recorded: true, outcome: request.outcome }, change };
  }

  listOutcomes(planHash: string): RecordedActionEntry[] {
    const at = this.#now();
    const entries: RecordedActionEntry[] = [];
    for (const [actionId, entry] of this.#outcomes.get(planHash) ?? []) {
      if (entry.until > at) entries.push({ actionId, outcome: entry.outcome });
    }
    return entries;
  }

  // --- durable state ----------------------------------------------------------------------------------------------

  /** Applies a change: made here, or read back from a journal. */
  apply(change: StateChange): void {
    if (change.t === 'idem') {
      this.#idempotency.delete(change.key);
      if (change.entry !== null) this.#idempotency.set(change.key, change.entry);
    } else {
      let plan = this.#outcomes.get(change.plan);
      if (plan === undefined) {
        plan = new Map();
        this.#outcomes.set(change.plan, plan);
      }
      plan.set(change.action, { outcome: change.outcome, until: change.until });
    }
    this.#changes += 1;
    if (this.#changes % SWEEP_EVERY === 0) this.sweep();
  }

  /** Forgets everything expired, so memory follows what is live. */
  sweep(): void {
    const at = this.#now();
    for (const [key, entry] of this.#idempotency) if (entry.until <= at) this.#idempotency.delete(key);
    for (const [planHash, plan] of this.#outcomes) {
      for (const [action, entry] of plan) if (entry.until <= at) plan.delete(action);
      if (plan.size === 0) this.#outcomes.delete(planHash);
    }
  }

  /** The live durable state as changes: what a compacted journal holds. */
  *snapshot(): Generator<StateChange> {
    const at = this.#now();
    for (const [key, entry] of this.#idempotency) {
      if (entry.until > at) yield { t: 'idem', key, entry };
    }
    for (const [plan, outcomes] of this.#outcomes) {
      for (const [action, entry] of outcomes) {
        if (entry.until > at)
          yield { t: 'outcome', plan, action, outcome: entry.outcome, until: entry.until };
      }
    }
  }

  /** How many live keys and outcomes are held. */
  get size(): number {
    let size = this.#idempotency.size;
    for (const plan of this.#outcomes.values()) size += plan.size;
    return size;
  }
}
