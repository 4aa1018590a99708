import type { OperationContext } from '@channelkit/core';
import { createSandbox, type SandboxOptions, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { type ZoomCommerceOptions, zoomCommerce } from '@channelkit/zoom';
import { contextFor, recordRequests, server } from '../harness';
import { PLAN } from './inputs';

export { bodyOf, recordRequests, type SentRequest, sentTo, server, testSettings } from '../harness';
export { commerceInput, dealInput, PLAN } from './inputs';

/** A sandboxed Zoom behind msw, the Commerce adapter with the sandbox's credentials, and a request log. */
export function commerceSandboxed(
  options: { sandbox?: SandboxOptions; commerce?: ZoomCommerceOptions } = {},
) {
  const sandbox = createSandbox({ seed: 7, ...options.sandbox });
  server.use(...sandbox.handlers());
  const sent = recordRequests();
  const adapter = zoomCommerce({
    ...ZOOM_SANDBOX_CREDENTIALS,
    defaultPlan: PLAN,
    salesRepContactCrmNumber: sandbox.zoom.commerce.salesRepContactCrmNumber,
    ...options.commerce,
  });
  const { context, logs } = contextFor(adapter);
  const commerce = sandbox.zoom.commerce;
  /** Requests that could have written: every non-GET but the catalog search and previews. */
  const writes = () =>
    sent.filter(
      (request) =>
        request.method !== 'GET' &&
        request.url.origin === 'https://api.zoom.us' &&
        !/\/commerce\/(catalog|order\/preview)$/.test(request.url.pathname),
    );
  return { sandbox, commerce, adapter, context, logs, sent, writes };
}

/** The same context with another idempotency key (a new call). */
export function withKey(context: OperationContext, idempotencyKey: string): OperationContext {
  return { ...context, idempotencyKey };
}
