import type { Capabilities, CustomerPolicy, PartnerId } from '@channelkit/types';
import EventEmitter from 'eventemitter3';
import { TRANSPORT_EVENT_NAMES } from '../events/transport-events';
import { IdempotencyGuard } from '../idempotency/idempotency-guard';
import { resolveIdempotencySettings } from '../idempotency/idempotency-options';
import { type Logger, silentLogger } from '../logging/logger';
import { resolvePaginationBounds } from '../pagination/pagination-bounds';
import type { PartnerAdapter, TransportSettings } from '../port/adapter-port';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from '../transport/defaults';
import { VERSION } from '../version';
import { resolveWebhookSettings } from '../webhooks/webhook-options';
import { createWebhooksResource, type WebhooksResource } from '../webhooks/webhooks-resource';
import { type AccountsResource, createAccountsResource } from './accounts-resource';
import type { ClientEventListener, ClientEventName } from './client-events';
import type { ClientOptions } from './client-options';
import { createLicencesResource, type LicencesResource } from './licences-resource';
import { OperationRunner } from './operation-runner';
import { createReferralsResource, type ReferralsResource } from './referrals-resource';

/** The one typed interface to a partner platform, returned by {@link createClient}. */
export interface ChannelClient {
  /** The platform this client talks to. */
  readonly partner: PartnerId;
  /** What the platform supports, as data: check it before calling an optional operation. */
  readonly capabilities: Capabilities;
  /** Who the platform may sell to (market, corporate customers only, currencies), or `undefined` when unrestricted. */
  readonly customerPolicy: CustomerPolicy | undefined;
  /** Enterprise customer accounts. */
  readonly accounts: AccountsResource;
  /** Licence (seat) counts. */
  readonly licences: LicencesResource;
  /**
   * Referrals: deals you register with the platform and leads it hands you. Operations the platform lacks throw
   * `UnsupportedOperationError` (see `capabilities.referrals`).
   */
  readonly referrals: ReferralsResource;
  /** The platform's webhooks: verify deliveries, or serve them with a Node handler that emits typed events. */
  readonly webhooks: WebhooksResource;
  /** Subscribes to a domain event (`account.provisioned`, `licence.changed`, ...) or a transport event (`retry`, ...). */
  on<Name extends ClientEventName>(event: Name, listener: ClientEventListener<Name>): this;
  /** Unsubscribes a listener added with `on` or `once`. */
  off<Name extends ClientEventName>(event: Name, listener: ClientEventListener<Name>): this;
  /** Subscribes to the next occurrence of an event only. */
  once<Name extends ClientEventName>(event: Name, listener: ClientEventListener<Name>): this;
}

/**
 * Creates a client for one partner platform.
 * @param adapter - the platform's adapter, e.g. `zoom({ accountId, clientId, clientSecret })`.
 * @param options - timeouts, retries, rate limits, logging; all optional.
 * @example
 * import { createClient } from '@channelkit/core';
 * import { zoom } from '@channelkit/zoom';
 *
 * const client = createClient(zoom(), { timeoutMs: 30_000 });
 * const account = await client.accounts.get('abc123');
 */
export function createClient(adapter: PartnerAdapter, options: ClientOptions = {}): ChannelClient {
  // Options the client itself owns are checked first, so a bad one fails at start-up, naming the option.
  const idempotency = resolveIdempotencySettings(options.idempotency);
  const pagination = resolvePaginationBounds(options.pagination);
  const webhookSettings = resolveWebhookSettings(options.webhooks);
  const transport = adapter.createTransport(transportSettings(options));
  const emitter = new EventEmitter();
  // The transport emits on its own emitter; the client re-emits so callers subscribe in one place.
  for (const name of TRANSPORT_EVENT_NAMES) {
    transport.on(name, (payload: unknown) => emitter.emit(name, payload));
  }
  const logger = options.logger ?? silentLogger;
  const namespace = [adapter.partner, adapter.idempotencyScope ?? ''].map(encodeURIComponent).join(':');
  const run = new OperationRunner({
    partner: adapter.partner,
    capabilities: adapter.capabilities,
    transport,
    logger,
    emitter,
    guard: new IdempotencyGuard(namespace, idempotency, logger),
    pagination,
  });
  const listenerOf = isolatedListeners(logger);

  const client: ChannelClient = {
    partner: adapter.partner,
    capabilities: adapter.capabilities,
    customerPolicy: adapter.customerPolicy,
    accounts: createAccountsResource(adapter, run),
    licences: createLicencesResource(adapter, run),
    referrals: createReferralsResource(adapter, run),
    webhooks: createWebhooksResource({
      partner: adapter.partner,
      verifier: adapter.webhooks,
      settings: webhookSettings,
      store: idempotency.store,
      namespace,
      emit: (event) => emitter.emit(event.type, event),
      logger,
    }),
    on(event, listener) {
      emitter.on(event, listenerOf(listener));
      return client;
    },
    off(event, listener) {
      emitter.off(event, listenerOf(listener));
      return client;
    },
    once(event, listener) {
      emitter.once(event, listenerOf(listener));
      return client;
    },
  };
  return client;
}

/**
 * Wraps each listener so that one that throws is reported to the logger instead of failing the call that emitted the
 * event: a write that was applied must not be reported as failed because a listener broke. The same listener always
 * gets the same wrapper, so `off` finds it.
 */
function isolatedListeners(logger: Logger) {
  const wrappers = new WeakMap<(payload: never) => void, (payload: unknown) => void>();
  return <Payload>(listener: (payload: Payload) => void): ((payload: unknown) => void) => {
    let wrapper = wrappers.get(listener);
    if (wrapper === undefined) {
      wrapper = (payload: unknown) => {
        try {
          listener(payload as Payload);
        } catch (error) {
          logger.error('an event listener threw; the call that emitted the event is not affected', {
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          });
        }
      };
      wrappers.set(listener, wrapper);
    }
    return wrapper;
  };
}

/** The client's options as transport settings; the transport checks them and names the option at fault. */
function transportSettings(options: ClientOptions): TransportSettings {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    retry: {
      ...DEFAULT_RETRY,
      ...options.retry,
      maxRetries: options.maxRetries ?? options.retry?.maxRetries ?? DEFAULT_RETRY.maxRetries,
    },
    rateLimit: options.rateLimit,
    ...(options.sharedRateLimit === undefined ? {} : { sharedRateLimit: options.sharedRateLimit }),
    userAgent: options.userAgent ?? `channelkit/${VERSION} node/${process.version}`,
    emitBodies: options.emitBodies ?? false,
  };
}
