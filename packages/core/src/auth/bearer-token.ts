import { ConfigurationError } from '../errors/configuration-error';
import type { AuthStrategy, OutgoingRequest } from './auth-strategy';

/**
 * Sends `Authorization: Bearer <token>`. Pass a function to supply a fresh token per attempt (e.g. from your
 * own token store); the last token seen is redacted everywhere.
 * @example
 * bearerToken(process.env.ZOOM_TOKEN ?? '');
 * bearerToken(async () => vault.read('zoom-token'));
 */
export function bearerToken(token: string | (() => string | Promise<string>)): AuthStrategy {
  if (typeof token === 'string' && token === '') throw new ConfigurationError({ option: 'token' });
  let last = typeof token === 'string' ? token : undefined;
  const withToken = (request: OutgoingRequest, value: string): OutgoingRequest => {
    last = value;
    return { ...request, headers: { ...request.headers, authorization: `Bearer ${value}` } };
  };
  return {
    name: 'bearer-token',
    authenticate(request) {
      if (typeof token === 'string') return withToken(request, token);
      const value = token();
      return typeof value === 'string' ? withToken(request, value) : value.then((v) => withToken(request, v));
    },
    secrets: () => (last === undefined ? [] : [last]),
  };
}
