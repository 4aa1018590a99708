import type { OperationContext, TransportSettings } from '@channelkit/core';
import { createSandbox, type SandboxOptions, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import type { ProvisionAccountInput } from '@channelkit/types';
import { type ZoomOptions, zoom } from '@channelkit/zoom';
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
  maxResponseBytes: 10 * 1024 * 1024,
  retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20 },
  userAgent: 'channelkit-zoom-tests',
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

/** The requests to `method path` (path relative to `https://api.zoom.us/v2`). */
export function sentTo(sent: readonly SentRequest[], method: string, path: string): SentRequest[] {
  return sent.filter((request) => request.method === method && request.url.pathname === `/v2${path}`);
}

/** The JSON body of a recorded request; fails the test when the request was not sent. */
export function bodyOf<T = Record<string, unknown>>(request: SentRequest | undefined): T {
  if (!request) throw new Error('expected request was not sent');
  return request.json as T;
}

/** An operation context over a fresh transport, with a logger that keeps every line. */
export function contextFor(adapter: ReturnType<typeof zoom>, settings: TransportSettings = testSettings) {
  const logs: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const log = (message: string, fields?: Record<string, unknown>) => {
    logs.push({ message, fields });
  };
  const context: OperationContext = {
    transport: adapter.createTransport(settings),
    idempotencyKey: 'test-idempotency-key',
    signal: undefined,
    timeoutMs: undefined,
    logger: { debug: log, info: log, warn: log, error: log },
  };
  return { context, logs };
}

/** A sandboxed Zoom behind msw, the adapter with the sandbox's credentials, and a request log. */
export function sandboxed(options: { sandbox?: SandboxOptions; zoom?: ZoomOptions } = {}) {
  const sandbox = createSandbox({ seed: 7, ...options.sandbox });
  server.use(...sandbox.handlers());
  const sent = recordRequests();
  const adapter = zoom({ ...ZOOM_SANDBOX_CREDENTIALS, ...options.zoom });
  const { context, logs } = contextFor(adapter);
  return { sandbox, adapter, context, logs, sent };
}

/** A valid provisioning input for a Singapore customer with 10 seats. */
export function provisionInput(overrides: Partial<ProvisionAccountInput> = {}): ProvisionAccountInput {
  return {
    profile: {
      legalName: 'Acme Pte. Ltd.',
      country: 'SG',
      industry: 'Software',
      employeeCount: '51-250',
      address: {
        line1: '1 Raffles Place',
        line2: '#20-01',
        city: 'Singapore',
        region: 'Singapore',
        postalCode: '048616',
        country: 'SG',
      },
    },
    admin: { firstName: 'Ada', lastName: 'Tan', email: 'ada@acme.example', mobile: '+6591234567' },
    seats: 10,
    plan: 'business_yearly',
    externalId: 'crm-42',
    ...overrides,
  };
}
