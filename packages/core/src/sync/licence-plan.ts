import type { CommitmentKind, PartnerId, SeatCounts } from '@channelkit/types';
import type { JsonValue } from '../idempotency/idempotency-store';

/** The `format` of every licence plan: tells a plan apart from other JSON. */
export const LICENCE_PLAN_FORMAT = 'channelkit.licence-plan';

/** The version of the plan format this release writes and reads. */
export const LICENCE_PLAN_VERSION = 1;

/**
 * What an action does: `increase` or `decrease` the seat count on the same plan, `change_plan` (the plan code
 * changes; the seats may change too), or `noop` (the account already has the desired figures).
 */
export type LicenceActionKind = 'increase' | 'decrease' | 'change_plan' | 'noop';

/** Every {@link LicenceActionKind}. */
export const LICENCE_ACTION_KINDS = ['increase', 'decrease', 'change_plan', 'noop'] as const;

/** An account's licence figures as read from its platform: what an action starts from. */
export interface LicenceFigures {
  /** The platform's plan code, e.g. `business_yearly`. */
  plan: string;
  /** Seats purchased and assigned, and where the platform has them, the cap and seats pending. */
  seats: SeatCounts;
  /** The commitment kind: `monthly`, `annual`, `flexible` or `trial`. */
  commitment: CommitmentKind;
  /** The last day of the current term, `YYYY-MM-DD`, when the platform reports it. */
  termEnd?: string | undefined;
}

/** The figures an action sets: the total seat count (not a delta) and the plan code. */
export interface LicenceTarget {
  /** The plan code after the action. */
  plan: string;
  /** The total seats after the action. */
  seats: number;
}

/** One account's change in a plan, with the figures it starts from and those it sets. */
export interface LicenceAction {
  /** `<partner>:<accountId>`: unique in a plan. */
  id: string;
  /** The position of the account's row in the desired list, from 1. */
  row: number;
  /** The platform holding the account. */
  partner: PartnerId;
  /** The platform's id of the account. */
  accountId: string;
  /** What the action does. */
  kind: LicenceActionKind;
  /** The account's figures when the plan was made; apply writes only while they still hold. */
  before: LicenceFigures;
  /** The figures the action sets. */
  after: LicenceTarget;
  /** What the action does, in words. */
  reason: string;
  /**
   * The platform's own figures for the change (price, proration, effective date...), when its adapter can preview a
   * change; plain JSON, as the platform reports it.
   */
  preview?: { [key: string]: JsonValue } | undefined;
}

/**
 * Why a row of the desired list cannot become an action:
 * - `below_assigned`: fewer seats than are assigned to users;
 * - `commitment_locked`: a commitment that may only shrink at renewal (annual, by default) would shrink before it;
 * - `above_cap`: more seats than the plan's or agreement's cap;
 * - `unknown_account`: the platform has no such account (or no licences on it);
 * - `duplicate_row`: the account appears on more than one row;
 * - `read_failed`: its licences could not be read (the reason says why; plan again to include it);
 * - `platform_rule`: a further rule the platform's adapter declares.
 */
export type LicenceViolationRule =
  | 'below_assigned'
  | 'commitment_locked'
  | 'above_cap'
  | 'unknown_account'
  | 'duplicate_row'
  | 'read_failed'
  | 'platform_rule';

/** Every {@link LicenceViolationRule}. */
export const LICENCE_VIOLATION_RULES = [
  'below_assigned',
  'commitment_locked',
  'above_cap',
  'unknown_account',
  'duplicate_row',
  'read_failed',
  'platform_rule',
] as const;

/** A row of the desired list that breaks a rule; it has no action, so applying the plan leaves the account alone. */
export interface LicenceViolation {
  /** The rule broken. */
  rule: LicenceViolationRule;
  /** The position of the row in the desired list, from 1. */
  row: number;
  /** The platform holding the account. */
  partner: PartnerId;
  /** The platform's id of the account. */
  accountId: string;
  /** The account's figures when the plan was made, when they could be read. */
  before?: LicenceFigures | undefined;
  /** The figures the row asked for. */
  after: {
    /** The plan code asked for; the current plan when the row named none. */
    plan?: string | undefined;
    /** The total seats asked for. */
    seats: number;
  };
  /** What is wrong and what to do, in words. */
  reason: string;
}

/** A platform a plan was made for, and the tenant on it (e.g. the Zoom master account): apply checks both. */
export interface LicencePlanPlatform {
  /** The platform. */
  partner: PartnerId;
  /** The adapter's `idempotencyScope` (the Zoom master account id), when it has one. */
  scope?: string | undefined;
}

/** Counts of a plan, for a glance before applying it. */
export interface LicencePlanSummary {
  /** Rows in the desired list. */
  rows: number;
  /** Actions that increase seats. */
  increase: number;
  /** Actions that decrease seats. */
  decrease: number;
  /** Actions that change the plan code. */
  changePlan: number;
  /** Accounts already as desired. */
  noop: number;
  /** Rows refused by a rule. */
  violations: number;
  /** Seats the actions add, in all. */
  seatsAdded: number;
  /** Seats the actions remove, in all. */
  seatsRemoved: number;
}

/**
 * A licence plan: what `licences.plan()` found and proposes, as plain JSON that can be saved, reviewed and applied
 * later, like `terraform plan -out`. `hash` is the SHA-256 of the canonical JSON (sorted keys) of everything else,
 * so `licences.apply()` refuses a plan edited after it was made, before any request. Actions and violations are in
 * the order of the desired rows.
 */
export interface LicencePlan {
  /** Always `channelkit.licence-plan`. */
  format: typeof LICENCE_PLAN_FORMAT;
  /** The format version, {@link LICENCE_PLAN_VERSION}. */
  version: typeof LICENCE_PLAN_VERSION;
  /** `sha256:` and the hex SHA-256 of the plan's canonical JSON without this field. */
  hash: string;
  /** When the plan was made, RFC 3339. */
  createdAt: string;
  /** The platforms (and tenants) the plan was made for. */
  platforms: LicencePlanPlatform[];
  /** Counts. */
  summary: LicencePlanSummary;
  /** One action per account, `noop` ones included, in row order. */
  actions: LicenceAction[];
  /** Rows refused by a rule, in row order. */
  violations: LicenceViolation[];
}
