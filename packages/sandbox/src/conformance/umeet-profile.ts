import type { Sandbox } from '../create-sandbox';
import type { PlatformUrls } from '../platform/platform-urls';
import { umeetSandboxPlatform } from '../umeet/umeet-platform';
import type { PlatformConformanceProfile } from './conformance-target';
import { mainlandChinaCustomer } from './customers';

const umeet = umeetSandboxPlatform();

function url(urls: PlatformUrls, name: string): string {
  const value = urls[name];
  if (value === undefined) throw new Error(`The Umeet sandbox platform has no ${name}.`);
  return value;
}

/** What `umeet(...)` from `@channelkit/umeet` takes to reach the sandbox: the partner's credentials and the URLs. */
export interface UmeetConformanceConnection {
  /** OAuth client id. */
  readonly clientId: string;
  /** OAuth client secret. */
  readonly clientSecret: string;
  /** API base URL. */
  readonly baseUrl: string;
  /** OAuth token URL. */
  readonly tokenUrl: string;
}

/** How the conformance suite drives the in-memory Systec Umeet; the connection is what `umeet(...)` takes. */
export const umeetConformanceProfile: PlatformConformanceProfile<UmeetConformanceConnection> = {
  partner: 'umeet',
  sandboxPlatform: umeet,
  createAccountRequest: { method: 'POST', path: /\/accounts$/ },
  getAccountRequest: { method: 'GET', path: /\/accounts\/[^/]+$/ },
  connection: (urls: PlatformUrls, sandbox: Sandbox) => {
    const { clientId, clientSecret } = sandbox.controls(umeet).credentials;
    return { clientId, clientSecret, baseUrl: url(urls, 'baseUrl'), tokenUrl: url(urls, 'tokenUrl') };
  },
  wrongCredentials: (connection) => {
    const secret = 'wrong-umeet-secret-0123456789';
    return {
      connection: { ...connection, clientSecret: secret },
      secrets: [secret, Buffer.from(`${connection.clientId}:${secret}`).toString('base64')],
    };
  },
  // Umeet serves mainland-China enterprises only.
  customer: mainlandChinaCustomer,
  assignSeats(sandbox: Sandbox, accountId: string, count: number) {
    // On Umeet an assigned seat is one held by a user of the account.
    sandbox.controls(umeet).assignSeats(accountId, count);
  },
};
