import { z } from 'zod';

/** A non-empty string option, e.g. a credential or a plan code. */
export const text = z.string().trim().min(1, 'must not be empty');

/** A URL option; `example` shows the expected form in the message. */
export const url = (example: string) => z.url({ error: `must be a URL, e.g. ${example}` });

/**
 * An adapter's `rateLimits`: a positive number for each of its categories, in `unit` (e.g. `requests per second`),
 * each optional (merged over the adapter's defaults).
 */
export function rateLimits<const Category extends string>(categories: readonly Category[], unit: string) {
  const limit = z.number().positive(`must be a positive number of ${unit}`).optional();
  return z.strictObject(
    Object.fromEntries(categories.map((category) => [category, limit])) as Record<Category, typeof limit>,
  );
}
