import { ChannelError, type ChannelErrorCode } from './channel-error';

/** Options of {@link PlanInUseError}. */
export interface PlanInUseErrorOptions {
  /** The plan's hash. */
  planHash: string;
  /** Who holds the plan's lock, as it named itself (host, process id, run id). */
  owner: string;
  /** When the holder's lease runs out unless it renews it, in milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Another run is applying the same plan with the same state store (in this process or another one sharing the
 * store); nothing was sent. Two runs of one plan at once could write the same change twice, so the second waits for
 * the first to finish, or for its lease to run out if it crashed.
 */
export class PlanInUseError extends ChannelError {
  override readonly name: string = 'PlanInUseError';
  override readonly code: ChannelErrorCode = 'plan_in_use';
  /** The plan's hash. */
  readonly planHash: string;
  /** The holder of the plan's lock. */
  readonly owner: string;
  /** When its lease runs out, in milliseconds since the epoch. */
  readonly expiresAt: number;
  /** Always true: the same call succeeds once the other run has finished or its lease has run out. */
  readonly retryable = true;

  /** Creates the error. */
  constructor(options: PlanInUseErrorOptions) {
    super(
      `Plan ${options.planHash} is being applied by another run (${options.owner}) with the same state store; ` +
        `nothing was sent. Run it again once that run has finished; if it crashed, its lock runs out at ` +
        `${new Date(options.expiresAt).toISOString()}.`,
    );
    this.planHash = options.planHash;
    this.owner = options.owner;
    this.expiresAt = options.expiresAt;
  }
}
