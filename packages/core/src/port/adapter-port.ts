import type {
  Capabilities,
  CustomerPolicy,
  EnterpriseAccount,
  LicenceChange,
  LicencePreview,
  LicenceState,
  ListAccountsQuery,
  ListReferralsQuery,
  PartnerId,
  ProvisionAccountInput,
  Referral,
  ReferralAction,
  ReferralInput,
  ReferralPatch,
  ReferralStatus,
} from '@channelkit/types';
import type { PartialProgress } from '../errors/partially-applied-error';
import type { Logger } from '../logging/logger';
import type { PaginationBounds } from '../pagination/pagination-bounds';
import type { Paginator } from '../pagination/paginator';
import type { SeatRules } from '../sync/seat-rules';
import type { HttpTransport } from '../transport/http-transport';
import type { HttpTransportOptions, RetryOptions } from '../transport/transport-types';
import type { WebhookVerifier } from '../webhooks/webhook-verifier';

/** Everything one adapter operation receives besides its arguments. */
export interface OperationContext {
  /** The adapter's transport, built once by the client through {@link PartnerAdapter.createTransport}. */
  transport: HttpTransport;
  /**
   * The caller's idempotency key for this operation, or one the client generated. Adapters pass it to the
   * platform where the platform has a mechanism, and derive per-step keys from it otherwise.
   */
  idempotencyKey: string;
  /** Cancels the operation; pass it to every transport call. */
  signal: AbortSignal | undefined;
  /** Per-attempt timeout override in milliseconds. */
  timeoutMs: number | undefined;
  /** Where the adapter reports what it decided (e.g. "resolved an ambiguous create by lookup"). */
  logger: Logger;
  /**
   * What an earlier call with the same idempotency key and input applied before it stopped with a
   * `PartiallyAppliedError` (e.g. the account it created). Continue from there instead of starting again: verify
   * the resource still exists, then do the remaining steps. `undefined` for a fresh call.
   */
  resume?: PartialProgress | undefined;
  /** Bounds for every walk over pages the operation makes; pass them to `paginate`. Defaults apply when absent. */
  pagination?: PaginationBounds | undefined;
}

/**
 * The client-level settings an adapter's transport is built with. Every field has the name and meaning of the
 * `createHttpTransport` option it feeds, so an adapter spreads them into its options (and merges `rateLimit` over
 * its own defaults): a setting added later reaches the transport without a change to the adapter.
 */
export interface TransportSettings {
  /** Per-attempt timeout in milliseconds. */
  timeoutMs: number;
  /** Largest response body read, in bytes (after decompression); pass it to `createHttpTransport`. */
  maxResponseBytes: number;
  /** Retry policy. */
  retry: RetryOptions;
  /** Rate-limit overrides (requests per second per category) layered over the adapter's defaults. */
  rateLimit?: HttpTransportOptions['rateLimit'];
  /** The rate limit shared with other clients (other processes), when the client was given one. */
  sharedRateLimit?: HttpTransportOptions['sharedRateLimit'];
  /** `User-Agent` header. */
  userAgent: string;
  /** Include redacted bodies in transport events. */
  emitBodies: boolean;
}

/** Enterprise-account operations; optional ones are absent when the platform lacks them. */
export interface AccountsPort {
  /** Creates an enterprise customer account; a retry with the same idempotency key never creates a second one. */
  provision(input: ProvisionAccountInput, context: OperationContext): Promise<EnterpriseAccount>;
  /** Reads one account by its partner-scoped id. */
  get(accountId: string, context: OperationContext): Promise<EnterpriseAccount>;
  /** Lists accounts page by page, in constant memory. */
  list(query: ListAccountsQuery, context: OperationContext): Paginator<EnterpriseAccount>;
  /** Suspends an account. */
  suspend?(accountId: string, context: OperationContext): Promise<EnterpriseAccount>;
  /** Lifts a suspension. */
  resume?(accountId: string, context: OperationContext): Promise<EnterpriseAccount>;
  /** Ends the relationship with an account. */
  close?(accountId: string, context: OperationContext): Promise<EnterpriseAccount>;
}

/** Licence (seat) operations. */
export interface LicencesPort {
  /** Reads purchased, assigned and pending seats, plan and term. */
  get(accountId: string, context: OperationContext): Promise<LicenceState>;
  /**
   * Changes the seat count (and optionally the plan); refuses what the platform would refuse (e.g. fewer seats than
   * are assigned) after a fresh read and before any write.
   */
  set(accountId: string, change: LicenceChange, context: OperationContext): Promise<LicenceState>;
  /**
   * Asks the platform what `change` would do, with its own figures, without making it (Zoom Partner Commerce:
   * `POST /commerce/order/preview`). Optional: implement it only where the platform can preview, and declare
   * `capabilities.licences.preview`. A change the platform would refuse is a preview with `accepted: false` and its
   * reasons in `refusals`, not an error.
   */
  preview?(accountId: string, change: LicenceChange, context: OperationContext): Promise<LicencePreview>;
}

/** A lifecycle move the client has checked against `REFERRAL_TRANSITIONS`, as the adapter receives it. */
export interface ReferralTransition {
  /** The call, e.g. `resubmit`. */
  action: ReferralAction;
  /** The state it moves the referral to, e.g. `submitted`. */
  to: ReferralStatus;
  /** Why, when the caller said. */
  reason?: string | undefined;
  /** Changes to send with the move (`resubmit` only), validated. */
  patch?: ReferralPatch | undefined;
}

/**
 * Referral operations. Optional as a whole (`PartnerAdapter.referrals`) and per operation; declare each supported
 * one in `capabilities.referrals`. The client validates every input, reads the current referral (with `get`) before
 * `update` and `transition`, refuses a move `REFERRAL_TRANSITIONS` does not allow before calling the adapter, and
 * validates every referral returned.
 */
export interface ReferralsPort {
  /**
   * Submits a referral (registers a deal); a retry with the same idempotency key, or after an ambiguous failure,
   * never registers a second one.
   */
  submit?(input: ReferralInput, context: OperationContext): Promise<Referral>;
  /** Reads one referral by its partner-scoped id. */
  get(referralId: string, context: OperationContext): Promise<Referral>;
  /** Lists referrals page by page, in constant memory, every walk bounded by `context.pagination`. */
  list(query: ListReferralsQuery, context: OperationContext): Paginator<Referral>;
  /**
   * Changes an open referral's details. `current` is the referral as the client just read it (so the adapter can
   * send the difference, e.g. products to add and to remove).
   */
  update?(current: Referral, patch: ReferralPatch, context: OperationContext): Promise<Referral>;
  /** Moves a referral along its lifecycle; the move is already checked. `current` is as the client just read it. */
  transition?(current: Referral, move: ReferralTransition, context: OperationContext): Promise<Referral>;
}

/**
 * The port every platform adapter implements. `createClient()` validates inputs before calling it and
 * validates what it returns, so an adapter maps wire formats and nothing else.
 */
export interface PartnerAdapter {
  /** Which platform this adapter speaks to. */
  readonly partner: PartnerId;
  /** The platform's name for people, used in messages, e.g. `'Suirui Zhumu'`. @default the `partner` id */
  readonly displayName?: string | undefined;
  /** What the adapter supports, as data; the client refuses the rest with `UnsupportedOperationError`. */
  readonly capabilities: Capabilities;
  /**
   * Who the platform may sell to, as data (market, corporate customers only, billing currencies). The client checks
   * every provision input against it before anything is sent. Absent: every valid input is passed on.
   */
  readonly customerPolicy?: CustomerPolicy | undefined;
  /**
   * Separates this adapter's idempotency keys from those of another tenant of the same platform sharing one
   * idempotency store, e.g. the Zoom master account id. Keys are always separated by `partner`.
   */
  readonly idempotencyScope?: string | undefined;
  /**
   * The platform's seat rules, as data, for licence sync plans: which commitments shrink only at renewal, a renewal
   * window, and any further rule. The defaults (no fewer seats than are assigned, annual commitments shrink only at
   * renewal, the reported cap holds) apply when absent.
   */
  readonly seatRules?: SeatRules | undefined;
  /** Builds the adapter's transport (base URL, auth, error parsing, rate-limit categories) with the client's settings. */
  createTransport(settings: TransportSettings): HttpTransport;
  /** Enterprise-account operations. */
  readonly accounts: AccountsPort;
  /** Licence operations. */
  readonly licences: LicencesPort;
  /** Referral operations, on platforms that have referrals (see `capabilities.referrals`). */
  readonly referrals?: ReferralsPort | undefined;
  /** The platform's webhook scheme (signature, challenge, event mapping); absent when it sends no webhooks. */
  readonly webhooks?: WebhookVerifier | undefined;
}
