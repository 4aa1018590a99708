import type { TransportRequest, TransportResponse } from '../transport/transport-types';

/**
 * The request as it is about to be sent, after the transport resolved the URL and encoded nothing yet.
 * Auth strategies and signing hooks add headers or parameters to it.
 */
export interface OutgoingRequest {
  /** HTTP method. */
  method: string;
  /** Absolute URL without the query string. */
  url: string;
  /** Query parameters (already stringified). */
  query: Record<string, string>;
  /** Headers, names lower-cased. */
  headers: Record<string, string>;
  /** JSON body, if any. */
  body?: unknown;
  /** Form fields (already stringified), if the body is form-encoded. */
  form?: Record<string, string> | undefined;
}

/** What an auth strategy may use: a way to send unauthenticated requests (e.g. to a token endpoint). */
export interface AuthContext {
  /** Sends a request through the same transport (timeouts, retries, events) but without authentication. */
  send<T = unknown>(request: TransportRequest): Promise<TransportResponse<T>>;
  /** The signal of the request being authenticated. */
  signal?: AbortSignal | undefined;
}

/** How a transport authenticates each attempt of a request. */
export interface AuthStrategy {
  /** Short name for events and errors, e.g. `oauth2-client-credentials`. */
  readonly name: string;
  /** Returns the request with credentials added. Called before every attempt. */
  authenticate(request: OutgoingRequest, context: AuthContext): OutgoingRequest | Promise<OutgoingRequest>;
  /**
   * Forgets cached credentials after the platform rejected them as expired. `rejected` is the attempt that was
   * refused, so a strategy can keep a token another request already refreshed.
   */
  invalidate?(rejected?: OutgoingRequest): void;
  /** Values that must never be printed (secrets, tokens); the transport redacts them everywhere. */
  secrets?(): readonly string[];
}
