// What every adapter's test harness shares: the msw server and its lifecycle, the request recorder, the fast
// transport settings and an operation context whose logger keeps every line. Not a package and never published:
// each adapter's `test/harness.ts` imports it by relative path and adds only what is its platform's (base URL,
// credentials, the sandbox it installs).
import type { Logger, OperationContext, PartnerAdapter, TransportSettings } from '@channelkit/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** A request as it left the transport, recorded as msw saw it. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The raw body, as sent (empty until `ready` settles). */
  text: string;
  /** The JSON body, or `undefined` for empty and non-JSON (e.g. form) bodies. */
  json: unknown;
  /** Settles once the body is read. */
  ready: Promise<void>;
}

/** One line an operation logged. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown> | undefined;
}

/** A logger that keeps every line. */
export function captureLogs(): { lines: LogLine[]; logger: Logger } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, message, fields });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { lines, logger };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** What one platform's harness says about itself. */
export interface AdapterHarnessOptions<Extra extends object> {
  /** Platform name; the transport's `User-Agent` is `channelkit-<platform>-tests`. */
  platform: string;
  /** Transport settings of the platform's tests that differ from the shared ones. */
  settings?: Partial<TransportSettings>;
  /** Reads more out of a recorded body (e.g. form fields), merged into the entry with the body. */
  readBody?: (text: string) => Extra;
}

/**
 * One msw server for the calling test file (listening with `onUnhandledRequest: 'error'`, reset after each test,
 * closed after all), with the helpers bound to it and to the platform's settings. Call it once, at the top of a
 * harness module: every test installs its own sandbox or handlers.
 */
export function createAdapterHarness<Extra extends object = Record<never, never>>(
  options: AdapterHarnessOptions<Extra>,
) {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    server.events.removeAllListeners();
  });
  afterAll(() => server.close());

  /** Small delays keep retries fast; the timeout is generous for a shared machine. */
  const testSettings: TransportSettings = {
    timeoutMs: 5_000,
    maxResponseBytes: 10 * 1024 * 1024,
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
    userAgent: `channelkit-${options.platform}-tests`,
    emitBodies: false,
    ...options.settings,
  };

  /** Records every request sent through msw; bodies are read as they go (`ready` settles once one is). */
  function recordRequests(): (SentRequest & Extra)[] {
    const sent: (SentRequest & Extra)[] = [];
    server.events.on('request:start', ({ request }) => {
      const body = request.clone().text();
      const entry = {
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        text: '',
        json: undefined as unknown,
        ...options.readBody?.(''),
        ready: body.then((text: string) => {
          entry.text = text;
          entry.json = parseJson(text);
          if (options.readBody) Object.assign(entry, options.readBody(text));
        }),
      } as SentRequest & Extra;
      sent.push(entry);
    });
    return sent;
  }

  /** An operation context over a fresh transport of `adapter`, with a logger that keeps every line. */
  function contextFor(
    adapter: Pick<PartnerAdapter, 'createTransport'>,
    settings: TransportSettings = testSettings,
  ) {
    const { lines, logger } = captureLogs();
    const transport = adapter.createTransport(settings);
    const context: OperationContext = {
      transport,
      idempotencyKey: 'test-idempotency-key',
      signal: undefined,
      timeoutMs: undefined,
      logger,
    };
    return { context, logs: lines, transport };
  }

  return { server, testSettings, recordRequests, contextFor };
}

/** The recorded requests, once every body has been read. */
export async function settled<Sent extends SentRequest>(sent: readonly Sent[]): Promise<readonly Sent[]> {
  await Promise.all(sent.map((request) => request.ready));
  return sent;
}
