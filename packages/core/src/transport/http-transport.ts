import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'eventemitter3';
import type { AuthContext, AuthStrategy, OutgoingRequest } from '../auth/auth-strategy';
import { type ApiError, createApiError, RedirectError } from '../errors/api-error';
import { type ChannelError, isChannelError } from '../errors/channel-error';
import { type AbortError, ConnectionError, TimeoutError } from '../errors/network-errors';
import type { RequestSummary } from '../errors/request-summary';
import { ResponseTooLargeError } from '../errors/response-too-large-error';
import { StateStoreError } from '../errors/state-store-error';
import type { RetryReason, TransportEventMap } from '../events/transport-events';
import { createAxiosSender, WireFailure, type WireResponse } from '../internal/axios-sender';
import {
  encodeBody,
  guessErrorMessage,
  parseBody,
  resolveUrl,
  stringifyParams,
  urlWithQuery,
} from '../internal/encoding';
import { RateLimiter } from '../internal/rate-limiter';
import { createRedactor, type Redactor } from '../redaction/redactor';
import { VERSION } from '../version';
import { computeBackoffDelay, parseRetryAfter } from './backoff';
import {
  checkBaseURL,
  checkMaxResponseBytes,
  checkRateLimit,
  checkRetry,
  checkSharedRateLimit,
  checkTimeout,
} from './check-options';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from './defaults';
import type { SharedRateLimit } from './shared-rate-limit';
import { abortErrorFrom, sleep } from './sleep';
import type {
  ErrorParser,
  HttpTransportOptions,
  PlatformErrorInfo,
  RetryOptions,
  TransportRequest,
  TransportResponse,
} from './transport-types';

/** Sends requests to one platform with timeouts, retries, rate limiting, authentication and events. */
export interface HttpTransport {
  /** Platform name used in errors and events. */
  readonly platform: string;
  /**
   * Sends one logical request (retrying as the policy allows) and resolves with the 2xx response; rejects with
   * an `ApiError` subclass (`RedirectError` for any 3xx: redirects are never followed), `TimeoutError`,
   * `ConnectionError`, `ResponseTooLargeError`, `AbortError` or `ConfigurationError`.
   */
  request<T = unknown>(request: TransportRequest): Promise<TransportResponse<T>>;
  /** Subscribes to an event. */
  on<E extends keyof TransportEventMap>(event: E, listener: (payload: TransportEventMap[E]) => void): this;
  /** Unsubscribes a listener added with `on` or `once`. */
  off<E extends keyof TransportEventMap>(event: E, listener: (payload: TransportEventMap[E]) => void): this;
  /** Subscribes to the next occurrence of an event only. */
  once<E extends keyof TransportEventMap>(event: E, listener: (payload: TransportEventMap[E]) => void): this;
}

/**
 * Creates the HTTP transport an adapter talks to its platform through. Throws `ConfigurationError` for bad
 * options (e.g. `timeoutMs` of 0 or above 2^31 - 1, a relative `baseURL`).
 * @example
 * const transport = createHttpTransport({
 *   baseURL: 'https://api.zoom.us/v2',
 *   platform: 'zoom',
 *   auth: oauth2ClientCredentials({ tokenUrl, clientId, clientSecret }),
 *   rateLimit: { light: 80, medium: 60, heavy: 40 },
 * });
 * const { data } = await transport.request({ method: 'GET', path: '/accounts/abc' });
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  return new Transport(options);
}

type Failure = { error: ChannelError; status: number | undefined; retry: RetryDecision; delayMs?: number };
/** `always`: the platform certainly did not process it; `repeatable`: only if the request is safe to repeat. */
type RetryDecision = { when: 'always' | 'repeatable' | 'never' | 'refresh'; reason: RetryReason };

const safeMethods = new Set(['GET', 'PUT', 'DELETE']);

/**
 * A request that wakes this much later than its moment in the shared rate limit (its process stalled) reserves
 * again: sent late, it would reach the platform together with the requests of later moments.
 */
const SHARED_LATE_MS = 250;
/** Reservations one attempt makes at most before it sends, however late it keeps waking. */
const SHARED_ROUNDS = 3;

class Transport implements HttpTransport {
  readonly platform: string;
  readonly #baseURL: string;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;
  readonly #retry: RetryOptions;
  readonly #auth: AuthStrategy | undefined;
  readonly #limiter: RateLimiter | undefined;
  readonly #shared: SharedRateLimit | undefined;
  readonly #defaultHeaders: Record<string, string>;
  readonly #idempotencyHeader: string | undefined;
  readonly #requestIdHeader: string;
  readonly #parseError: ErrorParser | undefined;
  readonly #emitBodies: boolean;
  readonly #events = new EventEmitter();
  readonly #redactor: Redactor;
  readonly #send = createAxiosSender();

  constructor(options: HttpTransportOptions) {
    this.#baseURL = checkBaseURL(options.baseURL);
    this.platform = options.platform ?? 'http';
    this.#timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : checkTimeout(options.timeoutMs);
    this.#maxResponseBytes =
      options.maxResponseBytes === undefined
        ? DEFAULT_MAX_RESPONSE_BYTES
        : checkMaxResponseBytes(options.maxResponseBytes);
    this.#retry = checkRetry({ ...DEFAULT_RETRY, ...options.retry });
    this.#auth = options.auth;
    this.#limiter =
      options.rateLimit === undefined ? undefined : new RateLimiter(checkRateLimit(options.rateLimit));
    this.#shared =
      options.sharedRateLimit === undefined
        ? undefined
        : checkSharedRateLimit(options.sharedRateLimit, options.rateLimit);
    this.#defaultHeaders = {
      accept: 'application/json',
      'user-agent': options.userAgent ?? `channelkit/${VERSION}`,
    };
    this.#idempotencyHeader = options.idempotencyHeader?.toLowerCase() ?? undefined;
    this.#requestIdHeader = (options.requestIdHeader ?? 'x-request-id').toLowerCase();
    this.#parseError = options.parseError;
    this.#emitBodies = options.emitBodies ?? false;
    const auth = options.auth;
    this.#redactor = createRedactor(() => auth?.secrets?.() ?? []);
  }

  on<E extends keyof TransportEventMap>(event: E, listener: (payload: TransportEventMap[E]) => void): this {
    this.#events.on(event, listener);
    return this;
  }

  off<E extends keyof TransportEventMap>(event: E, listener: (payload: TransportEventMap[E]) => void): this {
    this.#events.off(event, listener);
    return this;
  }

  once<E extends keyof TransportEventMap>(event: E, listener: (payload: TransportEventMap[E]) => void): this {
    this.#events.once(event, listener);
    return this;
  }

  async request<T = unknown>(request: TransportRequest): Promise<TransportResponse<T>> {
    const { method, signal } = request;
    const timeoutMs = request.timeoutMs === undefined ? this.#timeoutMs : checkTimeout(request.timeoutMs);
    const retry =
      request.retry === undefined
        ? this.#retry
        : request.retry === false
          ? { ...this.#retry, maxRetries: 0 }
          : checkRetry({ ...this.#retry, ...request.retry });
    const category = request.category ?? 'default';
    const idempotencyKey =
      this.#idempotencyHeader === undefined
        ? undefined
        : (request.idempotencyKey ?? (method === 'GET' ? undefined : randomUUID()));
    // A key the platform dedups on makes any write safe to repeat; without one, only the method decides.
    const repeatable = request.idempotent ?? (safeMethods.has(method) || idempotencyKey !== undefined);
    const authenticate = request.authenticate !== false && this.#auth !== undefined;
    const startedAt = performance.now();
    const base = this.#outgoing(request, idempotencyKey);

    let retries = 0;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      let failure: Failure;
      try {
        if (signal?.aborted) throw abortErrorFrom(signal);
        if (this.#limiter !== undefined) {
          const wait = this.#limiter.acquire(category, signal, this.#onWait(method, request.path, category));
          if (wait !== undefined) await wait;
          if (this.#shared !== undefined)
            await this.#reserveShared(this.#shared, method, request.path, category, signal);
        }
        let outgoing: OutgoingRequest = {
          ...base,
          query: { ...base.query },
          headers: { ...base.headers },
          form: base.form && { ...base.form },
        };
        if (authenticate)
          outgoing = await (this.#auth as AuthStrategy).authenticate(outgoing, this.#context(signal));
        const result = await this.#attempt<T>(outgoing, request, {
          attempt,
          authenticated: authenticate,
          category,
          idempotencyKey,
          timeoutMs,
          signal,
        });
        if ('response' in result) return result.response;
        failure = result.failure;
      } catch (error) {
        const channelError = error as ChannelError;
        this.#emitError(request, category, attempt, undefined, startedAt, idempotencyKey, channelError);
        throw error;
      }

      const { error, status, retry: decision } = failure;
      let allowed = false;
      if (decision.when === 'refresh' && !refreshed) {
        refreshed = true;
        allowed = true;
      } else if (retries < retry.maxRetries) {
        allowed = decision.when === 'always' || (decision.when === 'repeatable' && repeatable);
        if (allowed) retries++;
      }
      if (!allowed) {
        this.#emitError(request, category, attempt, status, startedAt, idempotencyKey, error);
        throw error;
      }
      const delayMs =
        decision.when === 'refresh'
          ? 0
          : Math.max(
              computeBackoffDelay(retries - 1, retry),
              Math.min(failure.delayMs ?? 0, retry.maxDelayMs),
            );
      if (this.#events.listenerCount('retry') > 0) {
        this.#events.emit('retry', {
          ...this.#eventBase(request, base, attempt, category, idempotencyKey, Date.now()),
          reason: decision.reason,
          delayMs,
          status,
          error,
        });
      }
      try {
        if (delayMs > 0) await sleep(delayMs, signal);
      } catch (abort) {
        this.#emitError(request, category, attempt, status, startedAt, idempotencyKey, abort as AbortError);
        throw abort;
      }
    }
  }

  /** Sends one attempt; resolves with the response or a classified failure, rejects only on abort. */
  async #attempt<T>(
    outgoing: OutgoingRequest,
    request: TransportRequest,
    at: {
      attempt: number;
      authenticated: boolean;
      category: string;
      idempotencyKey: string | undefined;
      timeoutMs: number;
      signal: AbortSignal | undefined;
    },
  ): Promise<{ response: TransportResponse<T> } | { failure: Failure }> {
    const headers = outgoing.headers;
    const data = encodeBody(outgoing, headers);
    const url = urlWithQuery(outgoing);
    const startedAt = Date.now();
    const sentAt = performance.now();
    if (this.#events.listenerCount('request') > 0) {
      this.#events.emit('request', {
        ...this.#eventBase(request, outgoing, at.attempt, at.category, at.idempotencyKey, startedAt),
        headers: this.#redactor.headers(headers),
        ...(this.#emitBodies ? { body: this.#redactor.value(outgoing.form ?? outgoing.body) } : {}),
      });
    }

    let wire: WireResponse;
    try {
      wire = await this.#send({
        method: outgoing.method,
        url,
        headers,
        data,
        signal: at.signal,
        timeoutMs: at.timeoutMs,
        maxResponseBytes: this.#maxResponseBytes,
      });
    } catch (error) {
      if (!(error instanceof WireFailure)) throw error;
      return { failure: this.#wireFailure(error, outgoing, url, request.path, at) };
    }

    const body = parseBody(wire.text, wire.headers['content-type']);
    const redirected = wire.status >= 300 && wire.status < 400;
    const info = this.#parseError && !redirected ? this.#parsePlatformError(wire, body) : undefined;
    const failed = redirected || info !== undefined || wire.status >= 400;
    const emitResponse = this.#events.listenerCount('response') > 0;
    // A platform may echo a credential from this very body (e.g. the new token of a token response) elsewhere in
    // it; whatever leaves this method in an error or event is redacted with those values too. The success path
    // without listeners redacts nothing and pays nothing.
    const redactor =
      failed || (emitResponse && this.#emitBodies) ? this.#redactor.including(body) : this.#redactor;
    const rawRequestId = wire.headers[this.#requestIdHeader];
    if (emitResponse) {
      this.#events.emit('response', {
        ...this.#eventBase(
          request,
          outgoing,
          at.attempt,
          at.category,
          at.idempotencyKey,
          startedAt,
          redactor,
        ),
        status: wire.status,
        durationMs: performance.now() - sentAt,
        requestId: rawRequestId === undefined ? undefined : redactor.string(rawRequestId),
        ...(this.#emitBodies ? { body: redactor.value(body) } : {}),
      });
    }

    if (!failed) {
      this.#limiter?.succeeded(at.category);
      return {
        response: { status: wire.status, headers: wire.headers, data: body as T, requestId: rawRequestId },
      };
    }

    const requestId = rawRequestId === undefined ? undefined : redactor.string(rawRequestId);
    const summary = this.#summary(outgoing.method, url, headers, redactor);
    const path = redactor.url(request.path);
    if (redirected) {
      return {
        failure: {
          error: this.#redirectError(wire, outgoing, url, request.path, {
            summary,
            path,
            requestId,
            redactor,
          }),
          status: wire.status,
          retry: { when: 'never', reason: 'status' },
        },
      };
    }

    const status = info?.status ?? wire.status;
    const retryAfterMs = parseRetryAfter(wire.headers['retry-after']);
    const code = info?.code;
    const error = createApiError({
      status,
      platform: this.platform,
      path,
      request: summary,
      platformCode: typeof code === 'string' ? redactor.string(code) : code,
      platformMessage: redactor.string(info?.message ?? guessErrorMessage(body) ?? `HTTP ${wire.status}`),
      requestId,
      retryable: info?.retryable,
      details: info?.details?.map((d) => ({
        ...(d.field === undefined ? {} : { field: redactor.string(String(d.field)) }),
        message: redactor.string(String(d.message)),
      })),
      retryAfterMs,
    });
    if (status === 429) {
      this.#limiter?.throttled(at.category, sentAt);
      // Every client sharing the limit waits as long as the platform asked, not only this request; bounded like this
      // request's own wait. The hold is advice: when the store cannot take it, the retry's own wait still applies.
      if (retryAfterMs !== undefined && this.#limiter?.rate(at.category) !== undefined) {
        this.#shared
          ?.hold(at.category, Math.min(retryAfterMs, this.#retry.maxDelayMs))
          .catch(() => undefined);
      }
    }
    return {
      failure: {
        error,
        status,
        retry: this.#decide(error, info, at.authenticated ? outgoing : undefined),
        ...(retryAfterMs === undefined ? {} : { delayMs: retryAfterMs }),
      },
    };
  }

  /**
   * A 3xx is never followed: the request carries credentials (which must not travel to another URL) and a write
   * must not be sent twice. The error says where the platform pointed and, when the redirect kept the request's
   * path below the base URL (e.g. `http://host/v2/x` to `https://host/v2/x`), which base URL to set.
   */
  #redirectError(
    wire: WireResponse,
    outgoing: OutgoingRequest,
    url: string,
    path: string,
    redacted: { summary: RequestSummary; path: string; requestId: string | undefined; redactor: Redactor },
  ): RedirectError {
    const header = wire.headers.location;
    let location: string | undefined;
    let suggested: string | undefined;
    if (header !== undefined && header !== '') {
      let target: URL | undefined;
      try {
        target = new URL(header, url);
      } catch {
        location = header;
      }
      if (target !== undefined) {
        location = target.href;
        suggested = this.#suggestBaseURL(outgoing.url, path, target);
      }
    }
    return new RedirectError({
      status: wire.status,
      platform: this.platform,
      path: redacted.path,
      request: redacted.summary,
      requestId: redacted.requestId,
      location: location === undefined ? undefined : redacted.redactor.url(location),
      suggestedBaseURL: suggested === undefined ? undefined : redacted.redactor.url(suggested),
    });
  }

  /** The base URL under which `target` keeps the request's path, if the request was relative to the base. */
  #suggestBaseURL(requestUrl: string, path: string, target: URL): string | undefined {
    if (/^https?:\/\//i.test(path) || !/^https?:$/.test(target.protocol)) return undefined;
    const suffix = withoutQuery(requestUrl).slice(this.#baseURL.length);
    const targetPath = `${target.origin}${target.pathname}`;
    if (suffix === '' || !targetPath.endsWith(suffix)) return undefined;
    const base = targetPath.slice(0, targetPath.length - suffix.length).replace(/\/+$/, '');
    return base === this.#baseURL || !/^https?:\/\/[^/]/i.test(base) ? undefined : base;
  }

  /** `authenticated` is the attempt as the auth strategy signed it, `undefined` when sent without auth. */
  #decide(
    error: ApiError,
    info: PlatformErrorInfo | undefined,
    authenticated: OutgoingRequest | undefined,
  ): RetryDecision {
    const invalidate = authenticated === undefined ? undefined : this.#auth?.invalidate;
    if (info?.expiredCredentials === true || (error.status === 401 && invalidate !== undefined)) {
      if (this.#auth?.invalidate === undefined || authenticated === undefined) {
        return { when: 'never', reason: 'expired_credentials' };
      }
      this.#auth.invalidate(authenticated);
      return { when: 'refresh', reason: 'expired_credentials' };
    }
    if (info?.retryable === false) return { when: 'never', reason: 'status' };
    // 429 means the platform refused to process it: safe to repeat whatever the method.
    if (error.status === 429) return { when: 'always', reason: 'rate_limited' };
    if (info?.retryable === true || error.status === 408 || error.status >= 500) {
      return { when: 'repeatable', reason: 'status' };
    }
    return { when: 'never', reason: 'status' };
  }

  #wireFailure(
    failure: WireFailure,
    outgoing: OutgoingRequest,
    url: string,
    rawPath: string,
    at: { timeoutMs: number; signal: AbortSignal | undefined },
  ): Failure {
    if (failure.kind === 'aborted') throw abortErrorFrom(at.signal as AbortSignal);
    const request = this.#summary(outgoing.method, url, outgoing.headers);
    const path = this.#redactor.url(rawPath);
    if (failure.kind === 'timeout') {
      return {
        error: new TimeoutError({ platform: this.platform, request, path, timeoutMs: at.timeoutMs }),
        status: undefined,
        retry: { when: 'repeatable', reason: 'timeout' },
      };
    }
    if (failure.kind === 'too_large') {
      return {
        error: new ResponseTooLargeError({
          platform: this.platform,
          request,
          path,
          limitBytes: this.#maxResponseBytes,
        }),
        status: undefined,
        // The same request would bring the same answer.
        retry: { when: 'never', reason: 'status' },
      };
    }
    const cause = failure.cause as Error | undefined;
    if (cause) cause.message = this.#redactor.string(cause.message);
    const error = new ConnectionError({
      platform: this.platform,
      request,
      path,
      errorCode: failure.errorCode,
      mayHaveReachedServer: failure.mayHaveReachedServer,
      cause,
    });
    return {
      error,
      status: undefined,
      retry: { when: failure.mayHaveReachedServer ? 'repeatable' : 'always', reason: 'connection' },
    };
  }

  #parsePlatformError(wire: WireResponse, data: unknown): PlatformErrorInfo | undefined {
    try {
      return (this.#parseError as ErrorParser)({ status: wire.status, headers: wire.headers, data });
    } catch {
      // A parser that cannot read an odd body must not hide the HTTP status.
      return undefined;
    }
  }

  #outgoing(request: TransportRequest, idempotencyKey: string | undefined): OutgoingRequest {
    const headers: Record<string, string> = { ...this.#defaultHeaders };
    if (request.headers !== undefined) {
      for (const name in request.headers) headers[name.toLowerCase()] = request.headers[name] as string;
    }
    if (idempotencyKey !== undefined) headers[this.#idempotencyHeader as string] = idempotencyKey;
    const outgoing: OutgoingRequest = {
      method: request.method,
      url: resolveUrl(this.#baseURL, request.path),
      query: stringifyParams(request.query),
      headers,
    };
    if (request.form !== undefined) outgoing.form = stringifyParams(request.form);
    else if (request.body !== undefined) outgoing.body = request.body;
    return outgoing;
  }

  #context(signal: AbortSignal | undefined): AuthContext {
    return {
      send: (request) => this.request({ ...request, authenticate: false }),
      signal,
    };
  }

  #summary(
    method: string,
    url: string,
    headers: Record<string, string>,
    redactor: Redactor = this.#redactor,
  ): RequestSummary {
    return { method, url: redactor.url(url), headers: redactor.headers(headers) };
  }

  #eventBase(
    request: TransportRequest,
    outgoing: OutgoingRequest,
    attempt: number,
    category: string,
    idempotencyKey: string | undefined,
    startedAt: number,
    redactor: Redactor = this.#redactor,
  ) {
    return {
      platform: this.platform,
      method: request.method,
      path: redactor.url(request.path),
      url: redactor.url(urlWithQuery(outgoing)),
      attempt,
      category,
      idempotencyKey,
      startedAt,
    };
  }

  /**
   * Waits for this request's moment in the shared rate limit, at the rate this transport paces the category at (so
   * a 429 that slowed this process slows its share too). A process that wakes far past its moment reserves again.
   * @throws StateStoreError when the store cannot be reached: nothing was sent.
   */
  async #reserveShared(
    shared: SharedRateLimit,
    method: string,
    path: string,
    category: string,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    for (let round = 1; ; round++) {
      const perSecond = this.#limiter?.pacedRate(category);
      if (perSecond === undefined) return;
      let waitMs: number;
      try {
        waitMs = await shared.reserve(category, perSecond);
      } catch (error) {
        if (isChannelError(error)) throw error;
        throw new StateStoreError({
          message: `${this.platform} ${method} ${this.#redactor.url(path)}: the shared rate limit's store could not be reached, so the request was not sent; check the store's connection, then try again.`,
          cause: error,
        });
      }
      if (!(waitMs > 0)) return;
      const due = performance.now() + waitMs;
      this.#onWait(method, path, category, true)?.(Math.ceil(waitMs), 1, perSecond);
      await sleep(waitMs, signal);
      if (round >= SHARED_ROUNDS || performance.now() - due < SHARED_LATE_MS) return;
    }
  }

  #onWait(method: string, path: string, category: string, shared = false) {
    if (this.#events.listenerCount('rateLimited') === 0) return undefined;
    return (delayMs: number, queued: number, rate: number) => {
      this.#events.emit('rateLimited', {
        platform: this.platform,
        method,
        path: this.#redactor.url(path),
        category,
        delayMs,
        queued,
        rate,
        ...(shared ? { shared } : {}),
      });
    };
  }

  #emitError(
    request: TransportRequest,
    category: string,
    attempts: number,
    status: number | undefined,
    startedAt: number,
    idempotencyKey: string | undefined,
    error: ChannelError,
  ): void {
    if (this.#events.listenerCount('error') === 0) return;
    this.#events.emit('error', {
      platform: this.platform,
      method: request.method,
      path: this.#redactor.url(request.path),
      category,
      attempts,
      status,
      durationMs: performance.now() - startedAt,
      idempotencyKey,
      error,
    });
  }
}

function withoutQuery(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
