import { DEFAULT_MAX_RESPONSE_BYTES, type OperationContext, type TransportSettings } from '@channelkit/core';
import {
  createSandbox,
  type SandboxOptions,
  UMEET_SANDBOX_CREDENTIALS,
  type UmeetSandboxOptions,
  umeetSandboxPlatform,
} from '@channelkit/sandbox';
import { type UmeetOptions, umeet } from '@channelkit/umeet';
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

export const API = 'https://api.umeet.cn/v1';
export const TOKEN_URL = 'https://api.umeet.cn/oauth2/token';

/** A request as it left the transport. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  text: string;
  /** The JSON body, or `undefined` for empty and form bodies. */
  json: unknown;
}

/** Small delays keep retries fast; the timeout is generous for a shared machine. */
export const testSettings: TransportSettings = {
  timeoutMs: 5_000,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  userAgent: 'channelkit-umeet-tests',
  emitBodies: false,
};

/** Records every request the adapter sends, bodies included. */
export function recordRequests(): SentRequest[] {
  const sent: SentRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    const entry: SentRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      text: '',
      json: undefined,
    };
    sent.push(entry);
    void request
      .clone()
      .text()
      .then((text) => {
        entry.text = text;
        try {
          entry.json = text ? JSON.parse(text) : undefined;
        } catch {
          entry.json = undefined;
        }
      });
  });
  return sent;
}

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

/** One logged line. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown> | undefined;
}

/** An operation context over a fresh transport, with a logger that keeps every line. */
export function contextFor(
  adapter: ReturnType<typeof umeet>,
  settings: TransportSettings = testSettings,
): { context: OperationContext; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (message: string, fields?: Record<string, unknown>): void => {
      logs.push({ level, message, fields });
    };
  const context: OperationContext = {
    transport: adapter.createTransport(settings),
    idempotencyKey: 'test-idempotency-key',
    signal: undefined,
    timeoutMs: undefined,
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
  };
  return { context, logs };
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
