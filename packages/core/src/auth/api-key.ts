import { ConfigurationError } from '../errors/configuration-error';
import type { AuthStrategy, OutgoingRequest } from './auth-strategy';

/** Where an API key travels: a header, a query parameter or a form field. */
export type ApiKeyLocation = 'header' | 'query' | 'form';

/** Options of {@link apiKey}. */
export interface ApiKeyOptions {
  /** Where the key travels. */
  in: ApiKeyLocation;
  /** Header, parameter or field name, e.g. `x-api-key` or `api_key`. */
  name: string;
  /** The key; redacted everywhere. */
  value: string;
}

/**
 * Sends a static API key in a header, query parameter or form field. `form` adds the field to form bodies
 * (and creates one for requests without a body); it refuses JSON bodies.
 * @example
 * apiKey({ in: 'header', name: 'x-api-key', value: process.env.API_KEY ?? '' });
 */
export function apiKey(options: ApiKeyOptions): AuthStrategy {
  if (!options.name) throw new ConfigurationError({ option: 'name' });
  if (!options.value) throw new ConfigurationError({ option: 'value' });
  return {
    name: 'api-key',
    authenticate: (request) => place(request, options.in, { [options.name]: options.value }),
    secrets: () => [options.value],
  };
}

/** Options of {@link apiKeyPair}. */
export interface ApiKeyPairOptions {
  /** Where the key and secret travel. */
  in: ApiKeyLocation;
  /** Name of the key field, e.g. `api_key`. */
  keyName: string;
  /** The key. */
  key: string;
  /** Name of the secret field, e.g. `api_secret`. */
  secretName: string;
  /** The secret; redacted everywhere. */
  secret: string;
}

/**
 * Sends a key and a secret side by side, as platforms such as Zhumu expect in their form fields.
 * @example
 * apiKeyPair({ in: 'form', keyName: 'api_key', key, secretName: 'api_secret', secret });
 */
export function apiKeyPair(options: ApiKeyPairOptions): AuthStrategy {
  for (const option of ['keyName', 'key', 'secretName', 'secret'] as const) {
    if (!options[option]) throw new ConfigurationError({ option });
  }
  return {
    name: 'api-key-pair',
    authenticate: (request) =>
      place(request, options.in, { [options.keyName]: options.key, [options.secretName]: options.secret }),
    secrets: () => [options.secret],
  };
}

function place(
  request: OutgoingRequest,
  location: ApiKeyLocation,
  fields: Record<string, string>,
): OutgoingRequest {
  if (location === 'header') {
    const headers = { ...request.headers };
    for (const [name, value] of Object.entries(fields)) headers[name.toLowerCase()] = value;
    return { ...request, headers };
  }
  if (location === 'query') return { ...request, query: { ...request.query, ...fields } };
  if (request.body !== undefined) {
    throw new ConfigurationError({
      option: 'in',
      problem: "is 'form' but the request has a JSON body; send it as `form` or put the key in a header",
    });
  }
  return { ...request, form: { ...request.form, ...fields } };
}
