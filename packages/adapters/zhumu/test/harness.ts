import type { OperationContext, TransportSettings } from '@channelkit/core';
import {
  createSandbox,
  type SandboxOptions,
  ZHUMU_SANDBOX_CREDENTIALS,
  type ZhumuSandboxOptions,
  zhumuSandboxPlatform,
} from '@channelkit/sandbox';
import type { ProvisionAccountInput } from '@channelkit/types';
import { type ZhumuOptions, zhumu } from '@channelkit/zhumu';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** One msw server per test file; every test installs its own sandbox or handlers. */
export const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

/** Zhumu's API as the adapter calls it by default. */
export const API = 'https://api.zhumu.me/v3';

/** A request as it left the transport. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The raw body, as sent. */
  text: string;
  /** The form fields, decoded. */
  form: Record<string, string>;
  /** Settles once `text` and `form` are read. */
  ready: Promise<void>;
}

/** Small delays keep retries fast; the timeout is generous for a shared machine. */
export const testSettings: TransportSettings = {
  timeoutMs: 5_000,
  maxResponseBytes: 10 * 1024 * 1024,
  retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  userAgent: 'channelkit-zhumu-tests',
  emitBodies: false,
  // Zhumu's default pacing (2 writes per second) would only make the tests slow.
  rateLimit: 10_000,
};

/** Records every request the adapter sends; bodies are read as they go, `settled(sent)` waits for them. */
export function recordRequests(): SentRequest[] {
  const sent: SentRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    const body = request.clone().text();
    const entry: SentRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      text: '',
      form: {},
      ready: body.then((text) => {
        entry.text = text;
        entry.form = Object.fromEntries(new URLSearchParams(text));
      }),
    };
    sent.push(entry);
  });
  return sent;
}

/** The recorded requests, once every body has been read. */
export async function settled(sent: readonly SentRequest[]): Promise<readonly SentRequest[]> {
  await Promise.all(sent.map((request) => request.ready));
  return sent;
}

/** The requests sent to an endpoint below `/v3`, e.g. `/enterprise/create`. */
export function sentTo(sent: readonly SentRequest[], endpoint: string): SentRequest[] {
  return sent.filter((request) => request.url.pathname === `/v3${endpoint}`);
}

/** Log lines an operation wrote. */
export interface LogLine {
  level: string;
  message: string;
  fields: Record<string, unknown> | undefined;
}

/** An operation context over a fresh transport, with a logger that keeps every line. */
export function contextFor(adapter: ReturnType<typeof zhumu>, settings: TransportSettings = testSettings) {
  const logs: LogLine[] = [];
  const logger = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    logs.push({ level, message, fields });
  };
  const transport = adapter.createTransport(settings);
  const context: OperationContext = {
    transport,
    idempotencyKey: 'test-idempotency-key',
    signal: undefined,
    timeoutMs: undefined,
    logger: { debug: logger('debug'), info: logger('info'), warn: logger('warn'), error: logger('error') },
  };
  return { context, logs, transport };
}

/** A sandboxed Zhumu behind msw, the adapter with the sandbox's credentials, and a request log. */
export function sandboxed(
  options: {
    sandbox?: Omit<SandboxOptions, 'platforms'>;
    zhumu?: ZhumuOptions;
    platform?: ZhumuSandboxOptions;
  } = {},
) {
  const platform = zhumuSandboxPlatform(options.platform);
  const sandbox = createSandbox({ seed: 7, ...options.sandbox, platforms: [platform] });
  server.use(...sandbox.handlers());
  const sent = recordRequests();
  const adapter = zhumu({ ...ZHUMU_SANDBOX_CREDENTIALS, ...options.zhumu });
  const { context, logs, transport } = contextFor(adapter);
  return { sandbox, platform, controls: sandbox.controls(platform), adapter, context, logs, sent, transport };
}

/** A valid provision input: a Shanghai company with Chinese names and address, 10 seats. */
export function provisionInput(overrides: Partial<ProvisionAccountInput> = {}): ProvisionAccountInput {
  return {
    profile: {
      legalName: '上海瞩目示例信息技术有限公司',
      creditCode: '91310000MA1FL4B24G',
      country: 'CN',
      industry: '软件和信息技术服务业',
      employeeCount: '51-250',
      website: 'https://example.cn',
      address: {
        line1: '浦东新区世纪大道 100 号',
        line2: '20 楼',
        city: '上海市',
        region: '上海市',
        postalCode: '200120',
        country: 'CN',
      },
    },
    admin: { firstName: '伟', lastName: '王', email: 'wang.wei@example.cn', mobile: '+8613800138000' },
    seats: 10,
    externalId: 'crm-4711',
    ...overrides,
  };
}

/** Another company's credit code (valid, different from the default input's). */
export const OTHER_CREDIT_CODE = '91350100M000100Y43';
