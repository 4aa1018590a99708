import type { HttpMethod, OperationContext, TransportRequest, TransportResponse } from '@channelkit/core';
import type { ErrorSite } from './errors';

/** Zoom's rate-limit labels, used as transport categories. */
export type ZoomRateLabel = 'light' | 'medium' | 'heavy';

/** What the operations share: where the API lives and the plan used when an input names none. */
export interface ZoomScope {
  /** API base URL without a trailing slash. */
  baseUrl: string;
  /** Base plan type for provisioning with seats but no plan. */
  defaultPlan: string;
}

type ZoomRequest = Omit<TransportRequest, 'category' | 'signal' | 'timeoutMs'> & { method: HttpMethod };

/** Sends one request with the operation's signal and timeout. */
export function exchange<T>(
  context: OperationContext,
  category: ZoomRateLabel,
  request: ZoomRequest,
): Promise<TransportResponse<T>> {
  return context.transport.request<T>({
    ...request,
    category,
    signal: context.signal,
    timeoutMs: context.timeoutMs,
  });
}

/** Sends one request with the operation's signal and timeout, and returns the parsed body. */
export async function send<T>(
  context: OperationContext,
  category: ZoomRateLabel,
  request: ZoomRequest,
): Promise<T> {
  return (await exchange<T>(context, category, request)).data;
}

/** An account id as a path segment. */
export function accountPath(accountId: string, suffix = ''): string {
  return `/accounts/${encodeURIComponent(accountId)}${suffix}`;
}

/** The site of an error found in a response to `method path`. */
export function siteOf(
  scope: ZoomScope,
  method: HttpMethod,
  path: string,
  response?: TransportResponse,
): ErrorSite {
  return { method, url: `${scope.baseUrl}${path}`, requestId: response?.requestId };
}
