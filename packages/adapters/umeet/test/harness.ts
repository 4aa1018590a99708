import {
  createSandbox,
  type SandboxOptions,
  UMEET_SANDBOX_CREDENTIALS,
  type UmeetSandboxOptions,
  umeetSandboxPlatform,
} from '@channelkit/sandbox';
import { type UmeetOptions, umeet } from '@channelkit/umeet';
import { createAdapterHarness, type SentRequest } from '../../../../test/adapter-support/adapter-harness';

export type { SentRequest };

/** One msw server per test file (every test installs its own sandbox or handlers) and the helpers bound to it. */
export const { server, testSettings, recordRequests, contextFor } = createAdapterHarness({
  platform: 'umeet',
});

export const API = 'https://api.umeet.cn/v1';
export const TOKEN_URL = 'https://api.umeet.cn/oauth2/token';

/** The requests to `method path` (path relative to the API base). */
export function sentTo(sent: readonly SentRequest[], method: string, path: string | RegExp): SentRequest[] {
  return sent.filter(
    (request) =>
      request.method === method &&
      request.url.origin === 'https://api.umeet.cn' &&
      (typeof path === 'string'
        ? request.url.pathname === `/v1${path}`
        : path.test(request.url.pathname.slice('/v1'.length))),
  );
}

/** Every request the adapter sent to the API, as `METHOD /path` (token requests left out). */
export function apiCalls(sent: readonly SentRequest[]): string[] {
  return sent
    .filter((request) => request.url.href !== TOKEN_URL)
    .map((request) => `${request.method} ${request.url.pathname.replace(/^\/v1/, '')}`);
}

/** The in-memory Umeet behind msw, the adapter with its credentials, and a request log. */
export function sandboxed(
  options: {
    platform?: UmeetSandboxOptions;
    sandbox?: Omit<SandboxOptions, 'platforms'>;
    umeet?: UmeetOptions;
  } = {},
) {
  const platform = umeetSandboxPlatform(options.platform);
  const sandbox = createSandbox({ seed: 7, ...options.sandbox, platforms: [platform] });
  server.use(...sandbox.handlers());
  const sent = recordRequests();
  const adapter = umeet({
    ...UMEET_SANDBOX_CREDENTIALS,
    rateLimits: { read: 1_000, write: 1_000 },
    ...options.umeet,
  });
  const { context, logs } = contextFor(adapter);
  const controls = sandbox.controls(platform);
  return { sandbox, platform, controls, adapter, context, logs, sent };
}

export { provisionInput } from './harness-input';
