import { inspect } from 'node:util';
import { type BizconfOptions, bizconf } from '@channelkit/bizconf';
import { type ChannelClient, type ClientOptions, createClient } from '@channelkit/core';
import {
  BIZCONF_SANDBOX_BASE_URL,
  BIZCONF_SANDBOX_CREDENTIALS,
  type BizconfSandboxControls,
  type BizconfSandboxOptions,
  bizconfSandboxPlatform,
  createSandbox,
  type Sandbox,
  type SandboxOptions,
} from '@channelkit/sandbox';
import { mainlandChinaCustomer, mainlandCreditCode } from '@channelkit/sandbox/conformance';
import type { ProvisionAccountInput } from '@channelkit/types';
import { http, passthrough } from 'msw';
import {
  captureLogs,
  createAdapterHarness,
  type SentRequest,
} from '../../../../test/adapter-support/adapter-harness';

export { captureLogs, type SentRequest };

/** One msw server per test file (every test installs its own sandbox or handlers) and the helpers bound to it. */
export const { server, testSettings, recordRequests, contextFor } = createAdapterHarness({
  platform: 'bizconf',
});

/** Lets requests to a real server on `origin` (the loopback sandbox, a hostile server) pass msw untouched. */
export function letThrough(origin: string): void {
  server.use(http.all(`${origin}/*`, () => passthrough()));
}

/** The sandbox's API URL: base URL and the contract's path prefix. */
export const API = `${BIZCONF_SANDBOX_BASE_URL}/openapi/v1`;

/** The sandbox application. */
export const CREDENTIALS = { ...BIZCONF_SANDBOX_CREDENTIALS };

/** Polls fast: the sandbox's tasks finish in milliseconds. */
export const FAST_POLLS = { pollIntervalMs: 5, maxPollIntervalMs: 20 } as const;

/** The requests to `method path` (path below the API URL, e.g. `/enterprises`). */
export function sentTo(sent: readonly SentRequest[], method: string, path: string | RegExp): SentRequest[] {
  return sent.filter(
    (request) =>
      request.method === method &&
      (typeof path === 'string'
        ? request.url.pathname === `/openapi/v1${path}`
        : path.test(request.url.pathname.slice('/openapi/v1'.length))),
  );
}

/** Small delays keep retries fast; the timeout is generous for a shared machine. */
export const fastClient: ClientOptions = {
  retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  timeoutMs: 5_000,
};

/** What {@link sandboxed} builds. */
export interface Sandboxed {
  sandbox: Sandbox;
  controls: BizconfSandboxControls;
  adapter: ReturnType<typeof bizconf>;
  client: ChannelClient;
  logs: ReturnType<typeof captureLogs>['lines'];
  sent: SentRequest[];
}

/** A sandboxed Bizconf behind msw, a client of it with the sandbox's application, and a request log. */
export function sandboxed(
  options: {
    platform?: BizconfSandboxOptions;
    sandbox?: Omit<SandboxOptions, 'platforms'>;
    adapter?: BizconfOptions;
    client?: ClientOptions;
  } = {},
): Sandboxed {
  const platform = bizconfSandboxPlatform({ provisioningDelayMs: 0, ...options.platform });
  const sandbox = createSandbox({ seed: 7, ...options.sandbox, platforms: [platform] });
  server.use(...sandbox.handlers());
  const sent = recordRequests();
  const adapter = bizconf({
    ...CREDENTIALS,
    baseUrl: BIZCONF_SANDBOX_BASE_URL,
    provisioning: FAST_POLLS,
    ...options.adapter,
  });
  const { lines, logger } = captureLogs();
  const client = createClient(adapter, { ...fastClient, logger, ...options.client });
  return { sandbox, controls: sandbox.controls(platform), adapter, client, logs: lines, sent };
}

/** A valid mainland customer with its own credit code, Chinese names and a mainland address. */
export function customer(n: number, overrides: Partial<ProvisionAccountInput> = {}): ProvisionAccountInput {
  const base = mainlandChinaCustomer(n);
  return {
    ...base,
    profile: {
      ...base.profile,
      legalName: `上海示例信息技术有限公司（第${n}分公司）`,
      creditCode: mainlandCreditCode(n),
      address: {
        line1: '浦东新区世纪大道 100 号',
        line2: '环球金融中心 20 层',
        city: '上海市',
        region: '上海',
        postalCode: '200120',
        country: 'CN',
      },
    },
    ...overrides,
  };
}

/** Everything an error shows when printed, serialised or inspected. */
export function printed(error: unknown): string {
  return [
    String((error as Error).message),
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 10 }),
  ].join('\n');
}
