import {
  commitmentKindSchema,
  isoDateSchema,
  isoDateTimeSchema,
  partnerIdSchema,
  seatCountSchema,
} from '@channelkit/types';
import { z } from 'zod';
import { accountIdSchema } from '../client/account-id';
import { ValidationError, zodIssues } from '../errors/validation-error';
import {
  LICENCE_ACTION_KINDS,
  LICENCE_PLAN_FORMAT,
  LICENCE_PLAN_VERSION,
  LICENCE_VIOLATION_RULES,
  type LicencePlan,
} from './licence-plan';
import { hashLicencePlan } from './plan-hash';

const count = z.number().int('must be a whole number').nonnegative('must not be negative');
const text = z.string().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters');
const row = z.number().int('must be a whole number').min(1, 'must be 1 or more');

const figures = z.strictObject({
  plan: text,
  seats: z.strictObject({
    purchased: count,
    // Left out by platforms that do not report assigned seats (Zoom Partner Commerce).
    assigned: count.optional(),
    cap: count.optional(),
    pending: count.optional(),
  }),
  commitment: commitmentKindSchema,
  termEnd: isoDateSchema.optional(),
});

const action = z.strictObject({
  id: z.string().min(1),
  row,
  partner: partnerIdSchema,
  accountId: accountIdSchema,
  kind: z.enum(LICENCE_ACTION_KINDS),
  before: figures,
  after: z.strictObject({ plan: text, seats: seatCountSchema }),
  reason: z.string().max(4000),
  preview: z.record(z.string(), z.json()).optional(),
});

const violation = z.strictObject({
  rule: z.enum(LICENCE_VIOLATION_RULES),
  row,
  partner: partnerIdSchema,
  // Only a row's own shape was checked when it was refused, so its account id is kept as written (bounded).
  accountId: z.string().max(1000),
  before: figures.optional(),
  after: z.strictObject({ plan: text.optional(), seats: z.number() }),
  reason: z.string().max(4000),
});

const planSchema = z.strictObject({
  format: z.literal(LICENCE_PLAN_FORMAT, `must be '${LICENCE_PLAN_FORMAT}': this is not a licence plan`),
  version: z.literal(
    LICENCE_PLAN_VERSION,
    `must be ${LICENCE_PLAN_VERSION}: the plan was written by another version of channelkit; plan again with this one`,
  ),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256: followed by 64 hex digits'),
  createdAt: isoDateTimeSchema,
  platforms: z
    .array(z.strictObject({ partner: partnerIdSchema, scope: z.string().max(1000).optional() }))
    .min(1, 'must name at least one platform'),
  summary: z.strictObject({
    rows: count,
    increase: count,
    decrease: count,
    changePlan: count,
    noop: count,
    violations: count,
    seatsAdded: count,
    seatsRemoved: count,
  }),
  actions: z.array(action),
  violations: z.array(violation),
});

/**
 * Checks that a value is a licence plan exactly as `licences.plan()` made it: the format and version, every field
 * (unknown fields are refused), each action's id, platform and uniqueness, and last the hash, so that a plan
 * edited after it was made, by hand or by a tool, is refused before any request. Returns the value itself, typed.
 * @throws ValidationError naming the field at fault (`hash` for an edited plan).
 * @example
 * const plan = verifyLicencePlan(JSON.parse(await readFile('plan.json', 'utf8')));
 */
export function verifyLicencePlan(value: unknown): LicencePlan {
  const parsed = planSchema.safeParse(value);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const first = issues[0];
    throw new ValidationError({
      message: `Invalid licence plan: ${first ? `${first.path || 'the plan'}: ${first.message}` : 'unreadable'}${
        issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
      }. Make a new plan with licences.plan() rather than editing one.`,
      issues: issues.slice(0, 50),
    });
  }
  // Every field of the value was checked (no unknown keys, nothing transformed), so the value itself is the plan: a
  // plan of 10,000 actions is not held twice while it is applied.
  const plan = value as LicencePlan;
  const platforms = new Set(plan.platforms.map((platform) => platform.partner));
  if (platforms.size !== plan.platforms.length) {
    refuse('platforms', 'names a platform twice');
  }
  const ids = new Set<string>();
  plan.actions.forEach((item, index) => {
    if (item.id !== `${item.partner}:${item.accountId}`) {
      refuse(`actions[${index}].id`, `must be "${item.partner}:${item.accountId}"`);
    }
    if (ids.has(item.id)) refuse(`actions[${index}].id`, `repeats ${item.id}: each account appears once`);
    ids.add(item.id);
    if (!platforms.has(item.partner)) {
      refuse(`actions[${index}].partner`, `is not among the plan's platforms (${[...platforms].join(', ')})`);
    }
  });
  const expected = hashLicencePlan(plan);
  if (expected !== plan.hash) {
    throw new ValidationError({
      message:
        'Invalid licence plan: hash: does not match the plan’s content, so the plan was changed after it was made. ' +
        'Nothing was sent. Make a new plan with licences.plan() instead of editing one.',
      issues: [{ path: 'hash', message: 'does not match the content of the plan' }],
    });
  }
  return plan;
}

function refuse(path: string, message: string): never {
  throw new ValidationError({
    message: `Invalid licence plan: ${path}: ${message}. Make a new plan with licences.plan() rather than editing one.`,
    issues: [{ path, message }],
  });
}
