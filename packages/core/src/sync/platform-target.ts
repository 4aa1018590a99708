import type { LicenceChange, LicenceState, PartnerId, SyncCompletedEvent } from '@channelkit/types';
import type { Logger } from '../logging/logger';
import type { SeatRules } from './seat-rules';

/** Per-call settings of a read or write the engine makes. */
export interface TargetCall {
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
}

/**
 * What the licence sync engine needs of one platform, built by the client over its adapter: validated reads and
 * writes through the client's transport (rate limiter, retries, events), the adapter's seat rules and preview, and
 * the client's events. The engine knows platforms only through this.
 */
export interface PlatformTarget {
  readonly partner: PartnerId;
  /** The adapter's idempotency scope (e.g. the Zoom master account id). */
  readonly scope: string | undefined;
  readonly seatRules: SeatRules | undefined;
  /** Whether the platform can read and change licences. */
  readonly supports: { get: boolean; set: boolean };
  readonly logger: Logger;
  /** Reads an account's licences (validated). */
  read(accountId: string, call: TargetCall): Promise<LicenceState>;
  /**
   * Writes a change under `idempotencyKey` (passed to the adapter, not kept in the idempotency store: the engine's
   * checkpoints do that job) and emits `licence.changed` with `previous`.
   */
  write(
    accountId: string,
    change: LicenceChange,
    call: TargetCall & { idempotencyKey: string; previous: LicenceState },
  ): Promise<LicenceState>;
  /** The platform's own figures for a change, when its adapter can preview one. */
  preview: ((accountId: string, change: LicenceChange, call: TargetCall) => Promise<unknown>) | undefined;
  /** Emits `sync.completed`. */
  completed(runId: string, fields: Omit<SyncCompletedEvent, 'id' | 'type' | 'partner' | 'occurredAt'>): void;
}

const registry = new WeakMap<object, PlatformTarget>();

/** Remembers the target behind a client's `licences` resource, for a hub built over the client. */
export function registerTarget(owner: object, target: PlatformTarget): void {
  registry.set(owner, target);
}

/** The target behind a client's `licences` resource. */
export function targetOf(owner: object): PlatformTarget | undefined {
  return registry.get(owner);
}
