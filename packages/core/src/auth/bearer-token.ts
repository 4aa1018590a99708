import { ConfigurationError } from '../errors/configuration-error';
import { RecentSecrets } from '../internal/recent-secrets';
import type { AuthStrategy, OutgoingRequest } from './auth-strategy';

/**
 * Sends `Authorization: Bearer <token>`. Pass a function to supply a fresh token per attempt (e.g. from your
 * own token store); the tokens seen (the last 64) are redacted everywhere.
 * @example
 * bearerToken(process.env.ZOOM_TOKEN ?? '');
 * bearerToken(async () => vault.read('zoom-token'));
 */
export function bearerToken(token: string | (() => string | Promise<string>)): AuthStrategy {
  if (typeof token === 'string' && token === '') throw new ConfigurationError({ option: 'token' });
  const seen = new RecentSecrets(typeof token === 'string' ? [token] : []);
  const withToken = (request: OutgoingRequest, value: string): OutgoingRequest => {
    if (typeof token !== 'string') seen.remember(value);
    return { ...request, headers: { ...request.headers, authorization: `Bearer ${value}` } };
  };
  return {
    name: 'bearer-token',
    authenticate(request) {
      if (typeof token === 'string') return withToken(request, token);
      const value = token();
      return typeof value === 'string' ? withToken(request, value) : value.then((v) => withToken(request, v));
    },
    secrets: () => seen.list(),
  };
}
