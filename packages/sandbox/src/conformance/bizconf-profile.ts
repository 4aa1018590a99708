import { bizconfSandboxPlatform } from '../bizconf/bizconf-platform';
import type { Sandbox } from '../create-sandbox';
import type { PlatformUrls } from '../platform/platform-urls';
import type { PlatformConformanceProfile } from './conformance-target';
import { mainlandChinaCustomer } from './customers';

/** What `bizconf(...)` from `@channelkit/bizconf` takes to reach the sandbox: its application and URL, and fast polls. */
export interface BizconfSandboxConnection {
  /** Application id. */
  readonly appId: string;
  /** Application secret. */
  readonly appSecret: string;
  /** Base URL of the sandboxed Bizconf. */
  readonly baseUrl: string;
  /** Polls of provisioning tasks, fast enough for a sandbox whose tasks finish in milliseconds. */
  readonly provisioning: {
    /** Wait before the first poll, in milliseconds. */
    readonly pollIntervalMs: number;
    /** Longest wait between two polls, in milliseconds. */
    readonly maxPollIntervalMs: number;
  };
}

// Tasks finish 25 ms after they start, so provisioning waits for at least one poll, as it does on Bizconf.
const bizconf = bizconfSandboxPlatform({ provisioningDelayMs: 25 });

// GB 32100-2015 / GB 11714-1997, as in @channelkit/types, to make one valid credit code per customer.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A valid Unified Social Credit Code of a Shanghai enterprise, distinct for each `n` from 0 to 999999: Bizconf holds
 * one live account per credit code, so every conformance customer needs its own.
 */
export function mainlandCreditCode(n: number): string {
  const body = `MA${String(n).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += BASE36.indexOf(body.charAt(i)) * (ORGANISATION_WEIGHTS[i] ?? 0);
  const remainder = 11 - (sum % 11);
  const organisationCheck = remainder === 10 ? 'X' : remainder === 11 ? '0' : String(remainder);
  const first17 = `91310000${body}${organisationCheck}`;
  let total = 0;
  for (let i = 0; i < 17; i++) total += ALPHABET.indexOf(first17.charAt(i)) * (CODE_WEIGHTS[i] ?? 0);
  return first17 + ALPHABET.charAt((31 - (total % 31)) % 31);
}

function url(urls: PlatformUrls, name: string): string {
  const value = urls[name];
  if (value === undefined) throw new Error(`The Bizconf sandbox platform has no ${name}.`);
  return value;
}

/** How the conformance suite drives the in-memory Bizconf; the connection is what `bizconf(...)` takes. */
export const bizconfConformanceProfile: PlatformConformanceProfile<BizconfSandboxConnection> = {
  partner: 'bizconf',
  sandboxPlatform: bizconf,
  createAccountRequest: { method: 'POST', path: /\/openapi\/v1\/enterprises$/ },
  getAccountRequest: { method: 'GET', path: /\/openapi\/v1\/enterprises\/[^/]+$/ },
  connection: (urls: PlatformUrls, sandbox: Sandbox) => {
    const { appId, appSecret } = sandbox.controls(bizconf).credentials;
    return {
      appId,
      appSecret,
      baseUrl: url(urls, 'baseUrl'),
      provisioning: { pollIntervalMs: 10, maxPollIntervalMs: 40 },
    };
  },
  wrongCredentials: (connection) => {
    const secret = 'not-the-bizconf-secret-4f1e0c';
    return { connection: { ...connection, appSecret: secret }, secrets: [secret] };
  },
  // Bizconf serves mainland corporate customers; each gets its own credit code.
  customer: (n, seats) => {
    const customer = mainlandChinaCustomer(n, seats);
    return { ...customer, profile: { ...customer.profile, creditCode: mainlandCreditCode(n) } };
  },
  assignSeats(sandbox: Sandbox, accountId: string, count: number) {
    sandbox.controls(bizconf).assignSeats(accountId, count);
  },
};
