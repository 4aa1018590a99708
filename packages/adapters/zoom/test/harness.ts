import { createSandbox, type SandboxOptions, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import type { ProvisionAccountInput } from '@channelkit/types';
import { type ZoomOptions, zoom } from '@channelkit/zoom';
import { createAdapterHarness, type SentRequest } from '../../../../test/adapter-support/adapter-harness';

export type { SentRequest };

/** One msw server per test file (every test installs its own sandbox or handlers) and the helpers bound to it. */
export const { server, testSettings, recordRequests, contextFor } = createAdapterHarness({
  platform: 'zoom',
});

/** The requests to `method path` (path relative to `https://api.zoom.us/v2`). */
export function sentTo(sent: readonly SentRequest[], method: string, path: string): SentRequest[] {
  return sent.filter((request) => request.method === method && request.url.pathname === `/v2${path}`);
}

/** The JSON body of a recorded request; fails the test when the request was not sent. */
export function bodyOf<T = Record<string, unknown>>(request: SentRequest | undefined): T {
  if (!request) throw new Error('expected request was not sent');
  return request.json as T;
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
