import type { TokenBucket } from '../faults/token-bucket';
import type { PlatformUrls } from '../platform/platform-urls';
import type { SandboxPlatform, SandboxPlatformInstance } from '../platform/sandbox-platform';
import { pathOf } from './check-platform';

/** A platform hosted by one sandbox: its definition, its copy, its buckets and its loopback layout. */
export interface HostedPlatform {
  readonly definition: SandboxPlatform;
  readonly instance: SandboxPlatformInstance;
  /** Token buckets by rate-limit category; a missing category is unlimited. */
  readonly buckets: ReadonlyMap<string, TokenBucket>;
  /** Where each URL lives on the loopback server, e.g. `{ baseUrl: '/zoom/v2' }`. */
  readonly loopbackPaths: Readonly<Record<string, string>>;
}

/** One place a hosted platform is served: its URLs there. */
export interface Mount {
  readonly hosted: HostedPlatform;
  readonly urls: PlatformUrls;
}

/** A request URL matched to a mount. */
export interface MountMatch {
  readonly mount: Mount;
  /** Which URL of the mount. */
  readonly endpoint: string;
  /** The rest of the path, `''` or starting with `/`. */
  readonly subpath: string;
}

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
}

/** `origin + path` without the trailing slash: the form URLs are compared in. */
function comparable(url: string): string {
  const parsed = new URL(url);
  return parsed.origin + trimSlash(parsed.pathname);
}

/** Finds the mount URL a request URL is, or lies under; the longest URL wins. */
export function matchMount(url: URL, mounts: readonly Mount[]): MountMatch | undefined {
  const target = url.origin + trimSlash(url.pathname);
  let best: MountMatch | undefined;
  let bestLength = -1;
  for (const mount of mounts) {
    for (const [endpoint, value] of Object.entries(mount.urls)) {
      const base = comparable(value);
      if (base.length <= bestLength) continue;
      if (target === base) best = { mount, endpoint, subpath: '' };
      else if (target.startsWith(`${base}/`)) best = { mount, endpoint, subpath: target.slice(base.length) };
      else continue;
      bestLength = base.length;
    }
  }
  return best;
}

/** The canonical path of a matched request: the path of the platform's real URL, then the subpath. */
export function canonicalPath(match: MountMatch): string {
  const real = match.mount.hosted.definition.urls[match.endpoint] ?? '';
  return pathOf(real) + match.subpath || '/';
}

/** The URLs of a hosted platform on a loopback origin, e.g. `{ baseUrl: 'http://127.0.0.1:5000/zoom/v2' }`. */
export function loopbackUrls(hosted: HostedPlatform, origin: string): PlatformUrls {
  return Object.fromEntries(
    Object.entries(hosted.loopbackPaths).map(([endpoint, path]) => [endpoint, origin + path]),
  );
}

/** The URLs of a platform with some replaced; throws for a name the platform does not have. */
export function withUrls(
  platform: SandboxPlatform,
  overrides: Readonly<Record<string, string | undefined>> = {},
): PlatformUrls {
  const urls: Record<string, string> = { ...platform.urls };
  for (const [endpoint, value] of Object.entries(overrides)) {
    if (!(endpoint in platform.urls)) {
      throw new RangeError(
        `${platform.name} has no URL named '${endpoint}'; its URLs are: ${Object.keys(platform.urls).join(', ')}.`,
      );
    }
    if (value === undefined) continue;
    new URL(value); // throws a TypeError for a URL that is not absolute
    urls[endpoint] = value;
  }
  return urls;
}
