import { z } from 'zod';

/**
 * A trimmed string with a length rule whose messages tell the user what to change. Length counts UTF-16 code
 * units, as platforms do when they enforce their own limits.
 */
export function text(min: number, max: number) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string'),
    })
    .trim()
    .min(min, min === 1 ? 'must not be empty (after trimming spaces)' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters; shorten it`);
}

/** A `z.enum` whose message lists the accepted values. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of: ${values.map((value) => `'${value}'`).join(', ')}` });
}
