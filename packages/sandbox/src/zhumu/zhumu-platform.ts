import { afterEachRequest } from '../platform/after-each-request';
import type { RenderableFault } from '../platform/platform-fault';
import type { PlatformUrls } from '../platform/platform-urls';
import type { SandboxPlatform, SandboxPlatformContext } from '../platform/sandbox-platform';
import type { SandboxRequest, SandboxRoute } from '../platform/sandbox-request';
import { type ZhumuForm, zhumuEndpoint } from './zhumu-api';
import type { ZhumuSandboxControls, ZhumuSandboxOptions } from './zhumu-controls';
import { ZHUMU_API_BASE_URL, ZHUMU_PATH_PREFIX, ZHUMU_SANDBOX_CREDENTIALS } from './zhumu-defaults';
import { invalidCredentials, rateLimited, ZHUMU_ERROR, zhumuError } from './zhumu-responses';
import { ZhumuStore } from './zhumu-store';
import { zhumuChangeWatcher, zhumuWebhookScheme } from './zhumu-webhooks';

const SERVER_ERRORS = {
  500: '服务器内部错误 / Internal server error.',
  502: '网关错误 / Bad gateway.',
  503: '服务暂不可用 / Service unavailable.',
} as const;

const FORM = 'application/x-www-form-urlencoded';

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  if (trimmed !== '' && !trimmed.startsWith('/')) {
    throw new TypeError(
      `zhumuSandboxPlatform: pathPrefix must start with '/', got ${JSON.stringify(prefix)}.`,
    );
  }
  return trimmed;
}

/**
 * Reads the form body. Zhumu takes `application/x-www-form-urlencoded` in UTF-8 only: another content type or
 * charset, or percent-encoded bytes that are not UTF-8 (a GBK client), are refused with error 300.
 */
async function readForm(request: Request): Promise<ZhumuForm | Response> {
  const [type = '', ...parameters] = (request.headers.get('content-type') ?? '').split(';');
  if (type.trim().toLowerCase() !== FORM) {
    return zhumuError(
      ZHUMU_ERROR.invalidParameter,
      `参数错误 / Content-Type must be ${FORM}; charset=UTF-8, got ${JSON.stringify(type.trim())}.`,
    );
  }
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return zhumuError(
      ZHUMU_ERROR.invalidParameter,
      `参数错误 / Only UTF-8 is accepted, got charset=${charset}.`,
    );
  }
  const body = await request.text();
  const form = new Map<string, string>();
  let replaced = false;
  for (const [name, value] of new URLSearchParams(body)) {
    // URLSearchParams turns bytes that are not UTF-8 into U+FFFD; an encoded U+FFFD itself is legitimate.
    if (value.includes('\uFFFD') || name.includes('\uFFFD')) replaced = true;
    if (!form.has(name)) form.set(name, value);
  }
  if (replaced && !/%EF%BF%BD/i.test(body)) {
    return zhumuError(
      ZHUMU_ERROR.invalidParameter,
      '参数错误 / Parameters must be UTF-8, percent-encoded (found bytes that are not UTF-8, e.g. GBK).',
    );
  }
  return form;
}

function createZhumu(context: SandboxPlatformContext, options: ZhumuSandboxOptions) {
  const store = new ZhumuStore({
    credentials: { ...ZHUMU_SANDBOX_CREDENTIALS, ...options.credentials },
    pathPrefix: normalisePrefix(options.pathPrefix ?? ZHUMU_PATH_PREFIX),
    review: options.review ?? 'auto',
    reviewDelayMs: options.reviewDelayMs ?? 0,
    now: context.now,
    random: context.random,
  });

  let answered = 0;
  // Every Zhumu answer, errors and faults included, carries a request id to quote to Zhumu support.
  const tracked = (response: Response): Response => {
    response.headers.set('X-Request-Id', `zm-${(++answered).toString(16).padStart(12, '0')}`);
    return response;
  };

  const answer = (fault: RenderableFault): Response => {
    switch (fault.kind) {
      case 'rate_limit':
        return rateLimited(
          fault.category,
          fault.limit === undefined ? undefined : Math.round(fault.limit * 60),
          fault.retryAfterSeconds,
        );
      case 'server_error':
        return zhumuError(fault.status, SERVER_ERRORS[fault.status], fault.status);
      case 'token_expired':
        // Zhumu has no tokens: the nearest it comes is refusing the key and secret of a request.
        return invalidCredentials();
    }
  };
  const renderFault = (fault: RenderableFault): Response => tracked(answer(fault));

  const resolve = ({ request, subpath }: SandboxRequest): SandboxRoute => {
    const prefix = store.pathPrefix;
    const inside = subpath === prefix || subpath.startsWith(`${prefix}/`);
    const endpoint = inside ? zhumuEndpoint(subpath.slice(prefix.length)) : undefined;
    return {
      category: endpoint?.category,
      execute: async () => tracked(await serve()),
    };

    async function serve(): Promise<Response> {
      if (!endpoint) return zhumuError(404, '接口不存在 / No such API endpoint.', 404);
      if (request.method.toUpperCase() !== 'POST') {
        return zhumuError(ZHUMU_ERROR.invalidParameter, '只支持 POST / Only POST is supported.', 405, {
          Allow: 'POST',
        });
      }
      const form = await readForm(request);
      if (form instanceof Response) return form;
      const apiKey = form.get('api_key');
      const apiSecret = form.get('api_secret');
      if (!apiKey || !apiSecret) {
        return zhumuError(
          ZHUMU_ERROR.missingCredentials,
          '缺少 api_key 或 api_secret / api_key and api_secret are required form fields.',
        );
      }
      if (apiKey !== store.credentials.apiKey || apiSecret !== store.credentials.apiSecret) {
        return invalidCredentials();
      }
      // Zhumu counts a request against its api_key's limits once the key is accepted.
      const limited = context.rateLimit(endpoint.category);
      if (limited) return answer(limited);
      return endpoint.run(store, form);
    }
  };

  return {
    controls: store as ZhumuSandboxControls,
    resolve: context.publishWebhook
      ? afterEachRequest(resolve, zhumuChangeWatcher(store, context.publishWebhook))
      : resolve,
    renderFault,
    environment: (urls: PlatformUrls) => ({
      ZHUMU_API_KEY: store.credentials.apiKey,
      ZHUMU_API_SECRET: store.credentials.apiSecret,
      ZHUMU_API_URL: urls.baseUrl ?? ZHUMU_API_BASE_URL,
      ZHUMU_PATH_PREFIX: store.pathPrefix,
    }),
  };
}

/**
 * Suirui Zhumu (随锐瞩目) in memory, as a sandbox platform: enterprise accounts of one partner, their business-licence
 * review and their licences, answering as channelkit's Zhumu contract v1 describes (docs/partners/zhumu.md):
 * form-encoded `POST` requests carrying `api_key` and `api_secret`, JSON answers, business errors as HTTP 200 with an
 * `error` object, rate limits as HTTP 429. It is built on the public {@link SandboxPlatform} interface alone.
 *
 * URL: `baseUrl` (`https://api.zhumu.me`), endpoints below the path prefix (`/v3`); on the loopback server
 * `/zhumu/v3/...`. Rate-limit categories: `read` and `write`. Environment for `channelkit-sandbox run`:
 * `ZHUMU_API_KEY`, `ZHUMU_API_SECRET`, `ZHUMU_API_URL`, `ZHUMU_PATH_PREFIX`.
 *
 * @example
 * ```ts
 * import { createSandbox, zhumuSandboxPlatform } from '@channelkit/sandbox';
 *
 * const zhumu = zhumuSandboxPlatform({ review: 'manual' });
 * const sandbox = createSandbox({ platforms: [zhumu] });
 * const seeded = sandbox.controls(zhumu).createEnterprise({ name: '上海示例科技有限公司', creditCode: '91310000MA1FL4B24G' });
 * ```
 */
export function zhumuSandboxPlatform(
  options: ZhumuSandboxOptions = {},
): SandboxPlatform<ZhumuSandboxControls> {
  normalisePrefix(options.pathPrefix ?? ZHUMU_PATH_PREFIX);
  return {
    name: 'zhumu',
    urls: { baseUrl: ZHUMU_API_BASE_URL },
    rateLimitCategories: ['read', 'write'],
    webhooks: zhumuWebhookScheme,
    create: (context) => createZhumu(context, options),
  };
}
