import { z } from 'zod';

/**
 * A platform-scoped account id as callers pass it: adapters put it in URL paths, so it is checked for shape here
 * rather than trusted.
 */
export const accountIdSchema = z
  .string({ error: 'must be a string: pass the `id` of an account returned by provision, get or list' })
  .trim()
  .min(1, 'must not be empty: pass the `id` of an account returned by provision, get or list')
  .max(128, 'must be at most 128 characters')
  .regex(/^[^\s/?#]+$/, 'must not contain whitespace, "/", "?" or "#"');
