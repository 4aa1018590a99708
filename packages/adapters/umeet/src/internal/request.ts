import { createHash } from 'node:crypto';
import {
  type HttpMethod,
  isChannelError,
  type OperationContext,
  parseWire,
  type TransportRequest,
  type TransportResponse,
} from '@channelkit/core';
import type { z } from 'zod';

/** Umeet's rate-limit categories: `GET` requests are reads, everything else writes. */
export type UmeetCategory = 'read' | 'write';

type UmeetRequest = Omit<TransportRequest, 'category' | 'signal'> & { method: HttpMethod };

/** Sends one request with the operation's signal and timeout, in the category its method belongs to. */
export function exchange(
  context: OperationContext,
  request: UmeetRequest,
): Promise<TransportResponse<unknown>> {
  return context.transport.request({
    timeoutMs: context.timeoutMs,
    ...request,
    category: request.method === 'GET' ? 'read' : 'write',
    signal: context.signal,
  });
}

/** A validated answer: its body as the schema parses it, its headers and Umeet's request id. */
export interface UmeetAnswer<T> {
  data: T;
  headers: Record<string, string>;
  requestId: string | undefined;
}

/** Validates a body with `schema`; a mismatch is a `ResponseValidationError` naming `operation` and the field. */
export function parseAnswer<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  operation: string,
  request: { method: string; path: string },
): z.output<Schema> {
  return parseWire(schema, data, {
    platform: 'umeet',
    operation: `${operation} (${request.method} ${request.path})`,
  });
}

/** Sends one request and validates its body before anything reads it. */
export async function exchangeParsed<Schema extends z.ZodType>(
  context: OperationContext,
  request: UmeetRequest & { operation: string },
  schema: Schema,
): Promise<UmeetAnswer<z.output<Schema>>> {
  const { operation, ...wire } = request;
  const response = await exchange(context, wire);
  return {
    data: parseAnswer(schema, response.data, operation, wire),
    headers: response.headers,
    requestId: response.requestId,
  };
}

/** An account id as a path segment; the client has already refused ids that could change the path. */
export function accountPath(accountId: string, suffix = ''): string {
  return `/accounts/${encodeURIComponent(accountId)}${suffix}`;
}

// Contract v1: an Idempotency-Key is 1 to 255 visible ASCII characters. HTTP header values cannot carry other text
// reliably (Node refuses characters above U+00FF), so any other key is sent as its SHA-256: stable for the same key,
// so a repeated call still reaches the platform with the same header.
const HEADER_KEY = /^[\x21-\x7e]{1,255}$/;

/** The `Idempotency-Key` header for a caller's key, or for one step of it (e.g. `<key>:suspend`). */
export function idempotencyHeaderKey(key: string, step?: string): string {
  const full = step === undefined ? key : `${key}:${step}`;
  return HEADER_KEY.test(full) ? full : `sha256-${createHash('sha256').update(full, 'utf8').digest('hex')}`;
}

/** True for a channelkit error with this platform problem code (across bundle copies). */
export function hasProblemCode(error: unknown, code: string): boolean {
  return isChannelError(error) && (error as { platformCode?: unknown }).platformCode === code;
}

/** True for a channelkit error of this class code (e.g. `not_found`). */
export function isCode(error: unknown, code: string): boolean {
  return isChannelError(error) && error.code === code;
}

/** The HTTP status of an API error, if the error is one. */
export function statusOf(error: unknown): number | undefined {
  if (!isChannelError(error)) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** The message of anything thrown, for logs. */
export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
