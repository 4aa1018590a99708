import type { PartnerAdapter } from '@channelkit/core';
import { zoomAccounts } from './internal/accounts';
import { createZoomTransport } from './internal/create-transport';
import { zoomLicences } from './internal/licences';
import { resolveConnection } from './internal/resolve-connection';
import { zoomWebhookSecrets, zoomWebhooks } from './webhooks/zoom-webhooks';
import { ZOOM_CAPABILITIES } from './zoom-capabilities';
import { ZOOM_CUSTOMER_POLICY } from './zoom-customer-policy';
import { ZOOM_DEFAULT_PLAN, type ZoomOptions } from './zoom-options';

/**
 * The Zoom adapter: sub-accounts through Zoom's Master Account API and seats through its Billing API, authenticated
 * as a Server-to-Server OAuth app of the master account. Credentials come from the options or from
 * `ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID` and `ZOOM_CLIENT_SECRET` (and the URLs from `ZOOM_API_URL` and
 * `ZOOM_OAUTH_URL`); they are held in closures, so neither `util.inspect` nor `JSON.stringify` of the adapter shows
 * them. Zoom does not sell directly in mainland China: a profile with `country: 'CN'` is refused before any request
 * (see {@link ZOOM_CUSTOMER_POLICY}).
 *
 * @throws ConfigurationError when a credential is given neither as an option nor as an environment variable.
 * @example
 * import { createClient } from '@channelkit/core';
 * import { zoom } from '@channelkit/zoom';
 *
 * const client = createClient(zoom()); // reads ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET
 * const account = await client.accounts.provision({ profile, admin, seats: 25 });
 */
export function zoom(options: ZoomOptions = {}): PartnerAdapter {
  const connection = resolveConnection(options, process.env);
  const scope = { baseUrl: connection.baseUrl, defaultPlan: options.defaultPlan ?? ZOOM_DEFAULT_PLAN };
  const adapter: PartnerAdapter = {
    partner: 'zoom',
    displayName: 'Zoom',
    capabilities: ZOOM_CAPABILITIES,
    customerPolicy: ZOOM_CUSTOMER_POLICY,
    // Two masters sharing one idempotency store never see each other's keys.
    idempotencyScope: connection.accountId,
    createTransport: (settings) => createZoomTransport(connection, settings),
    accounts: zoomAccounts(scope),
    licences: zoomLicences(scope),
    webhooks: zoomWebhooks(zoomWebhookSecrets(options.webhookSecretToken, process.env)),
  };
  return adapter;
}
