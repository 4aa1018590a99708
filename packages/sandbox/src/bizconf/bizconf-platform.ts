import { afterEachRequest } from '../platform/after-each-request';
import type { RenderableFault } from '../platform/platform-fault';
import type { SandboxPlatform, SandboxPlatformContext } from '../platform/sandbox-platform';
import type { SandboxRequest, SandboxRoute } from '../platform/sandbox-request';
import { matchBizconfRoute } from './bizconf-api';
import type { BizconfSandboxControls, BizconfSandboxOptions } from './bizconf-controls';
import {
  BIZCONF_CLOCK_SKEW_MS,
  BIZCONF_SANDBOX_BASE_URL,
  BIZCONF_SANDBOX_CREDENTIALS,
  BIZCONF_SANDBOX_PATH_PREFIX,
} from './bizconf-defaults';
import { CODES, envelope, gatewayPage } from './bizconf-envelope';
import { verifySignature } from './bizconf-signature';
import { BizconfStore } from './bizconf-store';
import { bizconfChangeWatcher, bizconfWebhookScheme } from './bizconf-webhooks';

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function createBizconf(context: SandboxPlatformContext, options: BizconfSandboxOptions) {
  const store = new BizconfStore({
    credentials: { ...BIZCONF_SANDBOX_CREDENTIALS, ...options.credentials },
    now: context.now,
    random: context.random,
    provisioningDelayMs: options.provisioningDelayMs ?? 1000,
    review: options.review ?? 'automatic',
  });
  const verifier = {
    appId: store.credentials.appId,
    appSecret: store.credentials.appSecret,
    clockSkewMs: options.clockSkewMs ?? BIZCONF_CLOCK_SKEW_MS,
    now: context.now,
    nonces: store.nonces,
  };
  let requests = 0;

  // Every answer of Bizconf's gateway, faults included, carries a request id.
  const tracked = (response: Response): Response => {
    const serial = (++requests).toString(16).padStart(8, '0');
    const random = Math.floor(context.random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
    response.headers.set('x-request-id', `${random}${serial}`);
    return response;
  };

  const renderFault = (fault: RenderableFault): Response => {
    switch (fault.kind) {
      case 'rate_limit': {
        // The gateway says "slow down" in the envelope with HTTP 200, adding Retry-After when it knows.
        const headers: Record<string, string> =
          fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        return tracked(envelope(CODES.rateLimited, '请求过于频繁，请稍后再试', null, headers));
      }
      case 'server_error':
        if (fault.status === 500) {
          const body = JSON.stringify({ code: CODES.systemBusy, msg: '系统繁忙，请稍后再试', data: null });
          return tracked(
            new Response(body, {
              status: 500,
              headers: { 'content-type': 'application/json;charset=UTF-8' },
            }),
          );
        }
        return tracked(gatewayPage(fault.status));
      case 'token_expired':
        // No tokens here: an expired credential is a signature whose timestamp has left the window.
        return tracked(envelope(CODES.timestampExpired, '签名已过期：时间戳超出允许范围（±5 分钟）'));
    }
  };

  const resolve = ({ request, url, method, subpath }: SandboxRequest): SandboxRoute => {
    const below = subpath.startsWith(`${BIZCONF_SANDBOX_PATH_PREFIX}/`)
      ? subpath.slice(BIZCONF_SANDBOX_PATH_PREFIX.length)
      : undefined;
    const matched = below === undefined ? undefined : matchBizconfRoute(method, below);
    return {
      category: matched?.category,
      execute: async () => {
        store.settle();
        let body: Record<string, unknown> | undefined;
        if (method !== 'GET' && method !== 'HEAD') {
          body = parseObject(await request.text());
          if (!body) return tracked(envelope(CODES.bodyInvalid, '请求体必须是 JSON 对象'));
        }
        // Bizconf checks the signature first, then counts the request against its category.
        const refused = verifySignature({ method, url, headers: request.headers, body }, verifier);
        if (refused) return tracked(envelope(refused.code, refused.msg));
        if (!matched) return tracked(envelope(CODES.apiNotFound, `接口不存在：${method} ${url.pathname}`));
        const limited = context.rateLimit(matched.category);
        if (limited) return renderFault(limited);
        return tracked(matched.run({ store, url, body: body ?? {} }));
      },
    };
  };

  return {
    controls: store as BizconfSandboxControls,
    resolve: context.publishWebhook
      ? afterEachRequest(resolve, bizconfChangeWatcher(store, context.publishWebhook))
      : resolve,
    renderFault,
    environment: (urls: Readonly<Record<string, string>>) => ({
      BIZCONF_APP_ID: store.credentials.appId,
      BIZCONF_APP_SECRET: store.credentials.appSecret,
      BIZCONF_BASE_URL: urls.baseUrl ?? BIZCONF_SANDBOX_BASE_URL,
    }),
  };
}

/**
 * The in-memory Bizconf (会畅通讯) as a sandbox platform, modelling channelkit's Bizconf contract v1
 * (`docs/partners/bizconf.md`): HMAC-SHA256 signed JSON requests checked against the sandbox clock (±5 minutes,
 * nonces never twice), HTTP 200 envelopes `{ code, msg, data }` for business errors, rate limits and expired
 * signatures alike, asynchronous provisioning through tasks that finish `provisioningDelayMs` later, request numbers
 * (`bizNo`) that make creates and seat changes safe to repeat, `pageNo`/`pageSize` listings, and annual seat
 * commitments that grow at any time and shrink only at renewal. It is built on the public {@link SandboxPlatform}
 * interface alone.
 *
 * URL: `baseUrl` (`https://openapi.bizconf.example`, every endpoint under `/openapi/v1`); on the loopback server
 * `/bizconf`. Rate-limit categories: `query` and `write`. Environment for `channelkit-sandbox run`:
 * `BIZCONF_APP_ID`, `BIZCONF_APP_SECRET`, `BIZCONF_BASE_URL`.
 *
 * @example
 * ```ts
 * import { bizconfSandboxPlatform, createSandbox } from '@channelkit/sandbox';
 *
 * const bizconf = bizconfSandboxPlatform({ provisioningDelayMs: 0 });
 * const sandbox = createSandbox({ platforms: [bizconf] });
 * sandbox.controls(bizconf).createEnterprise({ enterpriseName: '上海示例科技有限公司', creditCode: '91310000MA1FL4B24G' });
 * ```
 */
export function bizconfSandboxPlatform(
  options: BizconfSandboxOptions = {},
): SandboxPlatform<BizconfSandboxControls> {
  return {
    name: 'bizconf',
    urls: { baseUrl: BIZCONF_SANDBOX_BASE_URL },
    rateLimitCategories: ['query', 'write'],
    webhooks: bizconfWebhookScheme,
    create: (context) => createBizconf(context, options),
  };
}
