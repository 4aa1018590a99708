import type { ProvisionAccountInput } from '@channelkit/types';
import type { Sandbox } from '../create-sandbox';
import type { PlatformUrls } from '../platform/platform-urls';
import { zhumuSandboxPlatform } from '../zhumu/zhumu-platform';
import type { PlatformConformanceProfile } from './conformance-target';
import { mainlandChinaCustomer } from './customers';

const zhumu = zhumuSandboxPlatform();

/** What `zhumu(...)` takes to talk to the sandbox's Zhumu: the partner key and secret, the URL and the path prefix. */
export interface ZhumuConformanceConnection {
  /** Partner API key. */
  readonly apiKey: string;
  /** Partner API secret. */
  readonly apiSecret: string;
  /** The API's origin (msw: `https://api.zhumu.me`; loopback: `http://127.0.0.1:<port>/zhumu`). */
  readonly baseUrl: string;
  /** The path prefix, `/v3`. */
  readonly pathPrefix: string;
}

// GB 32100-2015 and GB 11714-1997, to give every conformance customer a Unified Social Credit Code of its own:
// Zhumu holds one enterprise per code, as a mainland company has one code.
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid code of an enterprise registered in Shanghai (`91310000`) whose organisation code is `n`, zero-padded. */
function creditCodeFor(n: number): string {
  const body = String(n).padStart(8, '0').slice(-8);
  let sum = 0;
  for (let index = 0; index < 8; index += 1) sum += Number(body[index]) * (ORGANISATION_WEIGHTS[index] ?? 0);
  const organisationCheck = 11 - (sum % 11);
  const first17 = `91310000${body}${organisationCheck === 10 ? 'X' : organisationCheck === 11 ? '0' : organisationCheck}`;
  let total = 0;
  for (let index = 0; index < 17; index += 1) {
    total += CODE_ALPHABET.indexOf(first17.charAt(index)) * (CODE_WEIGHTS[index] ?? 0);
  }
  return first17 + CODE_ALPHABET.charAt((31 - (total % 31)) % 31);
}

function url(urls: PlatformUrls): string {
  const value = urls.baseUrl;
  if (value === undefined) throw new Error('The Zhumu sandbox platform has no baseUrl.');
  return value;
}

/**
 * How the conformance suite drives the sandbox's Zhumu; the connection is what `zhumu(...)` takes. Its customers are
 * {@link mainlandChinaCustomer}s, each with a Unified Social Credit Code of its own (`n` is the organisation code).
 */
export const zhumuConformanceProfile: PlatformConformanceProfile<ZhumuConformanceConnection> = {
  partner: 'zhumu',
  sandboxPlatform: zhumu,
  createAccountRequest: { method: 'POST', path: /\/enterprise\/create$/ },
  getAccountRequest: { method: 'POST', path: /\/enterprise\/get$/ },
  connection: (urls: PlatformUrls, sandbox: Sandbox) => {
    const controls = sandbox.controls(zhumu);
    return { ...controls.credentials, baseUrl: url(urls), pathPrefix: controls.pathPrefix };
  },
  wrongCredentials: (connection) => {
    const secret = 'wrong-secret 0123456789~!';
    return {
      connection: { ...connection, apiSecret: secret },
      secrets: [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)],
    };
  },
  customer(n: number, seats?: number): ProvisionAccountInput {
    const customer = mainlandChinaCustomer(n, seats);
    return { ...customer, profile: { ...customer.profile, creditCode: creditCodeFor(n) } };
  },
  // Every Zhumu call is a POST, reads included: the write category tells them apart.
  isWrite: (request) => request.category === 'write',
  assignSeats(sandbox: Sandbox, accountId: string, count: number) {
    // On Zhumu a seat in use is one held by a user of the enterprise; the sandbox counts them.
    const controls = sandbox.controls(zhumu);
    const used = controls.getEnterprise(accountId)?.licence.seatsUsed ?? 0;
    controls.setSeatsUsed(accountId, used + count);
  },
};
