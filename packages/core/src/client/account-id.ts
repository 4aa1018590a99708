import { z } from 'zod';

const ID_HINT = 'pass the `id` of an account exactly as provision, get or list returned it';

// Characters that would change or smuggle a request path if an id became one of its segments: separators and the
// query/fragment/percent delimiters, whitespace, control and invisible formatting characters (zero-width, bidi
// overrides), line and paragraph separators, and unpaired surrogates (which cannot be percent-encoded).
const FORBIDDEN = /[/\\?#%\s\p{Cc}\p{Cf}\p{Cs}\p{Z}]/u;

function codePointOf(character: string): string {
  const point = character.codePointAt(0) ?? 0;
  return `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `id` cannot be a path segment, or `undefined` when it can. */
function problemOf(id: string): string | undefined {
  if (id === '.' || id === '..') {
    return `must not be "${id}": a dot segment would turn the request into one for another path; ${ID_HINT}`;
  }
  if (id.toLowerCase() === 'me') {
    return `must not be "${id}": platforms such as Zoom read "me" as the caller's own (master) account; ${ID_HINT}`;
  }
  const forbidden = FORBIDDEN.exec(id)?.[0];
  if (forbidden === undefined) return undefined;
  if ('/\\?#%'.includes(forbidden)) {
    return `must not contain "${forbidden}", which would change the request path; ${ID_HINT}`;
  }
  if (/\s|\p{Z}/u.test(forbidden))
    return `must not contain whitespace (found ${codePointOf(forbidden)}); ${ID_HINT}`;
  return `must not contain control or invisible formatting characters (found ${codePointOf(forbidden)}); ${ID_HINT}`;
}

/**
 * A platform-scoped account id. Adapters put ids in URL paths, so the client checks those callers pass before any
 * request: 1 to 128 characters, not a dot segment (`.`, `..`) nor `me` (Zoom's alias for the master account), and
 * free of `/ \ ? # %`, whitespace, control and invisible formatting characters. Adapters parse the ids a platform
 * returns with it too, before they use one in a path.
 * @example
 * const createdAccount = z.object({ id: accountIdSchema, owner_email: z.string() });
 */
export const accountIdSchema = z
  .string({ error: `must be a string: ${ID_HINT}` })
  .min(1, `must not be empty: ${ID_HINT}`)
  .max(128, 'must be at most 128 characters')
  .superRefine((id, context) => {
    const problem = problemOf(id);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem, input: id });
  });
