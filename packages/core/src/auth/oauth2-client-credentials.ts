import { ApiError, AuthenticationError, RedirectError } from '../errors/api-error';
import { ConfigurationError } from '../errors/configuration-error';
import { RecentSecrets } from '../internal/recent-secrets';
import { abortErrorFrom } from '../transport/sleep';
import type { AuthContext, AuthStrategy, OutgoingRequest } from './auth-strategy';

/** Options of {@link oauth2ClientCredentials}. */
export interface OAuth2ClientCredentialsOptions {
  /** Absolute URL of the token endpoint, e.g. `https://zoom.us/oauth/token`. */
  tokenUrl: string;
  /** OAuth client id. */
  clientId: string;
  /** OAuth client secret; redacted everywhere. */
  clientSecret: string;
  /** Space-separated scopes to request. */
  scope?: string | undefined;
  /** Extra form fields, e.g. Zoom's `{ account_id }`. */
  params?: Record<string, string | undefined> | undefined;
  /** The `grant_type` form field, e.g. Zoom's `account_credentials`. @default 'client_credentials' */
  grantType?: string | undefined;
  /** Where the client credentials go: an HTTP Basic header or form fields. @default 'basic' */
  credentialsIn?: 'basic' | 'body' | undefined;
  /** Refresh this long before `expires_in` runs out, in milliseconds (at most half the lifetime). @default 60000 */
  refreshSkewMs?: number | undefined;
  /** Rate-limit category of the token request. @default the transport's `default` */
  category?: string | undefined;
}

/** An OAuth 2.0 client-credentials strategy; `invalidate()` forces the next request to fetch a new token. */
export interface OAuth2ClientCredentialsStrategy extends AuthStrategy {
  /** Forgets the cached token (unless `rejected` carried a different, already refreshed one). */
  invalidate(rejected?: OutgoingRequest): void;
  /** The client secret, its Basic form and the access tokens of the last 64 fetches, newest first. */
  secrets(): readonly string[];
}

interface CachedToken {
  value: string;
  /** `performance.now()` after which the token is refreshed. */
  refreshAt: number;
}

/** One token request shared by every request waiting for a token. */
interface TokenFetch {
  readonly promise: Promise<CachedToken>;
  /** Aborts the token request, its retries and their sleeps. */
  readonly controller: AbortController;
  /** Waiters still waiting; a waiter without a signal never leaves, so its fetch is never aborted. */
  waiters: number;
}

/**
 * OAuth 2.0 client credentials: fetches a bearer token from `tokenUrl`, caches it until shortly before it
 * expires and shares one token request between all requests waiting for it. A 401 from the platform (or an
 * error the platform's parser marks `expiredCredentials`) invalidates the token; the transport then refreshes
 * once and repeats the request once. Token endpoint refusals reject with `AuthenticationError` carrying the
 * endpoint's reason, never the secret; a redirect from the token endpoint rejects with `RedirectError` (it is
 * never followed: the request carries the client credentials). A waiter whose signal aborts rejects at once
 * with `AbortError`; the shared token request (with its retries) is aborted when every waiter has given up, so
 * nothing keeps the process alive. The last 64 access tokens stay in `secrets()`, so an echoed old token is
 * still redacted.
 * @example
 * oauth2ClientCredentials({
 *   tokenUrl: 'https://zoom.us/oauth/token',
 *   clientId, clientSecret,
 *   grantType: 'account_credentials',
 *   params: { account_id: accountId },
 * });
 */
export function oauth2ClientCredentials(
  options: OAuth2ClientCredentialsOptions,
): OAuth2ClientCredentialsStrategy {
  for (const option of ['tokenUrl', 'clientId', 'clientSecret'] as const) {
    if (typeof options[option] !== 'string' || options[option] === '')
      throw new ConfigurationError({ option });
  }
  if (!/^https?:\/\//i.test(options.tokenUrl)) {
    throw new ConfigurationError({ option: 'tokenUrl', problem: 'must be an absolute http(s) URL' });
  }
  const skewMs = options.refreshSkewMs ?? 60_000;
  if (!Number.isFinite(skewMs) || skewMs < 0) {
    throw new ConfigurationError({
      option: 'refreshSkewMs',
      problem: `must be >= 0 milliseconds (got ${skewMs})`,
    });
  }
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
  const secrets = new RecentSecrets([options.clientSecret, basic]);
  let cached: CachedToken | undefined;
  let pending: TokenFetch | undefined;

  const fetchToken = async (context: AuthContext): Promise<CachedToken> => {
    const form: Record<string, string | undefined> = {
      grant_type: options.grantType ?? 'client_credentials',
      scope: options.scope,
      ...options.params,
    };
    if (options.credentialsIn === 'body') {
      form.client_id = options.clientId;
      form.client_secret = options.clientSecret;
    }
    const requestedAt = performance.now();
    let data: unknown;
    try {
      ({ data } = await context.send({
        method: 'POST',
        path: options.tokenUrl,
        form,
        headers: options.credentialsIn === 'body' ? {} : { authorization: `Basic ${basic}` },
        // Asking for a token twice is harmless.
        idempotent: true,
        category: options.category,
        signal: context.signal,
      }));
    } catch (error) {
      if (error instanceof RedirectError) {
        const where = error.location ?? 'nowhere (no Location header)';
        throw new RedirectError({
          status: error.status,
          platform: error.platform,
          request: error.request,
          requestId: error.requestId,
          location: error.location,
          message:
            `${error.platform} ${error.status} token request ${error.request.method} ${error.request.url}: ` +
            `the token endpoint redirected to ${where}. Redirects are never followed, because the token request ` +
            `carries the client credentials: ${error.location === undefined ? 'check tokenUrl' : `set tokenUrl to ${error.location}`}`,
          cause: error,
        });
      }
      if (error instanceof ApiError) {
        const apiError = error;
        throw new AuthenticationError({
          status: apiError.status,
          platform: apiError.platform,
          request: apiError.request,
          platformCode: apiError.platformCode,
          platformMessage: apiError.platformMessage,
          requestId: apiError.requestId,
          retryable: false,
          message:
            `${apiError.platform} token request failed (${apiError.status}): ` +
            `${apiError.platformMessage ?? 'no reason given'}. Check clientId/clientSecret and the grant parameters`,
          cause: apiError,
        });
      }
      throw error;
    }
    const body = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new AuthenticationError({
        status: 200,
        platform: 'oauth2',
        request: { method: 'POST', url: options.tokenUrl, headers: {} },
        retryable: false,
        message: `The token endpoint ${options.tokenUrl} answered without an access_token; check tokenUrl`,
      });
    }
    const lifetimeMs =
      (typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600)) * 1000;
    const validMs = Number.isFinite(lifetimeMs) ? lifetimeMs - Math.min(skewMs, lifetimeMs / 2) : 0;
    return { value: body.access_token, refreshAt: requestedAt + Math.max(0, validMs) };
  };

  const startFetch = (context: AuthContext): TokenFetch => {
    // The shared request follows no single caller's signal (the other waiters still need it): it has its own,
    // aborted when the last waiter leaves.
    const controller = new AbortController();
    const flight: TokenFetch = {
      promise: fetchToken({ send: context.send, signal: controller.signal }),
      controller,
      waiters: 0,
    };
    flight.promise.then(
      (fresh) => {
        secrets.remember(fresh.value);
        if (pending === flight) {
          cached = fresh;
          pending = undefined;
        }
      },
      () => {
        if (pending === flight) pending = undefined;
      },
    );
    return flight;
  };

  const token = (context: AuthContext): string | Promise<string> => {
    if (cached !== undefined && performance.now() < cached.refreshAt) return cached.value;
    const signal = context.signal;
    if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
    pending ??= startFetch(context);
    return wait(pending, signal);
  };

  /** Waits for the shared fetch; leaving (on abort) rejects at once, and the last waiter to leave aborts it. */
  const wait = (flight: TokenFetch, signal: AbortSignal | undefined): Promise<string> => {
    flight.waiters++;
    if (signal === undefined) return flight.promise.then((fresh) => fresh.value);
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        reject(abortErrorFrom(signal));
        if (--flight.waiters > 0) return;
        if (pending === flight) pending = undefined;
        flight.controller.abort(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (fresh) => {
          signal.removeEventListener('abort', onAbort);
          resolve(fresh.value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };

  const bearer = (request: OutgoingRequest, value: string): OutgoingRequest => ({
    ...request,
    headers: { ...request.headers, authorization: `Bearer ${value}` },
  });

  return {
    name: 'oauth2-client-credentials',
    authenticate(request, context) {
      const value = token(context);
      return typeof value === 'string' ? bearer(request, value) : value.then((v) => bearer(request, v));
    },
    invalidate(rejected) {
      if (cached === undefined) return;
      if (rejected !== undefined && rejected.headers.authorization !== `Bearer ${cached.value}`) return;
      cached = undefined;
    },
    secrets: () => secrets.list(),
  };
}
