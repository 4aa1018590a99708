import { json } from '../internal/json';
import { invalidPageToken, validationFailed } from '../zoom/zoom-responses';
import { subscriptionMrr } from './commerce-orders-api';
import { amount, notFound } from './commerce-responses';
import type { CommerceCall } from './commerce-routes';
import type { CommerceStore, CustomerRecord, SubscriptionRecord, TermRecord } from './commerce-store';
import { commerceDate } from './commerce-store';
import { pageSizeOf, unknownParameters } from './commerce-validation';

const LIST_PARAMETERS = [
  'page_size',
  'next_page_token',
  'status',
  'end_customer_name',
  'end_customer_crm_account_number',
  'end_customer_zoom_account_number',
  'subscription_number',
];

function owner(customer: CustomerRecord | undefined) {
  return {
    crm_account_number: customer?.crmAccountNumber,
    account_name: customer?.accountName,
    ...(customer?.zoomAccountNumber === undefined ? {} : { zoom_account_number: customer.zoomAccountNumber }),
  };
}

function soldToEmail(
  customer: CustomerRecord | undefined,
  subscription: SubscriptionRecord,
): string | undefined {
  return customer?.contacts.find((contact) => contact.crmNumber === subscription.soldToContact)?.email;
}

/**
 * `GET /commerce/subscriptions`: the partner's subscriptions, paged by `next_page_token`. `status` filters by
 * `Active` or `Cancelled` (ignoring case). List entries have their own shape: `subscription_status`,
 * `subscription_owner`, `mrr.gross_amount`.
 */
export function listSubscriptions({ store, url }: CommerceCall): Response {
  const errors = unknownParameters(url, LIST_PARAMETERS);
  const size = pageSizeOf(url, 300, 30);
  if (typeof size !== 'number') errors.push(size);
  const status = url.searchParams.get('status');
  if (status !== null && !['active', 'cancelled'].includes(status.toLowerCase())) {
    errors.push({ field: 'status', message: 'status must be Active or Cancelled.' });
  }
  if (errors.length > 0 || typeof size !== 'number') return validationFailed(errors);
  const query = url.searchParams;
  const matching = store.subscriptions.filter((subscription) => {
    const customer = store.customer(subscription.crmAccountNumber);
    return (
      (status === null || subscription.status.toLowerCase() === status.toLowerCase()) &&
      (!query.has('subscription_number') || subscription.number === query.get('subscription_number')) &&
      (!query.has('end_customer_crm_account_number') ||
        subscription.crmAccountNumber === query.get('end_customer_crm_account_number')) &&
      (!query.has('end_customer_zoom_account_number') ||
        customer?.zoomAccountNumber === query.get('end_customer_zoom_account_number')) &&
      (!query.has('end_customer_name') ||
        (customer?.accountName.toLowerCase().includes((query.get('end_customer_name') ?? '').toLowerCase()) ??
          false))
    );
  });
  const scope = `subscriptions:${query.toString().replace(/(^|&)next_page_token=[^&]*/, '')}`;
  const page = store.pageByToken(scope, matching, size, query.get('next_page_token') || undefined);
  if (!page) return invalidPageToken();
  return json(200, {
    ...(page.nextPageToken === undefined ? {} : { next_page_token: page.nextPageToken }),
    subscription_list: page.items.map((subscription) => {
      const customer = store.customer(subscription.crmAccountNumber);
      const mrr = amount(subscriptionMrr(subscription));
      const email = soldToEmail(customer, subscription);
      return {
        subscription_number: subscription.number,
        subscription_status: subscription.status,
        subscription_owner: owner(customer),
        invoice_owner: owner(customer),
        start_date: subscription.startDate,
        ...(subscription.endDate === undefined ? {} : { end_date: subscription.endDate }),
        order_number: subscription.orderNumber,
        ...(email === undefined ? {} : { sold_to_email: email }),
        mrr: { gross_amount: mrr, net_amount: mrr, currency: subscription.currency },
        auto_renew: subscription.autoRenew,
        trade_screening: false,
      };
    }),
  });
}

function termJson(term: TermRecord) {
  return {
    term_type: term.termType,
    ...(term.termPeriod === undefined ? {} : { period_type: 'Month', term_period: term.termPeriod }),
    start_date: term.startDate,
    ...(term.endDate === undefined ? {} : { end_date: term.endDate }),
  };
}

function accountJson(customer: CustomerRecord | undefined) {
  if (!customer) return undefined;
  const address = customer.billingAddress;
  return {
    ...(customer.zoomAccountNumber === undefined ? {} : { zoom_account_number: customer.zoomAccountNumber }),
    crm_account_number: customer.crmAccountNumber,
    account_name: customer.accountName,
    address: {
      address_type: 'Billing',
      line_1: address.line1,
      city: address.city,
      ...(address.postalCode === undefined ? {} : { postal_code: address.postalCode }),
      state: address.state,
      country: address.country,
    },
  };
}

/** The current term: the initial one, or a renewal once the initial term has ended. */
function currentTerm(store: CommerceStore, subscription: SubscriptionRecord): TermRecord {
  const today = commerceDate(store.now());
  const { initialTerm, renewalTerm } = subscription;
  if (renewalTerm && initialTerm.endDate !== undefined && initialTerm.endDate <= today) return renewalTerm;
  return initialTerm;
}

/**
 * `GET /commerce/subscriptions/{subscriptionNumber}`: one subscription with its lines and quantities. Details have
 * their own shape: `status` (not `subscription_status`), `end_customer_account`, `mrr.amount`.
 */
export function getSubscription({ store, params }: CommerceCall): Response {
  const number = params[0] ?? '';
  const subscription = store.subscription(number);
  if (!subscription) return notFound('Subscription', number);
  const customer = store.customer(subscription.crmAccountNumber);
  const contact = customer?.contacts.find((candidate) => candidate.crmNumber === subscription.soldToContact);
  const contactJson = contact && {
    crm_contact_number: contact.crmNumber,
    first_name: contact.firstName,
    last_name: contact.lastName,
    email: contact.email,
  };
  const account = accountJson(customer);
  return json(200, {
    subscription_number: subscription.number,
    status: subscription.status,
    payment_term: 'Net 30',
    service_start_date: subscription.startDate,
    free_months_included: false,
    ...(subscription.dealRegNumber === undefined ? {} : { deal_reg_number: subscription.dealRegNumber }),
    ...(subscription.poNumber === undefined ? {} : { po_number: subscription.poNumber }),
    currency: subscription.currency,
    ...(account === undefined ? {} : { end_customer_account: account, invoice_owner_account: account }),
    initial_term: termJson(subscription.initialTerm),
    ...(subscription.renewalTerm === undefined ? {} : { renewal_term: termJson(subscription.renewalTerm) }),
    current_term: termJson(currentTerm(store, subscription)),
    auto_renew: subscription.autoRenew,
    start_date: subscription.startDate,
    ...(subscription.endDate === undefined ? {} : { end_date: subscription.endDate }),
    mrr: { amount: amount(subscriptionMrr(subscription)), currency: subscription.currency },
    ...(contactJson === undefined ? {} : { sold_to_contact: contactJson, bill_to_contact: contactJson }),
    subscription_lines: subscription.lines.map((line) => {
      const sale = { amount: line.unitPrice, currency: subscription.currency };
      return {
        offer_id: line.offerId,
        offer_name: line.offerName,
        sku: line.sku,
        offer_price_list_id: line.priceListId,
        offer_price_list_name: line.priceListName,
        quantity: line.quantity,
        start_date: line.startDate,
        ...(line.endDate === undefined ? {} : { end_date: line.endDate }),
        status: line.status,
        charges: [
          {
            charge_model: 'Per Unit Pricing',
            charge_type: 'Recurring',
            sale_price: sale,
            net_price: sale,
            net_amount: { amount: amount(line.quantity * line.unitPrice), currency: subscription.currency },
          },
        ],
        offer_attributes: [],
      };
    }),
    created_date: commerceDate(subscription.createdAt),
    updated_date: commerceDate(subscription.updatedAt),
  });
}

/** `GET /commerce/subscriptions/{subscriptionNumber}/versions`: the subscription's change history. */
export function getSubscriptionVersions({ store, params }: CommerceCall): Response {
  const number = params[0] ?? '';
  const subscription = store.subscription(number);
  if (!subscription) return notFound('Subscription', number);
  const last = subscription.versions.length;
  return json(200, {
    subscription_number: subscription.number,
    status: subscription.status,
    start_date: subscription.startDate,
    ...(subscription.endDate === undefined ? {} : { end_date: subscription.endDate }),
    subscription_versions: subscription.versions.map((version, index) => ({
      sequence: index + 1,
      version: version.version,
      latest_version: version.version === last,
      action: version.actions,
      start_date: version.startDate,
      mrr: amount(version.mrr),
      currency: subscription.currency,
    })),
  });
}
