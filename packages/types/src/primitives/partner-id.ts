import { z } from 'zod';

/**
 * The platforms channelkit ships adapters for, or will: Zoom, and the platforms that embed Zoom technology in
 * mainland China (Bizconf, Suirui Zhumu, Systec Umeet).
 */
export const KNOWN_PARTNER_IDS = ['zoom', 'bizconf', 'zhumu', 'umeet'] as const;

/** The id of a platform channelkit knows: `'zoom' | 'bizconf' | 'zhumu' | 'umeet'`. */
export type KnownPartnerId = (typeof KNOWN_PARTNER_IDS)[number];

/**
 * A platform identifier: one of the {@link KnownPartnerId}s (offered by editors' autocompletion), or the id of a
 * platform whose adapter is written outside channelkit, such as `'acme-meetings'`. Any value that
 * {@link partnerIdSchema} accepts.
 */
// `string & {}` keeps the known ids in autocompletion while any other slug still type-checks.
export type PartnerId = KnownPartnerId | (string & {});

/** The longest partner id: 32 characters. */
export const MAX_PARTNER_ID_LENGTH = 32;

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * A platform identifier: a lowercase slug of 2 to 32 characters (letters, digits and single hyphens, starting with a
 * letter), such as `'zoom'` or `'acme-meetings'`. The id names the platform in events, errors and request logs, and
 * third-party adapters choose their own.
 *
 * @example
 * ```ts
 * import { partnerIdSchema } from '@channelkit/types';
 *
 * partnerIdSchema.parse('acme-meetings'); // 'acme-meetings'
 * partnerIdSchema.safeParse('Acme Meetings').success; // false
 * ```
 */
export const partnerIdSchema: z.ZodType<PartnerId, string> = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .min(2, "must be at least 2 characters, e.g. 'zoom'")
  .max(MAX_PARTNER_ID_LENGTH, `must be at most ${MAX_PARTNER_ID_LENGTH} characters`)
  .regex(
    SLUG,
    "must be a lowercase slug: letters a-z, digits and single hyphens, starting with a letter, e.g. 'zoom' or 'acme-meetings'",
  );

const known: ReadonlySet<string> = new Set(KNOWN_PARTNER_IDS);

/** Tells whether a partner id is one of the {@link KNOWN_PARTNER_IDS}, narrowing its type. */
export function isKnownPartnerId(id: string): id is KnownPartnerId {
  return known.has(id);
}
