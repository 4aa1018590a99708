import { z } from 'zod';

const ID_HINT = 'pass the `id` of an account exactly as provision, get or list returned it';
const REFERRAL_HINT = 'pass the `id` of a referral exactly as submit, get or list returned it';

// Characters that would change or smuggle a request path if an id became one of its segments: separators and the
// query/fragment/percent delimiters, whitespace, control and invisible formatting characters (zero-width, bidi
// overrides), line and paragraph separators, and unpaired surrogates (which cannot be percent-encoded).
const FORBIDDEN = /[/\\?#%\s\p{Cc}\p{Cf}\p{Cs}\p{Z}]/u;

function codePointOf(character: string): string {
  const point = character.codePointAt(0) ?? 0;
  return `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `id` cannot be a path segment, or `undefined` when it can; `hint` says where valid ids come from. */
function problemOf(id: string, hint: string): string | undefined {
  if (id === '.' || id === '..') {
    return `must not be "${id}": a dot segment would turn the request into one for another path; ${hint}`;
  }
  if (id.toLowerCase() === 'me') {
    return `must not be "${id}": platforms such as Zoom read "me" as the caller's own (master) account; ${hint}`;
  }
  const forbidden = FORBIDDEN.exec(id)?.[0];
  if (forbidden === undefined) return undefined;
  if ('/\\?#%'.includes(forbidden)) {
    return `must not contain "${forbidden}", which would change the request path; ${hint}`;
  }
  if (/\s|\p{Z}/u.test(forbidden))
    return `must not contain whitespace (found ${codePointOf(forbidden)}); ${hint}`;
  return `must not contain control or invisible formatting characters (found ${codePointOf(forbidden)}); ${hint}`;
}

/** A schema for ids that become path segments, with messages that say where valid ids come from. */
function pathIdSchema(hint: string) {
  return z
    .string({ error: `must be a string: ${hint}` })
    .min(1, `must not be empty: ${hint}`)
    .max(128, 'must be at most 128 characters')
    .superRefine((id, context) => {
      const problem = problemOf(id, hint);
      if (problem !== undefined) context.addIssue({ code: 'custom', message: problem, input: id });
    });
}

/**
 * A platform-scoped account id. Adapters put ids in URL paths, so the client checks those callers pass before any
 * request: 1 to 128 characters, not a dot segment (`.`, `..`) nor `me` (Zoom's alias for the master account), and
 * free of `/ \ ? # %`, whitespace, control and invisible formatting characters. Adapters parse the ids a platform
 * returns with it too, before they use one in a path.
 * @example
 * const createdAccount = z.object({ id: accountIdSchema, owner_email: z.string() });
 */
export const accountIdSchema = pathIdSchema(ID_HINT);

/**
 * A platform-scoped referral id (Zoom: a deal registration number), held to the same rules as
 * {@link accountIdSchema} because adapters put it in URL paths too.
 * @example
 * const created = z.object({ deal_reg_number: referralIdSchema });
 */
export const referralIdSchema = pathIdSchema(REFERRAL_HINT);
