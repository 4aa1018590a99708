import type { PartnerAdapter } from '@channelkit/core';
import { umeetAccounts } from './internal/accounts';
import { createUmeetTransport } from './internal/create-transport';
import { umeetLicences } from './internal/licences';
import { umeetReferrals } from './internal/referrals';
import { resolveConnection } from './internal/resolve-connection';
import { UmeetScope } from './internal/scope';
import { UMEET_CAPABILITIES } from './umeet-capabilities';
import { UMEET_CUSTOMER_POLICY } from './umeet-customer-policy';
import type { UmeetOptions } from './umeet-options';
import { umeetWebhookSecrets, umeetWebhooks } from './webhooks/umeet-webhooks';

/**
 * The Systec Umeet adapter. Umeet publishes no API, so it speaks channelkit's Umeet contract v1 (see
 * docs/partners/umeet.md): OAuth 2.0 client credentials, JSON under a versioned base URL, RFC 9457 problem details,
 * `offset`/`limit` pages, `Idempotency-Key` on creates, provisioning answered `202 Accepted` with a status URL, and
 * flexible seats under a cap, changed with `ETag`/`If-Match`. Credentials come from the options or from
 * `UMEET_CLIENT_ID` and `UMEET_CLIENT_SECRET` (URLs from `UMEET_API_URL` and `UMEET_TOKEN_URL`); they are held in
 * closures, so neither `util.inspect` nor `JSON.stringify` of the adapter shows them. Umeet serves mainland-China
 * enterprises only (see {@link UMEET_CUSTOMER_POLICY}).
 *
 * @throws ConfigurationError when a credential is given neither as an option nor as an environment variable, or an
 * option is out of range.
 * @example
 * import { createClient } from '@channelkit/core';
 * import { umeet } from '@channelkit/umeet';
 *
 * const client = createClient(umeet()); // reads UMEET_CLIENT_ID and UMEET_CLIENT_SECRET
 * const account = await client.accounts.provision({ profile, admin, seats: 25 });
 */
export function umeet(options: UmeetOptions = {}): PartnerAdapter {
  const connection = resolveConnection(options, process.env);
  const scope = new UmeetScope(connection);
  return {
    partner: 'umeet',
    displayName: 'Systec Umeet',
    capabilities: UMEET_CAPABILITIES,
    customerPolicy: UMEET_CUSTOMER_POLICY,
    // Two partners sharing one idempotency store never see each other's keys.
    idempotencyScope: connection.clientId,
    createTransport: (settings) => createUmeetTransport(connection, scope, settings),
    accounts: umeetAccounts(scope),
    licences: umeetLicences(),
    referrals: umeetReferrals({ duplicateWindowMs: connection.referralDuplicateWindowMs, now: Date.now }),
    webhooks: umeetWebhooks(umeetWebhookSecrets(options.webhookSecret, process.env)),
  };
}
