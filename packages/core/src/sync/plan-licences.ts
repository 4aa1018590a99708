import type { LicenceChange, LicenceState, PartnerId } from '@channelkit/types';
import { isChannelError } from '../errors/channel-error';
import { UnsupportedOperationError } from '../errors/unsupported-operation-error';
import { ValidationError, type ValidationIssue, zodIssues } from '../errors/validation-error';
import type { JsonValue } from '../idempotency/idempotency-store';
import { runBounded } from '../internal/bounded-tasks';
import { abortErrorFrom } from '../transport/sleep';
import { type DesiredLicence, desiredLicenceSchema } from './desired-licence';
import {
  LICENCE_PLAN_FORMAT,
  LICENCE_PLAN_VERSION,
  type LicenceAction,
  type LicenceFigures,
  type LicencePlan,
  type LicencePlanSummary,
  type LicenceViolation,
} from './licence-plan';
import { hashLicencePlan } from './plan-hash';
import type { PlatformTarget } from './platform-target';
import { brokenSeatRules } from './seat-rules';

/** Options of `licences.plan()`. */
export interface LicencePlanOptions {
  /**
   * Accounts read at once, per platform; the platform's rate limiter paces the requests whatever this is.
   * @default 16
   */
  concurrency?: number | undefined;
  /** Cancels planning: the reads in flight stop and the call rejects with `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout of each read, in milliseconds. @default the client's `timeoutMs` */
  timeoutMs?: number | undefined;
  /** Ask platforms that can preview a change for their own figures of each change. @default true */
  preview?: boolean | undefined;
  /** The day the rules are judged on (an annual commitment may shrink from its renewal). @default now */
  asOf?: Date | undefined;
  /** Called as rows are read: rows taken from the desired list so far, and accounts read. */
  onProgress?: ((progress: LicencePlanProgress) => void) | undefined;
}

/** Options of a hub's `licences.plan()`: a concurrency per platform may be given. */
export interface HubLicencePlanOptions extends Omit<LicencePlanOptions, 'concurrency'> {
  /** Accounts read at once: one number for every platform, or per platform. @default 16 each */
  concurrency?: number | Readonly<Partial<Record<PartnerId, number>>> | undefined;
}

/** Planning progress. */
export interface LicencePlanProgress {
  /** Rows taken from the desired list so far. */
  rows: number;
  /** Rows settled (read, or refused without a read). */
  done: number;
}

/** The default number of accounts read (or changed) at once per platform. */
export const DEFAULT_SYNC_CONCURRENCY = 16;

interface Row {
  index: number;
  partner: PartnerId;
  accountId: string;
  plan: string | undefined;
  seats: number;
}

interface RowResult {
  action?: LicenceAction | undefined;
  violations?: LicenceViolation[] | undefined;
}

/**
 * Makes a licence plan: reads every account of `desired` (a list, or a stream such as rows parsed from a file) with
 * bounded concurrency per platform, compares it with what is desired, checks the platform's seat rules, and returns
 * the actions and violations. Reads only.
 */
export async function planLicences(
  targets: ReadonlyMap<string, PlatformTarget>,
  desired: Iterable<DesiredLicence> | AsyncIterable<DesiredLicence>,
  options: HubLicencePlanOptions,
  defaultPartner: PartnerId | undefined,
): Promise<LicencePlan> {
  const concurrencyOf = concurrencyResolver(options.concurrency, 'concurrency', targets.keys());
  const asOf = options.asOf ?? new Date();
  const createdAt = new Date().toISOString();
  const where = defaultPartner === undefined ? 'hub' : `${defaultPartner} client`;
  if (
    desired === null ||
    typeof desired !== 'object' ||
    !(Symbol.iterator in desired || Symbol.asyncIterator in desired)
  ) {
    throw new ValidationError({
      message:
        'Invalid desired licences: must be a list (or an iterable) of { accountId, seats, plan? } rows.',
      issues: [{ path: 'desired', message: 'must be a list of rows' }],
    });
  }

  const toRow = (value: unknown, index: number): Row | ValidationIssue[] => {
    const parsed = desiredLicenceSchema.safeParse(value);
    const at = `desired[${index}]`;
    if (!parsed.success) {
      return zodIssues(parsed.error).map((issue) => ({
        path: issue.path ? `${at}.${issue.path}` : at,
        message: issue.message,
      }));
    }
    const partner = parsed.data.partner ?? defaultPartner;
    if (partner === undefined) {
      return [
        {
          path: `${at}.partner`,
          message: `is required in a hub's list: one of ${[...targets.keys()].join(', ')}`,
        },
      ];
    }
    const target = targets.get(partner);
    if (target === undefined) {
      return [
        {
          path: `${at}.partner`,
          message: `is '${partner}', which this ${where} does not serve (it serves ${[...targets.keys()].join(', ')})`,
        },
      ];
    }
    if (!target.supports.get) {
      throw new UnsupportedOperationError({ platform: partner, operation: 'licences.get' });
    }
    return {
      index,
      partner,
      accountId: parsed.data.accountId,
      plan: parsed.data.plan,
      seats: parsed.data.seats,
    };
  };
  const refuse = (issues: ValidationIssue[]): never => {
    const shown = issues.slice(0, 20);
    throw new ValidationError({
      message: `Invalid desired licences: ${shown.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}${
        issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : ''
      }. Nothing was sent.`,
      issues,
    });
  };

  // A list is checked whole before any request; a stream row by row, as it is read (reads only, never a write).
  let rows: Iterable<Row> | AsyncIterable<Row>;
  if (Array.isArray(desired)) {
    const checked: Row[] = [];
    const issues: ValidationIssue[] = [];
    desired.forEach((value, index) => {
      const row = toRow(value, index);
      if (Array.isArray(row)) issues.push(...row);
      else checked.push(row);
    });
    if (issues.length > 0) refuse(issues);
    rows = checked;
  } else {
    rows = (async function* () {
      let index = 0;
      for await (const value of desired as AsyncIterable<unknown>) {
        const row = toRow(value, index++);
        if (Array.isArray(row)) refuse(row);
        yield row as Row;
      }
    })();
  }

  const results: (RowResult | undefined)[] = [];
  const firstRowOf = new Map<string, Row>();
  const duplicates = new Map<string, Row[]>();
  let taken = 0;
  let done = 0;
  const report = () => options.onProgress?.({ rows: taken, done });

  const deduplicated = (async function* () {
    for await (const row of rows as AsyncIterable<Row>) {
      taken += 1;
      const id = `${row.partner}:${row.accountId}`;
      if (firstRowOf.has(id)) {
        const list = duplicates.get(id) ?? [];
        list.push(row);
        duplicates.set(id, list);
        done += 1;
        report();
        continue;
      }
      firstRowOf.set(id, row);
      yield row;
    }
  })();

  const limits = new Map<string, number>();
  let buffer = 0;
  for (const partner of targets.keys()) {
    limits.set(partner, concurrencyOf(partner));
    buffer += concurrencyOf(partner) * 2;
  }
  await runBounded(
    deduplicated,
    { laneOf: (row) => row.partner, limit: (lane) => limits.get(lane) ?? 1, buffer },
    async (row) => {
      if (options.signal?.aborted) throw abortErrorFrom(options.signal);
      results[row.index] = await planRow(targets.get(row.partner) as PlatformTarget, row, options, asOf);
      done += 1;
      report();
    },
  );

  // Every row of an account named more than once is refused: which of them is meant cannot be known.
  for (const [id, later] of duplicates) {
    const first = firstRowOf.get(id) as Row;
    const all = [first, ...later];
    const list = all.map((row) => row.index + 1).join(', ');
    for (const row of all) {
      results[row.index] = {
        violations: [
          {
            rule: 'duplicate_row',
            row: row.index + 1,
            partner: row.partner,
            accountId: row.accountId,
            after: { ...(row.plan === undefined ? {} : { plan: row.plan }), seats: row.seats },
            reason: `${row.partner} account ${row.accountId} appears on rows ${list}; give each account once, so that it is clear which figures are meant.`,
          },
        ],
      };
    }
  }

  const actions: LicenceAction[] = [];
  const violations: LicenceViolation[] = [];
  for (const result of results) {
    if (result?.action) actions.push(result.action);
    if (result?.violations) violations.push(...result.violations);
  }
  const partners = new Set([...firstRowOf.values()].map((row) => row.partner));
  if (defaultPartner !== undefined) partners.add(defaultPartner);
  const content: Omit<LicencePlan, 'hash'> = {
    format: LICENCE_PLAN_FORMAT,
    version: LICENCE_PLAN_VERSION,
    createdAt,
    platforms: [...partners].sort().map((partner) => {
      const scope = targets.get(partner)?.scope;
      return scope === undefined ? { partner } : { partner, scope };
    }),
    summary: summarise(taken, actions, violations),
    actions,
    violations,
  };
  return { ...content, hash: hashLicencePlan(content) };
}

/** Reads one account and turns its row into an action or violations. */
async function planRow(
  target: PlatformTarget,
  row: Row,
  options: HubLicencePlanOptions,
  asOf: Date,
): Promise<RowResult> {
  const base = { row: row.index + 1, partner: row.partner, accountId: row.accountId };
  const asked = { ...(row.plan === undefined ? {} : { plan: row.plan }), seats: row.seats };
  let state: LicenceState;
  try {
    state = await target.read(row.accountId, { signal: options.signal, timeoutMs: options.timeoutMs });
  } catch (error) {
    if (stopsThePlan(error)) throw error;
    const notFound = isChannelError(error) && error.code === 'not_found';
    return {
      violations: [
        {
          ...base,
          rule: notFound ? 'unknown_account' : 'read_failed',
          after: asked,
          reason: notFound
            ? `${row.partner} has no account ${row.accountId} with licences: ${messageOf(error)}`
            : `Could not read the licences of ${row.partner} account ${row.accountId}: ${messageOf(error)} Plan again to include it.`,
        },
      ],
    };
  }
  const before = figuresOf(state);
  const plan = row.plan ?? state.plan;
  const name = `${row.partner} account ${row.accountId}`;
  const after = { plan, seats: row.seats };
  const id = `${row.partner}:${row.accountId}`;
  if (state.seats.purchased === row.seats && state.plan === plan) {
    return {
      action: {
        id,
        ...base,
        kind: 'noop',
        before,
        after,
        reason: `${name} already has ${row.seats} seats on ${plan}: nothing to do.`,
      },
    };
  }
  const change: LicenceChange = { seats: row.seats, ...(plan === state.plan ? {} : { plan }) };
  const broken = brokenSeatRules(state, change, target.seatRules, asOf);
  if (broken.length > 0) {
    return {
      violations: broken.map((rule) => ({
        ...base,
        rule: rule.rule,
        before,
        after: asked,
        reason: rule.reason,
      })),
    };
  }
  const purchased = state.seats.purchased;
  const delta = row.seats - purchased;
  const seatsText =
    delta === 0
      ? `keeping ${purchased} seats`
      : `${delta > 0 ? 'increasing' : 'decreasing'} seats from ${purchased} to ${row.seats} (${delta > 0 ? '+' : '−'}${Math.abs(delta)})`;
  const action: LicenceAction = {
    id,
    ...base,
    kind: plan !== state.plan ? 'change_plan' : delta > 0 ? 'increase' : 'decrease',
    before,
    after,
    reason:
      plan !== state.plan
        ? `Change ${name} from plan ${state.plan} to ${plan}, ${seatsText}.`
        : `${delta > 0 ? 'Increase' : 'Decrease'} ${name} from ${purchased} to ${row.seats} seats (${delta > 0 ? '+' : '−'}${Math.abs(delta)}).`,
  };
  if (target.preview !== undefined && options.preview !== false) {
    try {
      const preview = await target.preview(row.accountId, change, {
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      });
      if (preview !== undefined) action.preview = asJsonObject(preview);
    } catch (error) {
      if (stopsThePlan(error)) throw error;
      target.logger.warn('licence plan: the platform could not preview a change; the action has no preview', {
        partner: row.partner,
        accountId: row.accountId,
        error: messageOf(error),
      });
    }
  }
  return { action };
}

/** Errors that concern every account, not one: planning stops on them instead of recording a violation per row. */
function stopsThePlan(error: unknown): boolean {
  if (!isChannelError(error)) return true;
  return ['aborted', 'authentication_failed', 'configuration_error', 'unsupported_operation'].includes(
    error.code,
  );
}

/** An account's figures as a plan keeps them. */
export function figuresOf(state: LicenceState): LicenceFigures {
  const { purchased, assigned, cap, pending } = state.seats;
  return {
    plan: state.plan,
    seats: {
      purchased,
      ...(assigned === undefined ? {} : { assigned }),
      ...(cap === undefined ? {} : { cap }),
      ...(pending === undefined ? {} : { pending }),
    },
    commitment: state.commitment,
    ...(state.term?.end === undefined ? {} : { termEnd: state.term.end }),
  };
}

function summarise(
  rows: number,
  actions: LicenceAction[],
  violations: LicenceViolation[],
): LicencePlanSummary {
  const summary: LicencePlanSummary = {
    rows,
    increase: 0,
    decrease: 0,
    changePlan: 0,
    noop: 0,
    violations: violations.length,
    seatsAdded: 0,
    seatsRemoved: 0,
  };
  for (const action of actions) {
    if (action.kind === 'increase') summary.increase += 1;
    else if (action.kind === 'decrease') summary.decrease += 1;
    else if (action.kind === 'change_plan') summary.changePlan += 1;
    else summary.noop += 1;
    const delta = action.after.seats - action.before.seats.purchased;
    if (delta > 0) summary.seatsAdded += delta;
    else summary.seatsRemoved -= delta;
  }
  return summary;
}

/** A preview as plain JSON: an object as it is (through JSON), anything else under `value`. */
function asJsonObject(value: unknown): { [key: string]: JsonValue } {
  const json = JSON.parse(JSON.stringify(value) ?? 'null') as JsonValue;
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? json : { value: json };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads a concurrency option: one positive whole number for every platform, or one per platform.
 * @throws ValidationError naming the option.
 */
export function concurrencyResolver(
  option: number | Readonly<Partial<Record<string, number>>> | undefined,
  name: string,
  partners: Iterable<string>,
): (partner: string) => number {
  const check = (value: unknown, path: string): number => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > 1_000) {
      throw new ValidationError({
        message: `Invalid ${path}: must be a whole number from 1 to 1000 (got ${String(value)}).`,
        issues: [{ path, message: 'must be a whole number from 1 to 1000' }],
      });
    }
    return value;
  };
  if (option === undefined) return () => DEFAULT_SYNC_CONCURRENCY;
  if (typeof option === 'number') {
    const value = check(option, name);
    return () => value;
  }
  const known = new Set(partners);
  for (const [partner, value] of Object.entries(option)) {
    if (!known.has(partner)) {
      throw new ValidationError({
        message: `Invalid ${name}.${partner}: '${partner}' is not a platform here (${[...known].join(', ')}).`,
        issues: [{ path: `${name}.${partner}`, message: 'names no platform here' }],
      });
    }
    check(value, `${name}.${partner}`);
  }
  return (partner) => option[partner] ?? DEFAULT_SYNC_CONCURRENCY;
}
