import type { PartnerAdapter } from '@channelkit/core';
import { MAINLAND_CHINA_ENTERPRISE_POLICY } from '@channelkit/types';
import { BIZCONF_CAPABILITIES } from './bizconf-capabilities';
import type { BizconfOptions } from './bizconf-options';
import { bizconfAccounts } from './internal/accounts';
import { createBizconfTransport } from './internal/create-transport';
import { bizconfLicences } from './internal/licences';
import { bizconfReferrals } from './internal/referrals';
import { resolveConnection } from './internal/resolve-connection';
import { BIZCONF_SYNC_SEAT_RULES } from './internal/sync-seat-rules';
import { bizconfWebhooks } from './webhooks/bizconf-webhooks';

/**
 * The Bizconf (会畅通讯) adapter: enterprise accounts and their annual seat commitments on Bizconf, the mainland China
 * platform that embeds Zoom technology, through channelkit's Bizconf contract v1 (Bizconf publishes no API, so the
 * contract is channelkit's: `docs/partners/bizconf.md`). Requests are signed with HMAC-SHA256; business errors arrive
 * in HTTP 200 envelopes and become typed errors; provisioning is asynchronous and waited for.
 *
 * Credentials come from the options or from `BIZCONF_APP_ID`, `BIZCONF_APP_SECRET` and `BIZCONF_BASE_URL`; they are
 * held in closures, so neither `util.inspect` nor `JSON.stringify` of the adapter shows them. Bizconf serves
 * corporate customers registered in mainland China, billed in CNY: the client refuses anyone else before any request
 * (`customerPolicy`).
 *
 * @throws ConfigurationError when a credential or the base URL is given neither as an option nor as an environment
 * variable, or an option is out of range.
 * @example
 * import { createClient } from '@channelkit/core';
 * import { bizconf } from '@channelkit/bizconf';
 *
 * const client = createClient(bizconf()); // reads BIZCONF_APP_ID, BIZCONF_APP_SECRET, BIZCONF_BASE_URL
 * const account = await client.accounts.provision({ profile, admin, seats: 25 }, { idempotencyKey: 'crm-4711' });
 */
export function bizconf(options: BizconfOptions = {}): PartnerAdapter {
  const { connection, scope } = resolveConnection(options, process.env);
  return {
    partner: 'bizconf',
    displayName: 'Bizconf',
    capabilities: BIZCONF_CAPABILITIES,
    customerPolicy: MAINLAND_CHINA_ENTERPRISE_POLICY,
    seatRules: BIZCONF_SYNC_SEAT_RULES,
    // Two applications sharing one idempotency store never see each other's keys.
    idempotencyScope: connection.appId,
    createTransport: (settings) => createBizconfTransport(connection, settings),
    accounts: bizconfAccounts(scope),
    licences: bizconfLicences(scope),
    referrals: bizconfReferrals(scope, { duplicateWindowMs: scope.referralDuplicateWindowMs, now: Date.now }),
    webhooks: bizconfWebhooks(connection.appId, [connection.appSecret]),
  };
}
