import { WebhookVerificationError } from '../errors/webhook-verification-error';
import type { WebhookHeaderReader } from './webhook-verifier';

/**
 * The headers of a webhook request in any of the shapes servers hand them over: Node's `req.headers`
 * (`IncomingHttpHeaders`), a plain record, or a Fetch `Headers` object.
 */
export type WebhookRequestHeaders =
  | Readonly<Record<string, string | readonly string[] | number | undefined>>
  | {
      /** The header's value, or `null` when it is absent (as Fetch's `Headers.get` answers). */
      get(name: string): string | null;
    };

function isFetchHeaders(headers: WebhookRequestHeaders): headers is { get(name: string): string | null } {
  return typeof (headers as { get?: unknown }).get === 'function';
}

/** Reads headers by name, case-insensitively, refusing a header sent several times when it is read. */
export function headerReader(headers: WebhookRequestHeaders): WebhookHeaderReader {
  if (headers === null || typeof headers !== 'object') {
    throw new WebhookVerificationError(
      'The webhook headers must be an object, e.g. req.headers in Node or request.headers in a Fetch handler.',
      { reason: 'missing_header' },
    );
  }
  if (isFetchHeaders(headers)) {
    return { get: (name) => headers.get(name) ?? undefined };
  }
  const byName = new Map<string, unknown[]>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    const values = byName.get(key) ?? [];
    values.push(...(Array.isArray(value) ? value : [value]));
    byName.set(key, values);
  }
  return {
    get(name) {
      const values = byName.get(name.toLowerCase());
      if (values === undefined || values.length === 0) return undefined;
      if (values.length > 1) {
        throw new WebhookVerificationError(
          `The ${name} header was sent ${values.length} times; expected once.`,
          {
            reason: 'malformed_header',
          },
        );
      }
      const [value] = values;
      if (typeof value === 'number') return String(value);
      if (typeof value !== 'string') {
        throw new WebhookVerificationError(`The ${name} header is not text.`, { reason: 'malformed_header' });
      }
      return value;
    },
  };
}
