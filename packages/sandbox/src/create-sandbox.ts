import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'msw';
import { bizconfSandboxPlatform } from './bizconf/bizconf-platform';
import { FaultEngine } from './faults/fault-engine';
import type { FaultRule } from './faults/fault-rule';
import { checkPlatform } from './internal/check-platform';
import { json } from './internal/json';
import {
  canonicalPath,
  type HostedPlatform,
  loopbackUrls,
  type Mount,
  matchMount,
  withUrls,
} from './internal/mounts';
import { mulberry32 } from './internal/prng';
import { bucketsFor } from './internal/rate-limits';
import { sleep } from './internal/sleep';
import { mountHandlers } from './msw/msw-handlers';
import type { PlatformUrls } from './platform/platform-urls';
import type { SandboxPlatform, SandboxPlatformContext } from './platform/sandbox-platform';
import type { SandboxRequest } from './platform/sandbox-request';
import type { RequestRecord } from './request-record';
import type { SandboxBaseUrls, SandboxOptions } from './sandbox-options';
import type { SandboxResult } from './sandbox-result';
import { umeetSandboxPlatform } from './umeet/umeet-platform';
import type { SandboxWebhooks } from './webhooks/sandbox-webhooks';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import type { WebhookDeliveryRecord } from './webhooks/webhook-target';
import { zhumuSandboxPlatform } from './zhumu/zhumu-platform';
import type { ZoomSandboxControls } from './zoom/zoom-controls';
import { zoomSandboxPlatform } from './zoom/zoom-platform';

/** Adds and removes fault rules at run time. */
export interface SandboxFaults {
  /** Installs a rule after the existing ones; rules are evaluated in order. */
  add(rule: FaultRule): void;
  /** Removes every rule. */
  clear(): void;
}

/**
 * The sandbox: in-memory platforms behind one request handler, plus controls to seed and inspect them. Serve it
 * with {@link Sandbox.handlers} (msw) or {@link startSandbox} (a loopback HTTP server).
 */
export interface Sandbox {
  /**
   * Answers one request. Each platform is served at its real URLs, at any URLs passed to `handlers()`, and at its
   * loopback layout (`/<name>/...`, e.g. `/zoom/v2`) on any origin.
   */
  handle(request: Request): Promise<SandboxResult>;
  /**
   * msw handlers serving this sandbox: every hosted platform at its real URLs, or at the URLs given per platform and
   * URL name (e.g. `{ zoom: { baseUrl: 'https://api-eu.zoom.us/v2' } }`).
   */
  handlers(baseUrls?: SandboxBaseUrls): RequestHandler[];
  /** The names of the hosted platforms, in the order given. */
  readonly platforms: readonly string[];
  /**
   * The test controls of a hosted platform, e.g. `sandbox.controls(acme)`; throws when no platform of that name is
   * hosted.
   */
  controls<Controls>(platform: SandboxPlatform<Controls>): Controls;
  /** Controls of the in-memory Zoom; throws when Zoom is not hosted. */
  readonly zoom: ZoomSandboxControls;
  /**
   * The URLs of every hosted platform in the loopback layout on `origin` (each platform under `/<name>`), by platform
   * name, e.g. `{ zoom: { baseUrl: 'http://127.0.0.1:5000/zoom/v2', oauthUrl: '…/zoom/oauth/token' } }`; `handle()`
   * answers there on any origin.
   */
  loopbackUrls(origin: string): Readonly<Record<string, PlatformUrls>>;
  /**
   * Environment variables that point each hosted platform's adapter at it, for the URLs given per platform (default:
   * the real URLs), e.g. `ZOOM_ACCOUNT_ID` and `ZOOM_API_URL`.
   */
  environment(urls?: Readonly<Record<string, PlatformUrls>>): Record<string, string>;
  /** Fault rules. */
  readonly faults: SandboxFaults;
  /** Every request received so far, in arrival order. */
  readonly requests: readonly RequestRecord[];
  /** Forgets the recorded requests. */
  clearRequests(): void;
  /** Webhook deliveries to the URLs of the `webhooks` option. */
  readonly webhooks: SandboxWebhooks;
}

type MutableRecord = { -readonly [K in keyof RequestRecord]: RequestRecord[K] };

/** FNV-1a: a stable 32-bit number per platform name, so each platform draws from its own seeded stream. */
function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function platformsOf(options: SandboxOptions): readonly SandboxPlatform[] {
  if (options.platforms === undefined) {
    return [
      zoomSandboxPlatform(options.zoom),
      bizconfSandboxPlatform(),
      zhumuSandboxPlatform(),
      umeetSandboxPlatform(),
    ];
  }
  if (options.zoom !== undefined) {
    throw new TypeError(
      'createSandbox: the zoom option configures the default Zoom; with platforms, pass it to zoomSandboxPlatform(options).',
    );
  }
  if (options.platforms.length === 0)
    throw new TypeError('createSandbox: platforms must list at least one platform.');
  return options.platforms;
}

/**
 * Creates a sandbox: in-memory partner platforms with fault injection, rate limits and a request log. By default it
 * hosts every platform of this package (the in-memory Zoom, Bizconf...); `platforms` hosts a choice of them, or
 * others, including platforms written outside this package.
 *
 * @example
 * ```ts
 * import { createSandbox } from '@channelkit/sandbox';
 * import { setupServer } from 'msw/node';
 *
 * const sandbox = createSandbox({ seed: 7 });
 * const server = setupServer(...sandbox.handlers());
 * sandbox.faults.add({ path: '/v2/accounts', fault: { kind: 'reset' }, times: 1 });
 * ```
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now;
  const retryAfter = options.rateLimitRetryAfter ?? false;
  const faults = new FaultEngine(mulberry32(seed), options.faults);
  const definitions = platformsOf(options);

  for (const name of Object.keys(options.rateLimits ?? {})) {
    if (!definitions.some((platform) => platform.name === name)) {
      throw new RangeError(`rateLimits.${name}: no hosted platform is named '${name}'.`);
    }
  }

  const dispatchers = new Map<string, WebhookDispatcher>();
  const deliveries: WebhookDeliveryRecord[] = [];
  for (const name of Object.keys(options.webhooks ?? {})) {
    const definition = definitions.find((platform) => platform.name === name);
    if (!definition) throw new RangeError(`webhooks.${name}: no hosted platform is named '${name}'.`);
    if (!definition.webhooks)
      throw new RangeError(`webhooks.${name}: the platform '${name}' sends no webhooks.`);
  }

  const hosted = new Map<string, HostedPlatform>();
  // The record of the request a platform is serving, so that its rate limit can mark the record it refuses.
  const serving = new AsyncLocalStorage<MutableRecord>();
  for (const definition of definitions) {
    const loopbackPaths = checkPlatform(definition);
    if (hosted.has(definition.name)) {
      throw new TypeError(`createSandbox: two platforms are named '${definition.name}'.`);
    }
    const buckets = bucketsFor(definition, options.rateLimits?.[definition.name], now());
    const target = options.webhooks?.[definition.name];
    const dispatcher =
      target === undefined || definition.webhooks === undefined
        ? undefined
        : new WebhookDispatcher({
            platform: definition.name,
            scheme: definition.webhooks,
            target,
            random: mulberry32((seed ^ hashName(`${definition.name}:webhooks`)) >>> 0),
            now,
            record: (attempt) => deliveries.push(attempt),
          });
    if (dispatcher) dispatchers.set(definition.name, dispatcher);
    const context: SandboxPlatformContext = {
      now,
      random: mulberry32((seed ^ 0x9e3779b9 ^ hashName(definition.name)) >>> 0),
      rateLimit(category) {
        const bucket = buckets.get(category);
        if (!bucket) return undefined;
        const wait = bucket.take(now());
        if (wait === 0) return undefined;
        const record = serving.getStore();
        if (record) record.limited = true;
        return {
          kind: 'rate_limit',
          category,
          limit: bucket.limit,
          retryAfterSeconds: retryAfter ? wait : undefined,
        };
      },
      ...(dispatcher ? { publishWebhook: (notification) => dispatcher.publish(notification) } : {}),
    };
    hosted.set(definition.name, { definition, instance: definition.create(context), buckets, loopbackPaths });
  }

  // Mounts `handle()` knows besides the loopback layout: real URLs, plus every mount served through `handlers()`.
  const mounts: Mount[] = [...hosted.values()].map((platform) => ({
    hosted: platform,
    urls: platform.definition.urls,
  }));
  let requests: MutableRecord[] = [];

  async function dispatch(request: Request, candidates: readonly Mount[]): Promise<SandboxResult> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const match = matchMount(url, candidates);
    const record: MutableRecord = {
      method,
      path: match ? canonicalPath(match) : url.pathname,
      platform: match?.mount.hosted.definition.name,
      category: undefined,
      status: undefined,
      fault: undefined,
      limited: false,
      at: now(),
    };
    requests.push(record);
    if (!match) {
      record.status = 404;
      return json(404, { code: 404, message: 'No sandbox platform serves this URL.' });
    }
    const { instance, buckets } = match.mount.hosted;
    const target: SandboxRequest = {
      request,
      url,
      method,
      endpoint: match.endpoint,
      subpath: match.subpath,
      path: record.path,
      urls: match.mount.urls,
    };
    const route = await instance.resolve(target);
    if (!route) {
      record.status = 404;
      return json(404, { code: 404, message: 'Not Found.' });
    }
    record.category = route.category;
    const plan = faults.plan({
      platform: record.platform,
      category: route.category,
      method,
      path: record.path,
    });
    if (plan.latencyMs > 0) {
      record.fault = 'latency';
      await sleep(plan.latencyMs, request.signal);
    }
    const render = (fault: NonNullable<typeof plan.before>): SandboxResult => {
      record.fault = fault.kind;
      if (fault.kind === 'reset' || fault.kind === 'hang') return { kind: fault.kind };
      if (fault.kind !== 'rate_limit') return instance.renderFault(fault, target);
      const limit = route.category === undefined ? undefined : buckets.get(route.category)?.limit;
      const retryAfterSeconds = fault.retryAfterSeconds ?? (retryAfter ? 1 : undefined);
      return instance.renderFault(
        { kind: 'rate_limit', category: route.category, limit, retryAfterSeconds },
        target,
      );
    };
    // A `before` fault replaces the request; an `after` fault lets it run (its effects stay) and replaces the answer.
    let result: SandboxResult;
    if (plan.before) {
      result = render(plan.before);
    } else {
      result = await serving.run(record, () => route.execute());
      if (plan.after) result = render(plan.after);
    }
    if (result instanceof Response) record.status = result.status;
    return result;
  }

  function hostedNamed(name: string): HostedPlatform {
    const platform = hosted.get(name);
    if (!platform) {
      throw new RangeError(
        `This sandbox hosts no platform named '${name}' (it hosts: ${[...hosted.keys()].join(', ')}).`,
      );
    }
    return platform;
  }

  const sandbox: Sandbox = {
    handle: (request) => {
      const origin = new URL(request.url).origin;
      const loopback = [...hosted.values()].map((platform) => ({
        hosted: platform,
        urls: loopbackUrls(platform, origin),
      }));
      return dispatch(request, [...mounts, ...loopback]);
    },
    handlers: (baseUrls = {}) => {
      for (const name of Object.keys(baseUrls)) hostedNamed(name);
      return [...hosted.values()].flatMap((platform) => {
        const urls = withUrls(platform.definition, baseUrls[platform.definition.name]);
        const mount: Mount = { hosted: platform, urls };
        const known = mounts.some(
          (other) => other.hosted === platform && JSON.stringify(other.urls) === JSON.stringify(urls),
        );
        if (!known) mounts.push(mount);
        return mountHandlers(urls, (request) => dispatch(request, [mount]));
      });
    },
    platforms: [...hosted.keys()],
    controls: <Controls>(platform: SandboxPlatform<Controls>) =>
      hostedNamed(platform.name).instance.controls as Controls,
    get zoom() {
      return hostedNamed('zoom').instance.controls as ZoomSandboxControls;
    },
    loopbackUrls: (origin) =>
      Object.fromEntries(
        [...hosted.values()].map((platform) => [platform.definition.name, loopbackUrls(platform, origin)]),
      ),
    environment: (urls = {}) => {
      const variables: Record<string, string> = {};
      for (const platform of hosted.values()) {
        const at = urls[platform.definition.name] ?? platform.definition.urls;
        Object.assign(variables, platform.instance.environment?.(at));
      }
      return variables;
    },
    faults: { add: (rule) => faults.add(rule), clear: () => faults.clear() },
    get requests() {
      return requests;
    },
    clearRequests: () => {
      requests = [];
    },
    webhooks: {
      deliveries,
      settled: async () => {
        await Promise.all([...dispatchers.values()].map((dispatcher) => dispatcher.settled()));
      },
      validate: async (name) => {
        const scheme = hostedNamed(name).definition.webhooks;
        const target = options.webhooks?.[name];
        if (!scheme?.challenge || !target) {
          throw new RangeError(
            `webhooks.${name}: no webhook URL is configured, or the platform has no challenge.`,
          );
        }
        const token = Math.floor(Math.random() * 2 ** 48).toString(36);
        const body = scheme.challenge.body(token);
        try {
          const response = await fetch(target.url, {
            method: 'POST',
            headers: scheme.sign(body, target.secret, now()),
            body,
            signal: AbortSignal.timeout(target.deadlineMs ?? scheme.deadlineMs),
          });
          const answer: unknown = await response.json().catch(() => undefined);
          const valid = response.status === 200 && scheme.challenge.accepts(answer, token, target.secret);
          return { valid, status: response.status };
        } catch {
          return { valid: false, status: undefined };
        }
      },
      stop: () => {
        for (const dispatcher of dispatchers.values()) dispatcher.stop();
      },
    },
  };
  return sandbox;
}
