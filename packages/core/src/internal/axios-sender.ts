import axios, { type AxiosInstance } from 'axios';

/** An encoded attempt, ready for the wire. */
export interface WireRequest {
  method: string;
  /** Absolute URL including the query string. */
  url: string;
  headers: Record<string, string>;
  data: string | undefined;
  signal: AbortSignal | undefined;
  /** Covers the whole exchange, body included: a server that drips bytes forever still times out. */
  timeoutMs: number;
  /** Reading stops (and the attempt fails with kind `too_large`) once the decompressed body passes this size. */
  maxResponseBytes: number;
}

/** The raw answer: status, lower-cased headers, body as text. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Why no response arrived. `cause` is a sanitized copy of the client error: name, message and code only. */
export class WireFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'aborted' | 'connection' | 'too_large',
    readonly errorCode: string | undefined,
    /** False only when the request certainly never left this machine. */
    readonly mayHaveReachedServer: boolean,
    cause: Error | undefined,
  ) {
    super(kind, cause ? { cause } : undefined);
  }
}

// The connection never got as far as sending a byte: safe to repeat any request.
const beforeSendCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** Sends one attempt with axios; the only module that knows axios exists. */
export function createAxiosSender(): (request: WireRequest) => Promise<WireResponse> {
  const client: AxiosInstance = axios.create({
    validateStatus: () => true,
    responseType: 'text',
    // The transport owns encoding/decoding, timeouts (including the body) and retries.
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    // Never follow a redirect: every request carries credentials. The transport turns a 3xx into an error.
    maxRedirects: 0,
    timeout: 0,
  });

  return async (request) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    const outer = request.signal;
    const onAbort = () => controller.abort();
    if (outer?.aborted) controller.abort();
    else outer?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await client.request<string>({
        method: request.method,
        url: request.url,
        headers: request.headers,
        data: request.data,
        signal: controller.signal,
        // Counted on the decompressed stream, chunk by chunk, so a chunked body without Content-Length (or a
        // small gzip that inflates to gigabytes) is cut off too.
        maxContentLength: request.maxResponseBytes,
      });
      return { status: response.status, headers: plainHeaders(response.headers), text: response.data ?? '' };
    } catch (error) {
      if (outer?.aborted) throw new WireFailure('aborted', undefined, true, undefined);
      if (timedOut) throw new WireFailure('timeout', undefined, true, undefined);
      if (isTooLarge(error)) throw new WireFailure('too_large', undefined, true, undefined);
      const code = (error as { code?: unknown }).code;
      const errorCode = typeof code === 'string' && code !== 'ERR_NETWORK' ? code : undefined;
      throw new WireFailure(
        'connection',
        errorCode,
        !(errorCode !== undefined && beforeSendCodes.has(errorCode)),
        sanitize(error, errorCode),
      );
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  };
}

// axios reports an exceeded maxContentLength only through its message.
function isTooLarge(error: unknown): boolean {
  return (
    (error as { code?: unknown }).code === 'ERR_BAD_RESPONSE' &&
    error instanceof Error &&
    error.message.startsWith('maxContentLength size of')
  );
}

// axios errors carry the config (headers, body, auth) and the request: keep only what is safe to show.
function sanitize(error: unknown, code: string | undefined): Error {
  const message = error instanceof Error ? error.message : String(error);
  const copy = new Error(message);
  copy.name = error instanceof Error ? error.name : 'Error';
  if (code) Object.assign(copy, { code });
  return copy;
}

function plainHeaders(headers: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
