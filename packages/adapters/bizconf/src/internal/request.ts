import {
  type HttpMethod,
  type OperationContext,
  parseWire,
  ResponseValidationError,
  type TransportRequest,
} from '@channelkit/core';
import type { z } from 'zod';
import type { BizconfRateLimits } from '../bizconf-options';
import { envelopeOf } from './wire-schemas';

/** What the operations share. */
export interface BizconfScope {
  /** The API's URL: base URL and path prefix, without a trailing slash. */
  apiUrl: string;
  /** The application id (part of every bizNo). */
  appId: string;
  /** Plan code for a provision input without one. */
  defaultPlan: string;
  /** How provisioning polls its task. */
  provisioning: {
    pollIntervalMs: number;
    maxPollIntervalMs: number;
    timeoutMs: number;
    maxPolls: number;
  };
}

type BizconfRequest = Omit<TransportRequest, 'category' | 'signal' | 'timeoutMs' | 'method'> & {
  method: Extract<HttpMethod, 'GET' | 'POST'>;
  /** The operation, for errors, e.g. `accounts.get`. */
  operation: string;
};

/** A validated answer: the envelope's `data` as `schema` parses it, and Bizconf's request id. */
export interface BizconfAnswer<T> {
  data: T;
  requestId: string | undefined;
}

/**
 * Sends one request with the operation's signal and timeout, and validates the envelope and its `data` with `schema`
 * before anything reads it. A body that does not match is a `ResponseValidationError` naming `operation`, the
 * request and the field; a non-zero envelope code was already turned into an error by the transport.
 */
export async function exchange<Schema extends z.ZodType>(
  context: OperationContext,
  category: keyof BizconfRateLimits,
  request: BizconfRequest,
  schema: Schema,
): Promise<BizconfAnswer<z.output<Schema>>> {
  const { operation, ...wire } = request;
  const response = await context.transport.request({
    ...wire,
    category,
    signal: context.signal,
    timeoutMs: context.timeoutMs,
  });
  const envelope = parseWire(envelopeOf(schema), response.data, {
    platform: 'bizconf',
    operation: `${operation} (${wire.method} ${wire.path})`,
  });
  return { data: (envelope as { data: z.output<Schema> }).data, requestId: response.requestId };
}

/** An id as a path segment; the client (or the wire schema) has already refused ids that could change the path. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/** `/enterprises/{id}` and what lies below it. */
export function enterprisePath(enterpriseId: string, suffix = ''): string {
  return `/enterprises/${segment(enterpriseId)}${suffix}`;
}

/**
 * Refuses an answer about another resource than the one asked for (`expected`), e.g. a gateway cache answering for
 * the wrong enterprise.
 */
export function checkSameId(
  what: { operation: string; method: string; path: string; field: string },
  expected: string,
  actual: string,
): void {
  if (expected === actual) return;
  const message = `must be ${JSON.stringify(expected)}, the id asked for, not ${JSON.stringify(actual)}`;
  const operation = `${what.operation} (${what.method} ${what.path})`;
  throw new ResponseValidationError(
    `bizconf returned an unexpected response to ${operation}: ${what.field}: ${message}. ` +
      'The platform API may have changed; upgrade channelkit or report it',
    { platform: 'bizconf', operation },
    [{ path: what.field, message }],
  );
}
