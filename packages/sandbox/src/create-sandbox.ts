import type { RequestHandler } from 'msw';
import { FaultEngine } from './faults/fault-engine';
import type { FaultRule } from './faults/fault-rule';
import { TokenBucket } from './faults/token-bucket';
import { json } from './internal/json';
import type { Platform, PlatformMount } from './internal/platform';
import { mulberry32 } from './internal/prng';
import { sleep } from './internal/sleep';
import { mountHandlers } from './msw/msw-handlers';
import type { RequestRecord } from './request-record';
import type { SandboxBaseUrls, SandboxOptions, ZoomRateLimits } from './sandbox-options';
import type { SandboxResult } from './sandbox-result';
import type { ZoomSandboxControls } from './zoom/zoom-controls';
import { ZOOM_API_BASE_URL, ZOOM_OAUTH_URL, ZOOM_SANDBOX_CREDENTIALS } from './zoom/zoom-defaults';
import { type ZoomBuckets, zoomPlatform } from './zoom/zoom-platform';
import { ZoomStore } from './zoom/zoom-store';

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
   * Answers one request. Zoom is served at its real URLs, at any URLs passed to `handlers()`, and at `/zoom/v2`
   * and `/zoom/oauth/token` on any origin (the loopback server's layout).
   */
  handle(request: Request): Promise<SandboxResult>;
  /** msw handlers serving this sandbox; default URLs are the platforms' real ones. */
  handlers(baseUrls?: SandboxBaseUrls): RequestHandler[];
  /** Controls of the in-memory Zoom. */
  readonly zoom: ZoomSandboxControls;
  /** Fault rules. */
  readonly faults: SandboxFaults;
  /** Every request received so far, in arrival order. */
  readonly requests: readonly RequestRecord[];
  /** Forgets the recorded requests. */
  clearRequests(): void;
}

type MutableRecord = { -readonly [K in keyof RequestRecord]: RequestRecord[K] };

function zoomMount(baseUrls?: SandboxBaseUrls): PlatformMount {
  return {
    baseUrl: baseUrls?.zoom?.baseUrl ?? ZOOM_API_BASE_URL,
    oauthUrl: baseUrls?.zoom?.oauthUrl ?? ZOOM_OAUTH_URL,
  };
}

function ownRateLimits(limits: ZoomRateLimits | undefined, now: number): ZoomBuckets {
  const buckets: ZoomBuckets = {};
  for (const label of ['light', 'medium', 'heavy'] as const) {
    const limit = limits?.[label];
    if (limit === undefined) continue;
    if (!(limit > 0)) throw new RangeError(`rate limit ${label} must be a positive number`);
    buckets[label] = new TokenBucket(limit, now);
  }
  return buckets;
}

/**
 * Creates a sandbox: an in-memory Zoom master account with fault injection, rate limits and a request log.
 *
 * @example
 * ```ts
 * const sandbox = createSandbox({ seed: 7 });
 * const server = setupServer(...sandbox.handlers());
 * sandbox.faults.add({ path: '/v2/accounts', fault: { kind: 'reset' }, times: 1 });
 * ```
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const seed = options.seed ?? 1;
  const now = options.now ?? Date.now;
  const faults = new FaultEngine(mulberry32(seed), options.faults);
  const store = new ZoomStore({
    credentials: { ...ZOOM_SANDBOX_CREDENTIALS, ...options.zoom?.credentials },
    tokenTtlSeconds: options.zoom?.tokenTtlSeconds ?? 3600,
    now,
    random: mulberry32(seed ^ 0x9e3779b9),
  });
  let tracking = 0;
  const zoom: Platform = zoomPlatform({
    store,
    buckets: ownRateLimits(options.rateLimits?.zoom, now()),
    retryAfter: options.rateLimitRetryAfter ?? false,
    trackingId: () => `v=2.0;clid=sandbox;rid=WEB_${(++tracking).toString(16).padStart(32, '0')}`,
  });
  // Mounts `handle()` knows: Zoom's real URLs plus every mount served through `handlers()`.
  const mounts: PlatformMount[] = [zoomMount()];
  let requests: MutableRecord[] = [];

  async function dispatch(request: Request, mounts: readonly PlatformMount[]): Promise<SandboxResult> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    let resolved: ReturnType<Platform['resolve']>;
    for (const mount of mounts) {
      resolved = zoom.resolve(request, url, mount);
      if (resolved) break;
    }
    const path = resolved?.path ?? url.pathname;
    const record: MutableRecord = {
      method,
      path,
      platform: resolved?.platform,
      category: resolved?.category,
      status: undefined,
      fault: undefined,
      at: now(),
    };
    requests.push(record);
    if (!resolved) {
      record.status = 404;
      return json(404, { code: 404, message: 'No sandbox platform serves this URL.' });
    }
    const plan = faults.plan({
      platform: resolved.platform,
      category: resolved.category,
      method,
      path,
    });
    if (plan.latencyMs > 0) {
      record.fault = 'latency';
      await sleep(plan.latencyMs, request.signal);
    }
    // A `before` fault replaces the request; an `after` fault lets it run (its effects stay) and replaces the answer.
    let response: Response;
    if (plan.before) {
      record.fault = plan.before.kind;
      if (plan.before.kind === 'reset' || plan.before.kind === 'hang') return { kind: plan.before.kind };
      response = resolved.faultResponse(plan.before);
    } else {
      response = await resolved.execute();
      if (plan.after) {
        record.fault = plan.after.kind;
        if (plan.after.kind === 'reset' || plan.after.kind === 'hang') return { kind: plan.after.kind };
        response = resolved.faultResponse(plan.after);
      }
    }
    record.status = response.status;
    return response;
  }

  const sandbox: Sandbox = {
    handle: (request) => {
      const origin = new URL(request.url).origin;
      return dispatch(request, [
        ...mounts,
        { baseUrl: `${origin}/zoom/v2`, oauthUrl: `${origin}/zoom/oauth/token` },
      ]);
    },
    handlers: (baseUrls) => {
      const mount = zoomMount(baseUrls);
      if (!mounts.some((known) => known.baseUrl === mount.baseUrl && known.oauthUrl === mount.oauthUrl)) {
        mounts.push(mount);
      }
      return mountHandlers(mount, (request, served) => dispatch(request, [served]));
    },
    zoom: store,
    faults: { add: (rule) => faults.add(rule), clear: () => faults.clear() },
    get requests() {
      return requests;
    },
    clearRequests: () => {
      requests = [];
    },
  };
  return sandbox;
}
