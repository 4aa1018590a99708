import type { Sandbox } from '../create-sandbox';
import type { PlatformUrls } from '../platform/platform-urls';
import type { RunningZoomCredentials } from '../server/start-sandbox';
import { zoomSandboxPlatform } from '../zoom/zoom-platform';
import type { PlatformConformanceProfile } from './conformance-target';
import { internationalCustomer } from './customers';

const zoom = zoomSandboxPlatform();

function url(urls: PlatformUrls, name: string): string {
  const value = urls[name];
  if (value === undefined) throw new Error(`The Zoom sandbox platform has no ${name}.`);
  return value;
}

/** How the conformance suite drives the in-memory Zoom; the connection is what `zoom(...)` takes. */
export const zoomConformanceProfile: PlatformConformanceProfile<RunningZoomCredentials> = {
  partner: 'zoom',
  sandboxPlatform: zoom,
  createAccountRequest: { method: 'POST', path: /\/accounts$/ },
  getAccountRequest: { method: 'GET', path: /\/accounts\/[^/]+$/ },
  connection: (urls: PlatformUrls, sandbox: Sandbox) => {
    const { accountId, clientId, clientSecret } = sandbox.controls(zoom).credentials;
    return {
      accountId,
      clientId,
      clientSecret,
      baseUrl: url(urls, 'baseUrl'),
      oauthUrl: url(urls, 'oauthUrl'),
    };
  },
  wrongCredentials: (connection) => {
    const secret = 'wrong-secret-0123456789';
    return {
      connection: { ...connection, clientSecret: secret },
      secrets: [secret, Buffer.from(`${connection.clientId}:${secret}`).toString('base64')],
    };
  },
  // Zoom does not sell directly in mainland China, so its customer is registered elsewhere.
  customer: internationalCustomer,
  assignSeats(sandbox: Sandbox, accountId: string, count: number) {
    // On Zoom an assigned seat is a user of licence type 2 (Licensed) on the sub-account.
    for (let index = 0; index < count; index += 1) {
      sandbox
        .controls(zoom)
        .addUser(accountId, { email: `licensed-${index}@${accountId}.example.com`, type: 2 });
    }
  },
};
