import {
  type HttpMethod,
  type OperationContext,
  parseWire,
  type TransportRequest,
  type TransportResponse,
} from '@channelkit/core';
import type { z } from 'zod';
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

/** Sends one request with the operation's signal and timeout; for answers whose body is not read. */
export function exchange(
  context: OperationContext,
  category: ZoomRateLabel,
  request: ZoomRequest,
): Promise<TransportResponse<unknown>> {
  return context.transport.request({
    ...request,
    category,
    signal: context.signal,
    timeoutMs: context.timeoutMs,
  });
}

/** A validated answer: its body as `schema` parses it, and Zoom's tracking id. */
export interface ZoomAnswer<T> {
  data: T;
  requestId: string | undefined;
}

/**
 * Sends one request and validates its body with `schema` before anything reads it. A body that does not match is a
 * `ResponseValidationError` naming `operation`, the request and the field.
 */
export async function exchangeParsed<Schema extends z.ZodType>(
  context: OperationContext,
  category: ZoomRateLabel,
  request: ZoomRequest & { operation: string },
  schema: Schema,
): Promise<ZoomAnswer<z.output<Schema>>> {
  const { operation, ...wire } = request;
  const response = await exchange(context, category, wire);
  const data = parseWire(schema, response.data, {
    platform: 'zoom',
    operation: `${operation} (${wire.method} ${wire.path})`,
  });
  return { data, requestId: response.requestId };
}

/** Like {@link exchangeParsed}, for when only the body matters. */
export async function sendParsed<Schema extends z.ZodType>(
  context: OperationContext,
  category: ZoomRateLabel,
  request: ZoomRequest & { operation: string },
  schema: Schema,
): Promise<z.output<Schema>> {
  return (await exchangeParsed(context, category, request, schema)).data;
}

/** An account id as a path segment; the client has already refused ids that could change the path. */
export function accountPath(accountId: string, suffix = ''): string {
  return `/accounts/${encodeURIComponent(accountId)}${suffix}`;
}

/** The site of an error found in a response to `method path`. */
export function siteOf(
  scope: ZoomScope,
  method: HttpMethod,
  path: string,
  answer?: { requestId: string | undefined },
): ErrorSite {
  return { method, url: `${scope.baseUrl}${path}`, requestId: answer?.requestId };
}
