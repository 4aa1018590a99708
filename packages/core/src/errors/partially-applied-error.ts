import { ChannelError, type ChannelErrorCode } from './channel-error';

/** How far a multi-step write got before it stopped: the resource it concerns, the steps applied and the rest. */
export interface PartialProgress {
  /** The platform's id of the resource the applied steps concern, e.g. the account that was created. */
  resourceId: string;
  /** The steps that were applied, in order, e.g. `['created sub-account abc']`. */
  applied: readonly string[];
  /** The steps that were not, e.g. `['subscribe base plan business_yearly with 10 seats']`. */
  remaining: readonly string[];
}

/** Options of {@link PartiallyAppliedError}. */
export interface PartiallyAppliedErrorOptions extends PartialProgress {
  /** Platform name, e.g. `zoom`. */
  platform: string;
  /** The operation that stopped half-way, e.g. `accounts.provision`. */
  operation: string;
  /**
   * What to read or repeat. @default 'Repeat the same call with the same idempotency key to finish it: the
   * applied steps are not applied again.'
   */
  advice?: string | undefined;
  /** The failure that stopped the operation. */
  cause: unknown;
}

const DEFAULT_ADVICE =
  'Repeat the same call with the same idempotency key to finish it: the applied steps are not applied again.';
const MAX_CAUSE_LENGTH = 300;

/**
 * A write was applied in part: some of its steps took effect on the platform before a later step (or the read that
 * follows a write) failed. Unlike other errors, this one does not mean "nothing happened": `applied` lists what did,
 * `remaining` what did not, `resourceId` the resource concerned, and `cause` why it stopped. Repeating the call with
 * the same idempotency key finishes it without applying the done steps again.
 * @example
 * if (isChannelError(error) && error.code === 'partially_applied') {
 *   await crm.markPending(error.resourceId); // the account exists; finish provisioning later
 * }
 */
export class PartiallyAppliedError extends ChannelError {
  override readonly name: string = 'PartiallyAppliedError';
  override readonly code: ChannelErrorCode = 'partially_applied';
  /** Platform name. */
  readonly platform: string;
  /** The operation that stopped half-way. */
  readonly operation: string;
  /** The platform's id of the resource the applied steps concern. */
  readonly resourceId: string;
  /** Steps that took effect, in order. */
  readonly applied: readonly string[];
  /** Steps that did not. */
  readonly remaining: readonly string[];

  /** Creates the error; the message says what was applied, what was not, and what to do. */
  constructor(options: PartiallyAppliedErrorOptions) {
    super(
      `${options.platform} ${options.operation} was applied in part to ${options.resourceId}. ` +
        `Done: ${listOf(options.applied)}. Not done: ${listOf(options.remaining)}. ` +
        `Stopped by: ${describeCause(options.cause)}. ${options.advice ?? DEFAULT_ADVICE}`,
      { cause: options.cause },
    );
    this.platform = options.platform;
    this.operation = options.operation;
    this.resourceId = options.resourceId;
    this.applied = [...options.applied];
    this.remaining = [...options.remaining];
  }

  /** The progress this error reports, as plain data (what an idempotency store keeps to resume the call). */
  progress(): PartialProgress {
    return { resourceId: this.resourceId, applied: [...this.applied], remaining: [...this.remaining] };
  }
}

function listOf(steps: readonly string[]): string {
  return steps.length === 0 ? 'nothing' : steps.join('; ');
}

function describeCause(cause: unknown): string {
  const text = (cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)).replace(
    /[.\s]+$/,
    '',
  );
  return text.length > MAX_CAUSE_LENGTH ? `${text.slice(0, MAX_CAUSE_LENGTH)}…` : text;
}
