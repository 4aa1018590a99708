import type { SandboxPlatform } from '../platform/sandbox-platform';

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The path of a URL without its trailing slashes: `''` for the root. */
export function pathOf(url: string): string {
  return new URL(url).pathname.replace(/\/+$/, '');
}

/**
 * Checks a platform definition and returns where each of its URLs lives on the loopback server, under `/<name>`.
 * Throws a `TypeError` naming what to fix.
 */
export function checkPlatform(platform: SandboxPlatform): Readonly<Record<string, string>> {
  const { name } = platform;
  if (typeof name !== 'string' || !SLUG.test(name)) {
    throw new TypeError(
      `Sandbox platform name ${JSON.stringify(name)} must be a lowercase slug (letters, digits, single hyphens), e.g. 'acme-meetings'.`,
    );
  }
  const endpoints = Object.keys(platform.urls ?? {});
  if (endpoints.length === 0)
    throw new TypeError(`Sandbox platform '${name}' must declare at least one URL in urls.`);
  const loopback: Record<string, string> = {};
  const taken = new Map<string, string>();
  for (const endpoint of endpoints) {
    const url = platform.urls[endpoint] ?? '';
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new TypeError(
        `Sandbox platform '${name}': urls.${endpoint} must be an absolute URL, got ${JSON.stringify(url)}.`,
      );
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new TypeError(`Sandbox platform '${name}': urls.${endpoint} must be an http(s) URL.`);
    }
    const path = platform.loopbackPaths?.[endpoint] ?? pathOf(url);
    if (path !== '' && !path.startsWith('/')) {
      throw new TypeError(`Sandbox platform '${name}': loopbackPaths.${endpoint} must start with '/'.`);
    }
    const local = `/${name}${path.replace(/\/+$/, '')}`;
    const other = taken.get(local);
    if (other !== undefined) {
      throw new TypeError(
        `Sandbox platform '${name}': urls.${other} and urls.${endpoint} would both be served at ${local} on the loopback server; give one of them a path in loopbackPaths.`,
      );
    }
    taken.set(local, endpoint);
    loopback[endpoint] = local;
  }
  for (const endpoint of Object.keys(platform.loopbackPaths ?? {})) {
    if (!endpoints.includes(endpoint)) {
      throw new TypeError(`Sandbox platform '${name}': loopbackPaths.${endpoint} names no URL of urls.`);
    }
  }
  if (!Array.isArray(platform.rateLimitCategories)) {
    throw new TypeError(`Sandbox platform '${name}' must list its rateLimitCategories (may be empty).`);
  }
  if (typeof platform.create !== 'function') {
    throw new TypeError(`Sandbox platform '${name}' must have a create(context) function.`);
  }
  return loopback;
}
