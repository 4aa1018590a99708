import { ConfigurationError, type PartnerAdapter } from '@channelkit/core';
import { createZoomTransport } from '../internal/create-transport';
import { resolveConnection } from '../internal/resolve-connection';
import { zoomWebhookSecrets, zoomWebhooks } from '../webhooks/zoom-webhooks';
import { BasePlanCatalog } from './internal/catalog';
import { commerceAccounts } from './internal/commerce-accounts';
import { parseCommerceError } from './internal/commerce-errors';
import { commerceLicences } from './internal/commerce-licences';
import type { CommerceScope } from './internal/commerce-scope';
import { commerceReferrals } from './internal/deal-registrations';
import { ZOOM_COMMERCE_CAPABILITIES } from './zoom-commerce-capabilities';
import { ZOOM_COMMERCE_CUSTOMER_POLICY } from './zoom-commerce-customer-policy';
import {
  ZOOM_COMMERCE_DEFAULT_BASE_URL,
  ZOOM_COMMERCE_DEFAULT_OPPORTUNITY_TYPE,
  ZOOM_COMMERCE_DEFAULT_TERM,
  type ZoomCommerceOptions,
} from './zoom-commerce-options';

const DEFAULT_ACCOUNT_CREATION_TIMEOUT_MS = 60_000;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function checkScope(options: ZoomCommerceOptions): void {
  const currency = options.currency;
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    throw new ConfigurationError({
      option: 'currency',
      problem: `must be an ISO 4217 code such as 'USD' (got ${currency})`,
    });
  }
  const term = options.term;
  if (term !== undefined) {
    if (term.type !== 'TERMED' && term.type !== 'EVERGREEN') {
      throw new ConfigurationError({ option: 'term.type', problem: "must be 'TERMED' or 'EVERGREEN'" });
    }
    if (
      term.months !== undefined &&
      (!Number.isInteger(term.months) || term.months < 1 || term.months > 120)
    ) {
      throw new ConfigurationError({
        option: 'term.months',
        problem: 'must be a whole number of months from 1 to 120',
      });
    }
  }
  const timeout = options.accountCreationTimeoutMs;
  if (timeout !== undefined && (!Number.isFinite(timeout) || timeout < 0 || timeout > 3_600_000)) {
    throw new ConfigurationError({
      option: 'accountCreationTimeoutMs',
      problem: 'must be a number of milliseconds from 0 to 3600000',
    });
  }
}

/**
 * The Zoom adapter in Partner Commerce mode: Zoom's Commerce API, through which its distributors and resellers
 * create end-customer accounts, order subscriptions from Zoom's catalog, change seat quantities by amending them, and
 * register deals. Same credentials and transport as `zoom()` (a Server-to-Server OAuth app with Zoom's Commerce
 * scopes); its own capabilities (`ZOOM_COMMERCE_CAPABILITIES`) and base URL (`baseUrl`, else
 * `ZOOM_COMMERCE_API_URL`). Accounts are end customers keyed by their CRM account number; seats are the quantities
 * of the customer's base-plan subscription lines; referrals are deal registrations. Zoom does not sell directly in
 * mainland China: a `country: 'CN'` customer is refused before any request (see {@link ZOOM_COMMERCE_CUSTOMER_POLICY}).
 *
 * @throws ConfigurationError when a credential is given neither as an option nor as an environment variable, or an
 *   option is out of range.
 * @example
 * import { createClient } from '@channelkit/core';
 * import { zoomCommerce } from '@channelkit/zoom';
 *
 * const client = createClient(zoomCommerce({ defaultPlan: 'PL-ZW-BUSINESS-MONTHLY-USD' }));
 * const account = await client.accounts.provision({ profile, admin, seats: 25 }, { idempotencyKey: 'crm-4711' });
 * await client.licences.set(account.id, { seats: 40 });
 */
export function zoomCommerce(options: ZoomCommerceOptions = {}): PartnerAdapter {
  const env = process.env;
  checkScope(options);
  const baseUrl =
    nonEmpty(options.baseUrl) ?? nonEmpty(env.ZOOM_COMMERCE_API_URL) ?? ZOOM_COMMERCE_DEFAULT_BASE_URL;
  const connection = resolveConnection({ ...options, baseUrl }, env);
  const scope: CommerceScope = {
    baseUrl: connection.baseUrl,
    partnerId: connection.accountId,
    currency: options.currency ?? 'USD',
    defaultPlan: nonEmpty(options.defaultPlan),
    term: options.term ?? ZOOM_COMMERCE_DEFAULT_TERM,
    autoRenew: options.autoRenew ?? true,
    salesRep: nonEmpty(options.salesRepContactCrmNumber) ?? nonEmpty(env.ZOOM_COMMERCE_SALES_REP),
    opportunityType: nonEmpty(options.opportunityType) ?? ZOOM_COMMERCE_DEFAULT_OPPORTUNITY_TYPE,
    accountCreationTimeoutMs: options.accountCreationTimeoutMs ?? DEFAULT_ACCOUNT_CREATION_TIMEOUT_MS,
  };
  const catalog = new BasePlanCatalog();
  const adapter: PartnerAdapter = {
    partner: 'zoom',
    displayName: 'Zoom',
    capabilities: ZOOM_COMMERCE_CAPABILITIES,
    customerPolicy: ZOOM_COMMERCE_CUSTOMER_POLICY,
    // Separate from the Master Account mode of the same partner: the two modes' accounts and keys are not the same.
    idempotencyScope: `${connection.accountId}:commerce`,
    createTransport: (settings) => createZoomTransport(connection, settings, parseCommerceError),
    accounts: commerceAccounts(scope, catalog),
    licences: commerceLicences(scope, catalog),
    referrals: commerceReferrals(scope),
    webhooks: zoomWebhooks(zoomWebhookSecrets(options.webhookSecretToken, process.env)),
  };
  return adapter;
}
