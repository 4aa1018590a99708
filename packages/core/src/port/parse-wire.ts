import type { z } from 'zod';
import { type ResponseValidationContext, ResponseValidationError } from '../errors/response-validation-error';

/**
 * Validates a platform's answer at the adapter boundary: returns the parsed value, or throws a
 * `ResponseValidationError` naming the platform, the operation and every field that did not match. Parse every
 * response body with it before reading a field, so that a malformed answer (`null`, an HTML page, a missing id) is
 * always a typed error and never a `TypeError`, or a request sent to `/accounts/undefined`.
 * @param schema - the wire shape: only the fields the adapter reads (zod drops the others).
 * @param data - the response body as the transport parsed it.
 * @param context - the platform and the operation, e.g. `{ platform: 'zoom', operation: 'accounts.get (GET /accounts/{id})' }`.
 * @example
 * const createdAccount = z.object({ id: z.string().min(1), owner_email: z.string() });
 * const { data } = await context.transport.request({ method: 'POST', path: '/accounts', body });
 * const created = parseWire(createdAccount, data, { platform: 'zoom', operation: 'accounts.provision (POST /accounts)' });
 */
export function parseWire<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  context: ResponseValidationContext,
): z.output<Schema> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw ResponseValidationError.fromZod(parsed.error, context);
  return parsed.data;
}
