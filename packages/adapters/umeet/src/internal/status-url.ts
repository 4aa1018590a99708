// The status URL of a 202 comes from the platform's answer; the adapter requests it with the bearer token. A URL on
// another origin would carry that token elsewhere, and one outside the API would address something else: both are
// refused before anything is sent.

/** Contract v1: status URLs are `{baseUrl}/operations/{id}`. */
const OPERATION_PATH = /^\/operations\/[A-Za-z0-9_-]{1,128}$/;

/** Where to poll, relative to the base URL, or why the `Location` cannot be followed. */
export type StatusUrlCheck = { ok: true; path: string } | { ok: false; problem: string };

/**
 * Resolves a `Location` header against the request it answered and accepts it only on the API's own origin (scheme,
 * host and port), beneath the base URL's path, as `/operations/{id}`, without credentials, query or fragment.
 */
export function checkStatusUrl(
  baseUrl: string,
  location: string | undefined,
  requestUrl: string,
): StatusUrlCheck {
  if (location === undefined || location.trim() === '') {
    return { ok: false, problem: 'the 202 answer has no Location header' };
  }
  let target: URL;
  try {
    target = new URL(location.trim(), requestUrl);
  } catch {
    return { ok: false, problem: `its Location ${JSON.stringify(location)} is not a URL` };
  }
  const base = new URL(baseUrl);
  if (target.origin !== base.origin) {
    return {
      ok: false,
      problem: `its Location ${target.href} is not on the API's origin ${base.origin}, so it was not requested`,
    };
  }
  if (target.username !== '' || target.password !== '' || target.search !== '' || target.hash !== '') {
    return {
      ok: false,
      problem: `its Location ${target.href} carries credentials, a query or a fragment, so it was not requested`,
    };
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  const rest = target.pathname.startsWith(`${basePath}/`)
    ? target.pathname.slice(basePath.length)
    : undefined;
  if (rest === undefined || !OPERATION_PATH.test(rest)) {
    return {
      ok: false,
      problem: `its Location ${target.href} is not an operation under ${baseUrl} (${baseUrl}/operations/{id}), so it was not requested`,
    };
  }
  return { ok: true, path: rest };
}
