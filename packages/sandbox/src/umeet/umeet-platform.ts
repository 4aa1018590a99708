import { afterEachRequest } from '../platform/after-each-request';
import type { RenderableFault } from '../platform/platform-fault';
import type { PlatformUrls } from '../platform/platform-urls';
import type { SandboxPlatform, SandboxPlatformContext } from '../platform/sandbox-platform';
import type { SandboxRequest, SandboxRoute } from '../platform/sandbox-request';
import { matchUmeetRoute, type UmeetCall } from './umeet-api';
import type { UmeetSandboxControls } from './umeet-controls';
import {
  UMEET_API_BASE_URL,
  UMEET_RATE_LIMITS,
  UMEET_SANDBOX_CREDENTIALS,
  UMEET_TOKEN_URL,
} from './umeet-defaults';
import { problem, withRequestId } from './umeet-http';
import { umeetToken } from './umeet-oauth';
import type { UmeetSandboxOptions } from './umeet-options';
import { UmeetStore } from './umeet-store';
import { umeetChangeWatcher, umeetWebhookScheme } from './umeet-webhooks';

const SERVER_ERRORS = {
  500: ['internal_error', 'Internal Server Error'],
  502: ['bad_gateway', 'Bad Gateway'],
  503: ['service_unavailable', 'Service Unavailable'],
} as const;

// Idempotency keys are tokens of visible ASCII (contract v1), at most 255 characters.
const KEY = /^[\x21-\x7e]{1,255}$/;

function bearer(request: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
}

function unauthorised(code: 'invalid_token' | 'token_expired', detail: string): Response {
  return problem(
    401,
    code,
    code === 'invalid_token' ? 'Invalid access token' : 'Access token expired',
    detail,
    {
      headers: {
        'www-authenticate': `Bearer realm="umeet", error="invalid_token", error_description="${detail}"`,
      },
    },
  );
}

function rateLimited(
  category: string | undefined,
  limit: number | undefined,
  retryAfter: number | undefined,
) {
  const headers: Record<string, string> = {};
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  if (category !== undefined) {
    const quota = limit ?? UMEET_RATE_LIMITS[category as keyof typeof UMEET_RATE_LIMITS];
    if (quota !== undefined) headers['ratelimit-policy'] = `"${category}";q=${quota};w=1`;
  }
  return problem(429, 'rate_limited', 'Too Many Requests', `${category ?? ''} 请求过于频繁，请稍后再试。`, {
    headers,
  });
}

function createUmeet(context: SandboxPlatformContext, options: UmeetSandboxOptions) {
  const store = new UmeetStore({
    credentials: { ...UMEET_SANDBOX_CREDENTIALS, ...options.credentials },
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    provisioningDelayMs: options.provisioningDelayMs ?? 0,
    verificationDelayMs: options.verificationDelayMs ?? 0,
    defaultSeatCap: options.defaultSeatCap ?? 500,
    now: context.now,
    random: context.random,
  });
  let requests = 0;

  // Every answer, errors and faults included, carries a request id (and problems name it as their instance).
  const identified = (response: Response): Response => {
    requests += 1;
    return withRequestId(response, `req_${requests.toString(16).padStart(12, '0')}`);
  };

  const renderFault = (fault: RenderableFault, { request }: SandboxRequest): Response => {
    switch (fault.kind) {
      case 'rate_limit':
        return identified(rateLimited(fault.category, fault.limit, fault.retryAfterSeconds));
      case 'server_error': {
        const [code, title] = SERVER_ERRORS[fault.status];
        return identified(problem(fault.status, code, title, '服务暂时不可用，请稍后重试。'));
      }
      case 'token_expired': {
        const token = bearer(request);
        if (token) store.expireToken(token);
        return identified(unauthorised('token_expired', 'The access token expired.'));
      }
    }
  };

  /** `POST` with `Idempotency-Key`: the same key and body answer the first answer again; another body, 422. */
  const idempotent = async (
    call: UmeetCall,
    subpath: string,
    required: boolean,
    run: () => Response,
  ): Promise<Response> => {
    const key = call.request.headers.get('idempotency-key');
    if (key === null) {
      return required
        ? problem(
            400,
            'idempotency_key_missing',
            'Idempotency-Key required',
            '创建请求必须带 Idempotency-Key 请求头。',
          )
        : run();
    }
    if (!KEY.test(key)) {
      return problem(
        400,
        'invalid_request',
        'Invalid request',
        'Idempotency-Key 必须是 1 到 255 个可见 ASCII 字符。',
      );
    }
    // The path under the API base, so that the same request matches whichever mount it came through.
    const fingerprint = `POST ${subpath}\n${call.body}`;
    const remembered = store.remembered(key);
    if (remembered) {
      if (remembered.fingerprint !== fingerprint) {
        return problem(
          422,
          'idempotency_key_reused',
          'Idempotency key reused',
          '该 Idempotency-Key 已用于另一个请求；新的请求请使用新的键。',
        );
      }
      return new Response(remembered.body, {
        status: remembered.status,
        headers: { ...remembered.headers, 'idempotent-replayed': 'true' },
      });
    }
    const response = run();
    // Only changes are remembered: a refused request changed nothing, so its repeat is judged afresh.
    if (response.ok) {
      const body = await response.clone().text();
      store.remember(key, {
        fingerprint,
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body,
      });
    }
    return response;
  };

  const resolve = ({ request, url, endpoint, subpath, urls }: SandboxRequest): SandboxRoute | undefined => {
    if (endpoint === 'tokenUrl') {
      if (subpath !== '') return undefined;
      return { category: 'oauth', execute: async () => identified(await umeetToken(store, request)) };
    }
    const matched = matchUmeetRoute(request.method.toUpperCase(), subpath);
    return {
      category: matched.kind === 'route' ? matched.category : undefined,
      execute: async () => {
        const state = store.tokenState(bearer(request));
        if (state === 'unknown') return identified(unauthorised('invalid_token', 'Unknown access token.'));
        if (state === 'expired')
          return identified(unauthorised('token_expired', 'The access token expired.'));
        if (matched.kind === 'not_found') {
          return identified(problem(404, 'not_found', 'Not Found', `${subpath || '/'} 不存在。`));
        }
        if (matched.kind === 'method_not_allowed') {
          return identified(
            problem(405, 'method_not_allowed', 'Method Not Allowed', `请使用 ${matched.allow.join('、')}。`, {
              headers: { allow: matched.allow.join(', ') },
            }),
          );
        }
        // Umeet counts a request against its category once the token is accepted.
        const limited = context.rateLimit(matched.category);
        if (limited)
          return identified(rateLimited(matched.category, limited.limit, limited.retryAfterSeconds));
        const body = await request.text();
        if (body !== '' && !/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
          return identified(
            problem(
              415,
              'unsupported_media_type',
              'Unsupported Media Type',
              '请求体必须是 application/json。',
            ),
          );
        }
        const call: UmeetCall = { store, request, url, params: matched.params, urls, body };
        const run = () => matched.route.handle(call);
        return identified(
          await (matched.route.method === 'POST'
            ? idempotent(call, subpath, matched.route.keyRequired === true, run)
            : run()),
        );
      },
    };
  };

  return {
    controls: store as UmeetSandboxControls,
    resolve: context.publishWebhook
      ? afterEachRequest(resolve, umeetChangeWatcher(store, context.publishWebhook))
      : resolve,
    renderFault,
    environment: (urls: PlatformUrls) => ({
      UMEET_CLIENT_ID: store.credentials.clientId,
      UMEET_CLIENT_SECRET: store.credentials.clientSecret,
      UMEET_API_URL: urls.baseUrl ?? UMEET_API_BASE_URL,
      UMEET_TOKEN_URL: urls.tokenUrl ?? UMEET_TOKEN_URL,
    }),
  };
}

/**
 * The in-memory Systec Umeet as a sandbox platform, modelling channelkit's Umeet contract v1 (Umeet publishes no API):
 * OAuth 2.0 client credentials, JSON resources, RFC 9457 problem details, `offset`/`limit` pages, `Idempotency-Key` on
 * `POST`, provisioning answered `202 Accepted` with a status URL, and licences guarded by `ETag`/`If-Match`. It is
 * built on the public {@link SandboxPlatform} interface alone.
 *
 * URLs: `baseUrl` (`https://api.umeet.cn/v1`) and `tokenUrl` (`https://api.umeet.cn/oauth2/token`); on the loopback
 * server `/umeet/v1` and `/umeet/oauth2/token`. Rate-limit categories: `read` (`GET`) and `write` (`POST`, `PUT`);
 * token requests are category `oauth`, never limited. Environment for `channelkit-sandbox run`: `UMEET_CLIENT_ID`,
 * `UMEET_CLIENT_SECRET`, `UMEET_API_URL`, `UMEET_TOKEN_URL`.
 *
 * @example
 * ```ts
 * import { createSandbox, umeetSandboxPlatform } from '@channelkit/sandbox';
 *
 * const umeet = umeetSandboxPlatform({ verificationDelayMs: 'manual' });
 * const sandbox = createSandbox({ platforms: [umeet] });
 * sandbox.controls(umeet).createAccount({ adminEmail: 'admin@example.cn', purchased: 10 });
 * ```
 */
export function umeetSandboxPlatform(
  options: UmeetSandboxOptions = {},
): SandboxPlatform<UmeetSandboxControls> {
  return {
    name: 'umeet',
    urls: { baseUrl: UMEET_API_BASE_URL, tokenUrl: UMEET_TOKEN_URL },
    rateLimitCategories: ['read', 'write'],
    webhooks: umeetWebhookScheme,
    create: (context) => createUmeet(context, options),
  };
}
