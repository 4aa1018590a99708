import type { ChannelError } from '../errors/channel-error';

/** Fields every per-attempt transport event carries. */
export interface TransportEventBase {
  /** Platform name, e.g. `zoom`. */
  platform: string;
  /** HTTP method. */
  method: string;
  /** Request path as the caller wrote it (relative to `baseURL`). */
  path: string;
  /** Full URL, sensitive query parameters redacted. */
  url: string;
  /** Attempt number, starting at 1. */
  attempt: number;
  /** Rate-limit category. */
  category: string;
  /** Idempotency key sent with the request, if any. */
  idempotencyKey: string | undefined;
  /** When the attempt started, in epoch milliseconds. */
  startedAt: number;
}

/** An attempt is about to be sent. */
export interface RequestEvent extends TransportEventBase {
  /** Request headers, sensitive values redacted. */
  headers: Record<string, string>;
  /** Redacted JSON body or form fields; only with `emitBodies`. */
  body?: unknown;
}

/** An attempt got an HTTP response (success or error status). */
export interface ResponseEvent extends TransportEventBase {
  /** HTTP status. */
  status: number;
  /** Time from sending to the complete response, in milliseconds. */
  durationMs: number;
  /** The platform's request id, if sent. */
  requestId: string | undefined;
  /** Redacted parsed body; only with `emitBodies`. */
  body?: unknown;
}

/** Why an attempt is repeated. */
export type RetryReason = 'status' | 'rate_limited' | 'timeout' | 'connection' | 'expired_credentials';

/** An attempt failed and the request will be sent again after `delayMs`. */
export interface RetryEvent extends TransportEventBase {
  /** Why the attempt is repeated. */
  reason: RetryReason;
  /** Wait before the next attempt, in milliseconds. */
  delayMs: number;
  /** HTTP status of the failed attempt, if it got a response. */
  status: number | undefined;
  /** The failure that caused the retry (redacted). */
  error: ChannelError;
}

/** A request waits for the client-side rate limiter. */
export interface RateLimitedEvent {
  /** Platform name. */
  platform: string;
  /** HTTP method. */
  method: string;
  /** Request path. */
  path: string;
  /** Rate-limit category. */
  category: string;
  /** Estimated wait, in milliseconds. */
  delayMs: number;
  /** Requests queued ahead in this category, including this one. */
  queued: number;
  /** The category's current rate in requests per second (lower than configured after a 429). */
  rate: number;
  /**
   * `true` when the wait is for the `sharedRateLimit` (a moment reserved among every client sharing it); `queued` then
   * counts this request only, as the others wait in other processes.
   */
  shared?: boolean | undefined;
}

/** A request failed for good (after any retries). */
export interface TransportErrorEvent {
  /** Platform name. */
  platform: string;
  /** HTTP method. */
  method: string;
  /** Request path. */
  path: string;
  /** Rate-limit category. */
  category: string;
  /** Attempts made. */
  attempts: number;
  /** HTTP status of the last attempt, if it got a response. */
  status: number | undefined;
  /** Time since the logical request started, in milliseconds. */
  durationMs: number;
  /** Idempotency key sent with the request, if any. */
  idempotencyKey: string | undefined;
  /** The error the caller receives. */
  error: ChannelError;
}

/** Events of an `HttpTransport`, by name. */
export interface TransportEventMap {
  /** An attempt is about to be sent. */
  request: RequestEvent;
  /** An attempt got an HTTP response. */
  response: ResponseEvent;
  /** An attempt failed and will be repeated. */
  retry: RetryEvent;
  /** A request waits for the rate limiter. */
  rateLimited: RateLimitedEvent;
  /** A request failed for good. */
  error: TransportErrorEvent;
}

/** The names of every transport event, for forwarding them all. */
export const TRANSPORT_EVENT_NAMES: readonly (keyof TransportEventMap)[] = Object.freeze([
  'request',
  'response',
  'retry',
  'rateLimited',
  'error',
]);
