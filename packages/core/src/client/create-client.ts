import type { Capabilities, PartnerId } from '@channelkit/types';
import EventEmitter from 'eventemitter3';
import { TRANSPORT_EVENT_NAMES } from '../events/transport-events';
import { silentLogger } from '../logging/logger';
import type { PartnerAdapter, TransportSettings } from '../port/adapter-port';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from '../transport/defaults';
import { VERSION } from '../version';
import { type AccountsResource, createAccountsResource } from './accounts-resource';
import type { ClientEventListener, ClientEventName } from './client-events';
import type { ClientOptions } from './client-options';
import { createLicencesResource, type LicencesResource } from './licences-resource';
import { OperationRunner } from './operation-runner';

/** The one typed interface to a partner platform, returned by {@link createClient}. */
export interface ChannelClient {
  /** The platform this client talks to. */
  readonly partner: PartnerId;
  /** What the platform supports, as data: check it before calling an optional operation. */
  readonly capabilities: Capabilities;
  /** Enterprise customer accounts. */
  readonly accounts: AccountsResource;
  /** Licence (seat) counts. */
  readonly licences: LicencesResource;
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
  const transport = adapter.createTransport(transportSettings(options));
  const emitter = new EventEmitter();
  // The transport emits on its own emitter; the client re-emits so callers subscribe in one place.
  for (const name of TRANSPORT_EVENT_NAMES) {
    transport.on(name, (payload: unknown) => emitter.emit(name, payload));
  }
  const run = new OperationRunner(adapter.partner, transport, options.logger ?? silentLogger, emitter);

  const client: ChannelClient = {
    partner: adapter.partner,
    capabilities: adapter.capabilities,
    accounts: createAccountsResource(adapter, run),
    licences: createLicencesResource(adapter, run),
    on(event, listener) {
      emitter.on(event, listener);
      return client;
    },
    off(event, listener) {
      emitter.off(event, listener);
      return client;
    },
    once(event, listener) {
      emitter.once(event, listener);
      return client;
    },
  };
  return client;
}

/** The client's options as transport settings; the transport checks them and names the option at fault. */
function transportSettings(options: ClientOptions): TransportSettings {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry: {
      ...DEFAULT_RETRY,
      ...options.retry,
      maxRetries: options.maxRetries ?? options.retry?.maxRetries ?? DEFAULT_RETRY.maxRetries,
    },
    rateLimit: options.rateLimit,
    userAgent: options.userAgent ?? `channelkit/${VERSION} node/${process.version}`,
    emitBodies: options.emitBodies ?? false,
  };
}
