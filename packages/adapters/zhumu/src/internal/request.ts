import {
  type OperationContext,
  type ParamValue,
  parseWire,
  ResponseValidationError,
  type TransportResponse,
} from '@channelkit/core';
import type { z } from 'zod';

/** Zhumu's rate-limit categories, used as transport categories. */
export type ZhumuCategory = 'read' | 'write';

/** What the operations share. */
export interface ZhumuScope {
  /** The API's URL with the path prefix, e.g. `https://api.zhumu.me/v3`, for errors the adapter makes itself. */
  apiUrl: string;
  /** Plan used when a provision input names none. */
  defaultPlan: string;
}

/** One Zhumu call: every one is a form-encoded `POST` to an endpoint below the path prefix. */
export interface ZhumuCall {
  /** The calling operation, for errors, e.g. `accounts.get`. */
  operation: string;
  /** The endpoint below the path prefix, e.g. `/enterprise/get`. */
  endpoint: string;
  /** Its rate-limit category. */
  category: ZhumuCategory;
  /** Form fields besides the credentials, which the auth strategy adds. */
  fields: Record<string, ParamValue>;
  /**
   * Whether the transport may repeat the call after an ambiguous failure (a timeout, a reset, a 5xx). True for reads
   * and for writes Zhumu applies as "set to" (suspend, resume, cancel, licence/set); false for `enterprise/create`,
   * which provisioning resolves by reading instead.
   */
  idempotent: boolean;
}

/** A validated answer and Zhumu's request id. */
export interface ZhumuAnswer<T> {
  data: T;
  requestId: string | undefined;
}

function send(context: OperationContext, call: ZhumuCall): Promise<TransportResponse<unknown>> {
  return context.transport.request({
    method: 'POST',
    path: call.endpoint,
    form: call.fields,
    idempotent: call.idempotent,
    category: call.category,
    signal: context.signal,
    timeoutMs: context.timeoutMs,
  });
}

/** `accounts.get (POST /enterprise/get)`: how errors name a call. */
export function describeCall(call: Pick<ZhumuCall, 'operation' | 'endpoint'>): string {
  return `${call.operation} (POST ${call.endpoint})`;
}

/**
 * Sends one call and validates the answer with `schema` before anything reads it: a body that does not match is a
 * `ResponseValidationError` naming the operation, the endpoint and the field.
 */
export async function callParsed<Schema extends z.ZodType>(
  context: OperationContext,
  call: ZhumuCall,
  schema: Schema,
): Promise<ZhumuAnswer<z.output<Schema>>> {
  const response = await send(context, call);
  const data = parseWire(schema, response.data, { platform: 'zhumu', operation: describeCall(call) });
  return { data, requestId: response.requestId };
}

/** A `ResponseValidationError` for an answer that parses but contradicts the request (another enterprise's data...). */
export function contradiction(
  call: Pick<ZhumuCall, 'operation' | 'endpoint'>,
  path: string,
  message: string,
): ResponseValidationError {
  const operation = describeCall(call);
  return new ResponseValidationError(
    `zhumu returned an unexpected response to ${operation}: ${path}: ${message}. ` +
      'The platform API may have changed; upgrade channelkit or report it',
    { platform: 'zhumu', operation },
    [{ path, message }],
  );
}
