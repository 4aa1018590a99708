import type { PartnerAdapter } from '@channelkit/core';
import { MAINLAND_CHINA_ENTERPRISE_POLICY } from '@channelkit/types';
import { zhumuAccounts } from './internal/accounts';
import { createZhumuTransport } from './internal/create-transport';
import { zhumuLicences } from './internal/licences';
import { resolveConnection } from './internal/resolve-connection';
import { zhumuWebhooks } from './webhooks/zhumu-webhooks';
import { ZHUMU_CAPABILITIES } from './zhumu-capabilities';
import { ZHUMU_DEFAULT_PLAN, type ZhumuOptions } from './zhumu-options';

/**
 * The Suirui Zhumu (随锐瞩目) adapter: enterprise accounts and their licences through Zhumu's partner API, form-encoded
 * `POST` requests to `https://api.zhumu.me/v3/...` carrying the partner's `api_key` and `api_secret`. The endpoints,
 * fields, statuses and error codes are channelkit's Zhumu contract v1 (docs/partners/zhumu.md); the style follows
 * Zhumu's public traces. Credentials come from the options or from `ZHUMU_API_KEY` and `ZHUMU_API_SECRET` (and the
 * URL from `ZHUMU_API_URL` and `ZHUMU_PATH_PREFIX`); they are held in closures, so neither `util.inspect` nor
 * `JSON.stringify` of the adapter shows them. Zhumu serves corporate customers registered in mainland China only:
 * the client refuses anyone else before any request (`MAINLAND_CHINA_ENTERPRISE_POLICY`).
 *
 * @throws ConfigurationError when a credential is given neither as an option nor as an environment variable, or a
 * URL, path prefix or rate limit is malformed.
 * @example
 * import { createClient } from '@channelkit/core';
 * import { zhumu } from '@channelkit/zhumu';
 *
 * const client = createClient(zhumu()); // reads ZHUMU_API_KEY and ZHUMU_API_SECRET
 * const account = await client.accounts.provision({ profile, admin, seats: 25 });
 */
export function zhumu(options: ZhumuOptions = {}): PartnerAdapter {
  const connection = resolveConnection(options, process.env);
  const scope = { apiUrl: connection.apiUrl, defaultPlan: options.defaultPlan ?? ZHUMU_DEFAULT_PLAN };
  return {
    partner: 'zhumu',
    displayName: 'Suirui Zhumu',
    capabilities: ZHUMU_CAPABILITIES,
    customerPolicy: MAINLAND_CHINA_ENTERPRISE_POLICY,
    // Two partner keys sharing one idempotency store never see each other's keys.
    idempotencyScope: connection.apiKey,
    createTransport: (settings) => createZhumuTransport(connection, settings),
    accounts: zhumuAccounts(scope),
    licences: zhumuLicences(),
    // Callbacks are signed with the api_secret; with a credentials provider, give it as the client's webhooks.secrets.
    webhooks: zhumuWebhooks(
      connection.credentials.kind === 'static' ? [connection.credentials.credentials.apiSecret] : [],
    ),
  };
}
