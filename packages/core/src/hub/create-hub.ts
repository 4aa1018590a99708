import type { PartnerId } from '@channelkit/types';
import type { ClientEventListener, ClientEventName } from '../client/client-events';
import type { ClientOptions } from '../client/client-options';
import { type ChannelClient, createClient } from '../client/create-client';
import { ConfigurationError } from '../errors/configuration-error';
import { ValidationError } from '../errors/validation-error';
import type { PartnerAdapter } from '../port/adapter-port';
import { createMemoryStateStore } from '../state/memory-state-store';
import { applyLicencePlan, type HubLicenceApplyOptions } from '../sync/apply-plan';
import type { LicenceApplyReport } from '../sync/apply-report';
import type { DesiredLicence } from '../sync/desired-licence';
import type { LicencePlan } from '../sync/licence-plan';
import { type HubLicencePlanOptions, planLicences } from '../sync/plan-licences';
import { type PlatformTarget, targetOf } from '../sync/platform-target';
import type { LeadRouter } from './lead-router';
import type { LeadRoute, RoutableLead } from './lead-rules';

/** A row of a hub's desired list: a {@link DesiredLicence} whose `partner` is required. */
export interface HubDesiredLicence extends DesiredLicence {
  /** The platform holding the account, one of the hub's. */
  partner: PartnerId;
}

/** Licence sync across every platform of a hub: `hub.licences`. */
export interface HubLicencesResource {
  /**
   * Plans one licence sync across platforms: each row names its `partner`; each platform's accounts are read under
   * that platform's own rate limiter and concurrency, all at once. The plan has the same format as a client's.
   * @example
   * const plan = await hub.licences.plan([
   *   { partner: 'zhumu', accountId: 'z-1', seats: 10 },
   *   { partner: 'zoom', accountId: 'sub1', seats: 5 },
   * ]);
   */
  plan(
    desired: Iterable<HubDesiredLicence> | AsyncIterable<HubDesiredLicence>,
    options?: HubLicencePlanOptions,
  ): Promise<LicencePlan>;
  /**
   * Applies a plan across its platforms at once, each under its own client (rate limits, retries, concurrency), with
   * one state store, one lock, one progress and one report. Each platform's client emits its own `sync.completed`.
   */
  apply(plan: LicencePlan, options?: HubLicenceApplyOptions): Promise<LicenceApplyReport>;
}

/** Referrals across the platforms of a hub: `hub.referrals`. */
export interface HubReferralsResource<Partner extends string = PartnerId> {
  /**
   * Chooses the platform for an inbound lead by the router's rules, among the hub's platforms that accept referrals
   * (`capabilities.referrals.outbound`); the others are passed over, and the trace says so. Submit the lead there with
   * `hub.partner(route.partner).referrals.submit(...)`.
   * @throws LeadRoutingError when no rule takes the lead and the router has no fallback.
   * @example
   * const route = hub.referrals.route(lead, router);
   * console.log(route.explanation);
   */
  route<RouterPartner extends string>(
    lead: RoutableLead,
    router: LeadRouter<RouterPartner>,
  ): LeadRoute<Extract<RouterPartner, Partner>>;
}

/** Options of {@link createHub}: the client options shared by every platform, and per-platform overrides. */
export interface HubOptions extends ClientOptions {
  /**
   * Client options for one platform, layered over the shared ones, e.g. `{ zoom: { rateLimit: { heavy: 20 } } }`.
   */
  partners?: Readonly<Partial<Record<PartnerId, ClientOptions>>> | undefined;
}

/** Several platforms behind one object: a client per platform, and licence sync across them. */
export interface ChannelHub<Partner extends string = PartnerId> {
  /** The platforms, in the order given. */
  readonly partners: readonly Partner[];
  /** The client of one platform, e.g. `hub.partner('zhumu').accounts.provision(...)`. */
  partner(name: Partner): ChannelClient;
  /** Licence sync across every platform. */
  readonly licences: HubLicencesResource;
  /** Lead routing across the platforms. */
  readonly referrals: HubReferralsResource<Partner>;
  /** Subscribes to an event of every platform (each event carries its `partner`). */
  on<Name extends ClientEventName>(event: Name, listener: ClientEventListener<Name>): this;
  /** Unsubscribes a listener added with `on` or `once`. */
  off<Name extends ClientEventName>(event: Name, listener: ClientEventListener<Name>): this;
  /** Subscribes to the next occurrence of an event on any platform. */
  once<Name extends ClientEventName>(event: Name, listener: ClientEventListener<Name>): this;
}

/**
 * Creates a hub over several platforms, keyed by their partner id: a client per adapter (each with its own rate
 * limiter, retries and events), and `hub.licences` to plan and apply one licence sync across all of them.
 * @throws ConfigurationError when no adapter is given, or a key is not its adapter's `partner`.
 * @example
 * import { createHub } from '@channelkit/core';
 * import { zoom } from '@channelkit/zoom';
 *
 * const hub = createHub({ zoom: zoom() }, { timeoutMs: 30_000 });
 * const plan = await hub.licences.plan([{ partner: 'zoom', accountId: 'sub1', seats: 5 }]);
 * const report = await hub.licences.apply(plan);
 */
export function createHub<const Adapters extends Readonly<Record<string, PartnerAdapter>>>(
  adapters: Adapters,
  options: HubOptions = {},
): ChannelHub<Extract<keyof Adapters, string>> {
  type Partner = Extract<keyof Adapters, string>;
  const { partners: perPartner, ...shared } = options;
  const names = Object.keys(adapters) as Partner[];
  if (names.length === 0) {
    throw new ConfigurationError({
      option: 'adapters',
      problem: 'must name at least one platform, e.g. { zoom: zoom() }',
    });
  }
  for (const key of Object.keys(perPartner ?? {})) {
    if (!(key in adapters)) {
      throw new ConfigurationError({
        option: `partners.${key}`,
        problem: `names no platform of this hub (${names.join(', ')})`,
      });
    }
  }
  const clients = new Map<string, ChannelClient>();
  const targets = new Map<string, PlatformTarget>();
  for (const name of names) {
    const adapter = adapters[name] as PartnerAdapter;
    if (adapter?.partner !== name) {
      throw new ConfigurationError({
        option: `adapters.${name}`,
        problem: `must be the adapter of '${name}' (got one for '${String(adapter?.partner)}'): key each adapter by its partner id`,
      });
    }
    const client = createClient(adapter, { ...shared, ...perPartner?.[name] });
    clients.set(name, client);
    targets.set(name, targetOf(client.licences) as PlatformTarget);
  }
  const store = createMemoryStateStore();
  const onceWrappers = new WeakMap<object, (payload: never) => void>();

  const hub: ChannelHub<Partner> = {
    partners: names,
    partner(name) {
      const client = clients.get(name);
      if (client === undefined) {
        throw new ValidationError({
          message: `Invalid partner: '${String(name)}' is not a platform of this hub (it has ${names.join(', ')}).`,
          issues: [{ path: 'partner', message: `must be one of ${names.join(', ')}` }],
        });
      }
      return client;
    },
    licences: {
      plan: (desired, planOptions = {}) => planLicences(targets, desired, planOptions, undefined),
      apply: (plan, applyOptions = {}) => applyLicencePlan(targets, plan, applyOptions, store),
    },
    referrals: {
      route(lead, router) {
        const accepting = names.filter((name) => clients.get(name)?.capabilities.referrals.outbound === true);
        const unavailable: Record<string, string> = {};
        for (const name of names) {
          if (!accepting.includes(name))
            unavailable[name] = 'takes no referrals (capabilities.referrals.outbound is false)';
        }
        // Only the hub's platforms can be chosen, so the route names one of them.
        return router.route(lead, {
          partners: accepting as string[] as never[],
          unavailable: unavailable as never,
        }) as never;
      },
    },
    on(event, listener) {
      for (const client of clients.values()) client.on(event, listener);
      return hub;
    },
    off(event, listener) {
      const wrapper = onceWrappers.get(listener) as typeof listener | undefined;
      for (const client of clients.values()) {
        client.off(event, listener);
        if (wrapper) client.off(event, wrapper);
      }
      return hub;
    },
    once(event, listener) {
      const wrapper = ((payload) => {
        for (const client of clients.values()) client.off(event, wrapper);
        listener(payload);
      }) as typeof listener;
      onceWrappers.set(listener, wrapper);
      for (const client of clients.values()) client.on(event, wrapper);
      return hub;
    },
  };
  return hub;
}
