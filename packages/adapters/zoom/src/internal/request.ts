import type { OperationContext, TransportRequest } from '@channelkit/core';

/** Zoom's rate-limit labels, used as transport categories. */
export type ZoomRateLabel = 'light' | 'medium' | 'heavy';

/** Sends one request with the operation's signal and timeout, and returns the parsed body. */
export async function send<T>(
  context: OperationContext,
  category: ZoomRateLabel,
  request: Omit<TransportRequest, 'category' | 'signal' | 'timeoutMs'>,
): Promise<T> {
  const response = await context.transport.request<T>({
    ...request,
    category,
    signal: context.signal,
    timeoutMs: context.timeoutMs,
  });
  return response.data;
}

/** An account id as a path segment. */
export function accountPath(accountId: string, suffix = ''): string {
  return `/accounts/${encodeURIComponent(accountId)}${suffix}`;
}
