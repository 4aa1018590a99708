import { json, readJsonObject } from '../internal/json';
import { invalidBody, validationFailed } from '../zoom/zoom-responses';
import { findPriceList, monthlyUnitPrice, type PricedOffer } from './commerce-catalog';
import {
  addMonths,
  amount,
  type BusinessError,
  businessError,
  notFound,
  refusedWrite,
} from './commerce-responses';
import type { CommerceCall } from './commerce-routes';
import {
  type CommerceStore,
  type CustomerRecord,
  commerceDate,
  type LineRecord,
  type OrderRecord,
  type SubscriptionRecord,
  type TermRecord,
} from './commerce-store';
import { BodyReader, pageNumberOf, pageSizeOf, unknownParameters } from './commerce-validation';

// --- reading the order body --------------------------------------------------------------------------------------

interface OfferLine {
  priceListId: string;
  quantity: number;
  startDate: string | undefined;
}

interface CreateRequest {
  crmAccountNumber: string;
  soldTo: string;
  initialTerm: TermRecord;
  renewalTerm: TermRecord | undefined;
  currency: string;
  autoRenew: boolean;
  offers: OfferLine[];
  addOns: OfferLine[];
}

interface AmendRequest {
  subscriptionNumber: string | undefined;
  zoomAccountNumber: string | undefined;
  offers: OfferLine[];
  addOns: OfferLine[];
  upgrades: { from: string; to: string; quantity: number | undefined; startDate: string }[];
  removals: { priceListId: string; endDate: string }[];
  updates: { priceListId: string; quantity: number | undefined; startDate: string }[];
  cancel: { reason: string; on: string | undefined } | undefined;
  autoRenew: boolean | undefined;
  soldTo: string | undefined;
}

interface OrderRequest {
  orderType: string;
  description: string | undefined;
  dealRegNumber: string | undefined;
  orderDate: string;
  poNumber: string | undefined;
  creates: CreateRequest[];
  amends: AmendRequest[];
}

const TERM_TYPES = ['TERMED', 'EVERGREEN'];

function readTerm(
  reader: BodyReader,
  source: Record<string, unknown>,
  field: string,
  path: string,
  today: string,
) {
  const term = reader.object(source, field, path, field === 'initial_term');
  if (!term) return undefined;
  const termType = reader.text(term, 'term_type', `${path}.term_type`, { required: true });
  if (termType !== undefined && !TERM_TYPES.includes(termType)) {
    reader.fail(`${path}.term_type`, `term_type must be one of: ${TERM_TYPES.join(', ')}.`);
  }
  const termPeriod = reader.number(term, 'term_period', `${path}.term_period`, { integer: true, min: 1 });
  if (termType === 'TERMED' && termPeriod === undefined && term.end_date === undefined) {
    reader.fail(`${path}.term_period`, `${path}.term_period is required for a TERMED term.`);
  }
  const startDate = reader.date(term, 'start_date', `${path}.start_date`) ?? today;
  const endDate =
    reader.date(term, 'end_date', `${path}.end_date`) ??
    (termType === 'TERMED' && termPeriod !== undefined ? addMonths(startDate, termPeriod) : undefined);
  return { termType: termType ?? '', termPeriod, startDate, endDate } satisfies TermRecord;
}

function readOfferLines(reader: BodyReader, source: Record<string, unknown>, field: string, path: string) {
  return (reader.objects(source, field, path) ?? []).map((line, index) => {
    const at = `${path}[${index}]`;
    reader.text(line, 'partner_sku_code', `${at}.partner_sku_code`);
    return {
      priceListId:
        reader.text(line, 'offer_price_list_id', `${at}.offer_price_list_id`, { required: true }) ?? '',
      quantity: reader.number(line, 'quantity', `${at}.quantity`, { integer: true, min: 1 }) ?? 1,
      startDate: reader.date(line, 'start_date', `${at}.start_date`),
    };
  });
}

/** Reads and checks an order body; `undefined` with `reader.errors` filled when it is malformed. */
function readOrder(
  reader: BodyReader,
  body: Record<string, unknown>,
  today: string,
): OrderRequest | undefined {
  const header = reader.object(body, 'header', 'header', true);
  const orderType = (header && reader.text(header, 'order_type', 'header.order_type')) ?? 'sale';
  if (orderType !== 'sale') {
    reader.fail('header.order_type', "The channelkit sandbox models order_type 'sale' only.");
  }
  const orderDate = header ? reader.date(header, 'order_date', 'header.order_date', true) : undefined;
  const description =
    header && reader.text(header, 'order_description', 'header.order_description', { max: 500 });
  const dealRegNumber = header && reader.text(header, 'deal_reg_number', 'header.deal_reg_number');
  const poNumber = header && reader.text(header, 'po_number', 'header.po_number', { max: 100 });
  if (header) reader.objects(header, 'additional_attributes', 'header.additional_attributes');

  const creates = (reader.objects(body, 'create_subscriptions', 'create_subscriptions') ?? []).map(
    (entry, index): CreateRequest => {
      const path = `create_subscriptions[${index}]`;
      for (const unmodelled of ['sub_reseller', 'free_months_reason_code']) {
        if (entry[unmodelled] !== undefined) {
          reader.fail(`${path}.${unmodelled}`, `${unmodelled} is not supported by the channelkit sandbox.`);
        }
      }
      const offers = readOfferLines(reader, entry, 'add_offers', `${path}.add_offers`);
      const addOns = readOfferLines(reader, entry, 'add_add_ons', `${path}.add_add_ons`);
      if (offers.length + addOns.length === 0)
        reader.fail(`${path}.add_offers`, 'add_offers or add_add_ons is required.');
      return {
        crmAccountNumber:
          reader.text(entry, 'end_customer_crm_account_number', `${path}.end_customer_crm_account_number`, {
            required: true,
          }) ?? '',
        soldTo:
          reader.text(entry, 'sold_to_crm_contact_number', `${path}.sold_to_crm_contact_number`, {
            required: true,
          }) ?? '',
        initialTerm: readTerm(reader, entry, 'initial_term', `${path}.initial_term`, today) ?? {
          termType: '',
          termPeriod: undefined,
          startDate: today,
          endDate: undefined,
        },
        renewalTerm: readTerm(reader, entry, 'renewal_term', `${path}.renewal_term`, today),
        currency: reader.text(entry, 'currency', `${path}.currency`, { required: true }) ?? '',
        autoRenew: reader.boolean(entry, 'auto_renew', `${path}.auto_renew`) ?? false,
        offers,
        addOns,
      };
    },
  );

  const amends = (reader.objects(body, 'amend_subscriptions', 'amend_subscriptions') ?? []).map(
    (entry, index): AmendRequest => {
      const path = `amend_subscriptions[${index}]`;
      const subscriptionNumber = reader.text(entry, 'subscription_number', `${path}.subscription_number`);
      const zoomAccountNumber = reader.text(entry, 'zoom_account_number', `${path}.zoom_account_number`);
      if (subscriptionNumber === undefined && zoomAccountNumber === undefined) {
        reader.fail(`${path}.subscription_number`, 'subscription_number or zoom_account_number is required.');
      }
      if (entry.renew_subscription !== undefined) {
        reader.fail(
          `${path}.renew_subscription`,
          'renew_subscription is not supported by the channelkit sandbox.',
        );
      }
      const cancel = reader.object(entry, 'cancel_subscription', `${path}.cancel_subscription`);
      const update = reader.object(entry, 'update_subscription', `${path}.update_subscription`);
      return {
        subscriptionNumber,
        zoomAccountNumber,
        offers: readOfferLines(reader, entry, 'add_offers', `${path}.add_offers`),
        addOns: readOfferLines(reader, entry, 'add_add_ons', `${path}.add_add_ons`),
        upgrades: (reader.objects(entry, 'upgrade_offers', `${path}.upgrade_offers`) ?? []).map(
          (line, at) => ({
            from:
              reader.text(
                line,
                'old_offer_price_list_id',
                `${path}.upgrade_offers[${at}].old_offer_price_list_id`,
                {
                  required: true,
                },
              ) ?? '',
            to:
              reader.text(
                line,
                'new_offer_price_list_id',
                `${path}.upgrade_offers[${at}].new_offer_price_list_id`,
                {
                  required: true,
                },
              ) ?? '',
            quantity: reader.number(line, 'quantity', `${path}.upgrade_offers[${at}].quantity`, {
              integer: true,
              min: 1,
            }),
            startDate:
              reader.date(line, 'start_date', `${path}.upgrade_offers[${at}].start_date`, true) ?? today,
          }),
        ),
        removals: (reader.objects(entry, 'remove_offers', `${path}.remove_offers`) ?? []).map((line, at) => ({
          priceListId:
            reader.text(line, 'offer_price_list_id', `${path}.remove_offers[${at}].offer_price_list_id`, {
              required: true,
            }) ?? '',
          endDate: reader.date(line, 'end_date', `${path}.remove_offers[${at}].end_date`, true) ?? today,
        })),
        updates: (reader.objects(entry, 'update_offers', `${path}.update_offers`) ?? []).map((line, at) => ({
          priceListId:
            reader.text(line, 'offer_price_list_id', `${path}.update_offers[${at}].offer_price_list_id`, {
              required: true,
            }) ?? '',
          quantity: reader.number(line, 'quantity', `${path}.update_offers[${at}].quantity`, {
            integer: true,
            min: 1,
          }),
          startDate:
            reader.date(line, 'start_date', `${path}.update_offers[${at}].start_date`, true) ?? today,
        })),
        cancel: cancel && {
          reason:
            reader.text(cancel, 'cancel_reason', `${path}.cancel_subscription.cancel_reason`, {
              required: true,
            }) ?? '',
          on: reader.date(cancel, 'cancel_on', `${path}.cancel_subscription.cancel_on`),
        },
        autoRenew: update && reader.boolean(update, 'auto_renew', `${path}.update_subscription.auto_renew`),
        soldTo:
          update &&
          reader.text(
            update,
            'sold_to_crm_contact_number',
            `${path}.update_subscription.sold_to_crm_contact_number`,
          ),
      };
    },
  );
  if (creates.length + amends.length === 0) {
    reader.fail('create_subscriptions', 'create_subscriptions or amend_subscriptions is required.');
  }
  if (reader.errors.length > 0 || orderDate === undefined) return undefined;
  return { orderType, description, dealRegNumber, orderDate, poNumber, creates, amends };
}

// --- evaluating it -----------------------------------------------------------------------------------------------

/** What an order would change about one line, for previews. */
interface ItemMetric {
  priced: PricedOffer;
  quantityDelta: number;
}

/** What an order would do to one subscription: checked, with its figures, and a function that makes the change. */
interface Effect {
  subscriptionNumber: string | undefined;
  customer: CustomerRecord;
  currency: string;
  termMonths: number;
  mrrDelta: number;
  items: ItemMetric[];
  apply(
    orderNumber: string,
    poNumber: string | undefined,
    dealRegNumber: string | undefined,
  ): SubscriptionRecord;
}

function termMonths(term: TermRecord): number {
  return term.termType === 'TERMED' ? (term.termPeriod ?? 12) : 1;
}

function lineOf(priced: PricedOffer, quantity: number, startDate: string): LineRecord {
  return {
    offerId: priced.offer.id,
    offerName: priced.offer.name,
    offerType: priced.offer.type,
    sku: priced.offer.sku,
    priceListId: priced.priceList.id,
    priceListName: priced.priceList.name,
    partnerSkuCode: priced.priceList.partnerSkuCode,
    quantity,
    unitPrice: priced.priceList.unitPrice,
    billingPeriod: priced.priceList.billingPeriod,
    startDate,
    endDate: undefined,
    status: 'Active',
  };
}

/** Monthly recurring revenue of a subscription's active lines, in major units. */
export function subscriptionMrr(subscription: SubscriptionRecord): number {
  return subscription.lines
    .filter((line) => line.status === 'Active')
    .reduce(
      (sum, line) =>
        sum + line.quantity * (line.billingPeriod === 'Annual' ? line.unitPrice / 12 : line.unitPrice),
      0,
    );
}

function hasActiveBasePlan(store: CommerceStore, crmAccountNumber: string): boolean {
  return store.subscriptions.some(
    (subscription) =>
      subscription.crmAccountNumber === crmAccountNumber &&
      subscription.status === 'Active' &&
      subscription.lines.some((line) => line.status === 'Active' && line.offerType === 'Base Plan'),
  );
}

/** Checks a price list for a line: known, of the right kind, in the currency. */
function priceFor(
  errors: BusinessError[],
  id: string,
  kind: 'Base Plan' | 'Add-on',
  currency: string,
): PricedOffer | undefined {
  const priced = findPriceList(id);
  if (!priced) {
    errors.push(businessError('PRICE_LIST_NOT_FOUND', `The offer price list ${id} is not in your catalog.`));
    return undefined;
  }
  if (priced.offer.type !== kind) {
    const where = priced.offer.type === 'Base Plan' ? 'add_offers' : 'add_add_ons';
    errors.push(
      businessError(
        'OFFER_TYPE_MISMATCH',
        `${priced.offer.name} (${id}) is ${priced.offer.type === 'Base Plan' ? 'a base plan' : 'an add-on'}: order it with ${where}.`,
      ),
    );
    return undefined;
  }
  if (priced.priceList.currency !== currency) {
    errors.push(
      businessError(
        'CURRENCY_MISMATCH',
        `The price list ${id} is in ${priced.priceList.currency}, the subscription in ${currency}.`,
      ),
    );
    return undefined;
  }
  return priced;
}

function belowAssigned(errors: BusinessError[], customer: CustomerRecord, quantity: number): boolean {
  if (quantity >= customer.licensedUsers) return false;
  errors.push(
    businessError(
      'QUANTITY_BELOW_ASSIGNED',
      `The quantity (${quantity}) cannot be less than the number of licensed users (${customer.licensedUsers}) of Zoom account ${customer.zoomAccountNumber ?? ''}.`,
    ),
  );
  return true;
}

function evaluateCreate(
  store: CommerceStore,
  create: CreateRequest,
  errors: BusinessError[],
): Effect | undefined {
  const customer = store.customer(create.crmAccountNumber);
  if (!customer) {
    const pending = store.customers.some(
      (candidate) =>
        candidate.createReferenceId === create.crmAccountNumber && candidate.crmAccountNumber === undefined,
    );
    errors.push(
      businessError(
        pending ? 'ACCOUNT_PENDING' : 'ACCOUNT_NOT_FOUND',
        pending
          ? `The account ${create.crmAccountNumber} is still being created.`
          : `The end customer account ${create.crmAccountNumber} does not exist.`,
      ),
    );
    return undefined;
  }
  const failures = errors.length;
  if (!customer.contacts.some((contact) => contact.crmNumber === create.soldTo)) {
    errors.push(
      businessError(
        'CONTACT_NOT_FOUND',
        `The contact ${create.soldTo} is not a contact of ${customer.crmAccountNumber}.`,
      ),
    );
  }
  if (create.currency !== customer.currency) {
    errors.push(
      businessError(
        'CURRENCY_MISMATCH',
        `The subscription currency ${create.currency} is not the account currency ${customer.currency}.`,
      ),
    );
  }
  const offers = create.offers.map((line) => ({
    line,
    priced: priceFor(errors, line.priceListId, 'Base Plan', create.currency),
  }));
  const addOns = create.addOns.map((line) => ({
    line,
    priced: priceFor(errors, line.priceListId, 'Add-on', create.currency),
  }));
  if (offers.length > 1)
    errors.push(businessError('BASE_PLAN_EXISTS', 'A subscription can hold one base plan.'));
  if (offers.length > 0 && hasActiveBasePlan(store, customer.crmAccountNumber as string)) {
    errors.push(
      businessError(
        'BASE_PLAN_EXISTS',
        `The account ${customer.crmAccountNumber} already has an active base plan subscription; amend it instead.`,
      ),
    );
  }
  if (errors.length > failures) return undefined;
  const lines = [...offers, ...addOns].map(({ line, priced }) =>
    lineOf(priced as PricedOffer, line.quantity, line.startDate ?? create.initialTerm.startDate),
  );
  const items = [...offers, ...addOns].map(({ line, priced }) => ({
    priced: priced as PricedOffer,
    quantityDelta: line.quantity,
  }));
  return {
    subscriptionNumber: undefined,
    customer,
    currency: create.currency,
    termMonths: termMonths(create.initialTerm),
    mrrDelta: items.reduce(
      (sum, item) => sum + item.quantityDelta * monthlyUnitPrice(item.priced.priceList),
      0,
    ),
    items,
    apply(orderNumber, poNumber, dealRegNumber) {
      const now = store.now();
      const subscription: SubscriptionRecord = {
        number: store.nextSubscriptionNumber(),
        status: 'Active',
        crmAccountNumber: customer.crmAccountNumber as string,
        soldToContact: create.soldTo,
        currency: create.currency,
        autoRenew: create.autoRenew,
        initialTerm: create.initialTerm,
        renewalTerm: create.renewalTerm,
        startDate: create.initialTerm.startDate,
        endDate: create.initialTerm.endDate,
        orderNumber,
        poNumber,
        dealRegNumber,
        lines,
        versions: [],
        createdAt: now,
        updatedAt: now,
      };
      subscription.versions.push({
        version: 1,
        actions: ['CreateSubscription'],
        startDate: subscription.startDate,
        mrr: subscriptionMrr(subscription),
      });
      store.zoomAccountFor(customer);
      store.subscriptions.push(subscription);
      return subscription;
    },
  };
}

function evaluateAmend(
  store: CommerceStore,
  amend: AmendRequest,
  errors: BusinessError[],
  today: string,
): Effect | undefined {
  const subscription =
    amend.subscriptionNumber !== undefined
      ? store.subscription(amend.subscriptionNumber)
      : store.subscriptions.find(
          (candidate) =>
            candidate.status === 'Active' &&
            store.customer(candidate.crmAccountNumber)?.zoomAccountNumber === amend.zoomAccountNumber,
        );
  const key = amend.subscriptionNumber ?? amend.zoomAccountNumber ?? '';
  if (!subscription) {
    errors.push(businessError('SUBSCRIPTION_NOT_FOUND', `The subscription ${key} does not exist.`));
    return undefined;
  }
  if (subscription.status !== 'Active') {
    errors.push(
      businessError(
        'SUBSCRIPTION_NOT_ACTIVE',
        `The subscription ${subscription.number} is ${subscription.status}.`,
      ),
    );
    return undefined;
  }
  const customer = store.customer(subscription.crmAccountNumber) as CustomerRecord;
  const failures = errors.length;
  const active = (priceListId: string) =>
    subscription.lines.find((line) => line.priceListId === priceListId && line.status === 'Active');
  const missing = (priceListId: string) =>
    errors.push(
      businessError(
        'OFFER_NOT_ON_SUBSCRIPTION',
        `The subscription ${subscription.number} has no active line for ${priceListId}.`,
      ),
    );
  const items: ItemMetric[] = [];
  const changes: (() => string)[] = [];

  for (const update of amend.updates) {
    const line = active(update.priceListId);
    if (!line) {
      missing(update.priceListId);
      continue;
    }
    const quantity = update.quantity ?? line.quantity;
    if (line.offerType === 'Base Plan' && belowAssigned(errors, customer, quantity)) continue;
    const priced = findPriceList(line.priceListId) as PricedOffer;
    items.push({ priced, quantityDelta: quantity - line.quantity });
    changes.push(() => {
      line.quantity = quantity;
      return 'UpdateProduct';
    });
  }
  for (const upgrade of amend.upgrades) {
    const line = active(upgrade.from);
    if (!line) {
      missing(upgrade.from);
      continue;
    }
    const priced = priceFor(errors, upgrade.to, line.offerType, subscription.currency);
    if (!priced) continue;
    const quantity = upgrade.quantity ?? line.quantity;
    if (line.offerType === 'Base Plan' && belowAssigned(errors, customer, quantity)) continue;
    items.push({ priced: findPriceList(line.priceListId) as PricedOffer, quantityDelta: -line.quantity });
    items.push({ priced, quantityDelta: quantity });
    changes.push(() => {
      line.status = 'Removed';
      line.endDate = upgrade.startDate;
      subscription.lines.push(lineOf(priced, quantity, upgrade.startDate));
      return 'UpgradeProduct';
    });
  }
  for (const removal of amend.removals) {
    const line = active(removal.priceListId);
    if (!line) {
      missing(removal.priceListId);
      continue;
    }
    if (line.offerType === 'Base Plan' && belowAssigned(errors, customer, 0)) continue;
    items.push({ priced: findPriceList(line.priceListId) as PricedOffer, quantityDelta: -line.quantity });
    changes.push(() => {
      line.status = 'Removed';
      line.endDate = removal.endDate;
      return 'RemoveProduct';
    });
  }
  for (const [kind, lines] of [
    ['Base Plan', amend.offers],
    ['Add-on', amend.addOns],
  ] as const) {
    for (const line of lines) {
      const priced = priceFor(errors, line.priceListId, kind, subscription.currency);
      if (!priced) continue;
      if (
        kind === 'Base Plan' &&
        subscription.lines.some((l) => l.status === 'Active' && l.offerType === 'Base Plan')
      ) {
        errors.push(
          businessError(
            'BASE_PLAN_EXISTS',
            `The subscription ${subscription.number} already has a base plan.`,
          ),
        );
        continue;
      }
      items.push({ priced, quantityDelta: line.quantity });
      changes.push(() => {
        subscription.lines.push(lineOf(priced, line.quantity, line.startDate ?? today));
        return 'AddProduct';
      });
    }
  }
  if (
    amend.soldTo !== undefined &&
    !customer.contacts.some((contact) => contact.crmNumber === amend.soldTo)
  ) {
    errors.push(
      businessError(
        'CONTACT_NOT_FOUND',
        `The contact ${amend.soldTo} is not a contact of ${customer.crmAccountNumber}.`,
      ),
    );
  }
  if (amend.autoRenew !== undefined || amend.soldTo !== undefined) {
    changes.push(() => {
      if (amend.autoRenew !== undefined) subscription.autoRenew = amend.autoRenew;
      if (amend.soldTo !== undefined) subscription.soldToContact = amend.soldTo;
      return 'TermsAndConditions';
    });
  }
  if (amend.cancel) {
    for (const line of subscription.lines) {
      if (line.status === 'Active') {
        items.push({ priced: findPriceList(line.priceListId) as PricedOffer, quantityDelta: -line.quantity });
      }
    }
    const cancelOn = amend.cancel.on ?? today;
    changes.push(() => {
      subscription.status = 'Cancelled';
      subscription.endDate = cancelOn;
      return 'CancelSubscription';
    });
  }
  if (changes.length === 0 && errors.length === failures) {
    errors.push(
      businessError('NOTHING_TO_AMEND', `The amendment of ${subscription.number} changes nothing.`),
    );
  }
  if (errors.length > failures) return undefined;
  return {
    subscriptionNumber: subscription.number,
    customer,
    currency: subscription.currency,
    termMonths: termMonths(subscription.initialTerm),
    mrrDelta: items.reduce(
      (sum, item) => sum + item.quantityDelta * monthlyUnitPrice(item.priced.priceList),
      0,
    ),
    items,
    apply() {
      const actions = changes.map((change) => change());
      subscription.updatedAt = store.now();
      subscription.versions.push({
        version: subscription.versions.length + 1,
        actions,
        startDate: today,
        mrr: subscriptionMrr(subscription),
      });
      return subscription;
    },
  };
}

interface Evaluation {
  errors: BusinessError[];
  effects: Effect[];
}

function evaluate(store: CommerceStore, order: OrderRequest): Evaluation {
  const errors: BusinessError[] = [];
  const today = commerceDate(store.now());
  if (order.dealRegNumber !== undefined) {
    const deal = store.deal(order.dealRegNumber);
    if (!deal) {
      errors.push(
        businessError(
          'DEAL_REGISTRATION_NOT_FOUND',
          `The deal registration ${order.dealRegNumber} does not exist.`,
        ),
      );
    } else if (deal.status !== 'Approved') {
      errors.push(
        businessError(
          'DEAL_REGISTRATION_NOT_APPROVED',
          `The deal registration ${order.dealRegNumber} is ${deal.status}; only approved registrations can be cited.`,
        ),
      );
    }
  }
  const effects: Effect[] = [];
  for (const create of order.creates) {
    const effect = evaluateCreate(store, create, errors);
    if (effect) effects.push(effect);
  }
  for (const amend of order.amends) {
    const effect = evaluateAmend(store, amend, errors, today);
    if (effect) effects.push(effect);
  }
  return { errors, effects };
}

function metricsOf(effects: readonly Effect[]) {
  const mrr = effects.reduce((sum, effect) => sum + effect.mrrDelta, 0);
  const tcv = effects.reduce((sum, effect) => sum + effect.mrrDelta * effect.termMonths, 0);
  return { tcv: amount(tcv), tcb: amount(tcv), mrr: amount(mrr), total_discount_pct: 0 };
}

async function readOrderRequest(store: CommerceStore, request: Request): Promise<OrderRequest | Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const reader = new BodyReader();
  const order = readOrder(reader, body, commerceDate(store.now()));
  return order ?? validationFailed(reader.errors);
}

/**
 * `POST /commerce/order`: creates subscriptions and amends existing ones, all or nothing. A business refusal (an
 * unknown account or price list, a quantity below the licensed users...) is a 200 answer with `errors[]`.
 */
export async function createOrder({ store, request }: CommerceCall): Promise<Response> {
  const order = await readOrderRequest(store, request);
  if (order instanceof Response) return order;
  const { errors, effects } = evaluate(store, order);
  if (errors.length > 0) return refusedWrite(errors);
  const orderNumber = store.nextOrderNumber();
  const subscriptions = effects.map((effect) => ({
    effect,
    subscription: effect.apply(orderNumber, order.poNumber, order.dealRegNumber),
  }));
  const first = effects[0] as Effect;
  const record: OrderRecord = {
    orderReferenceId: store.randomReference(),
    orderNumber,
    orderType: order.orderType,
    description: order.description,
    dealRegNumber: order.dealRegNumber,
    poNumber: order.poNumber,
    orderDate: order.orderDate,
    crmAccountNumber: first.customer.crmAccountNumber as string,
    subscriptionNumbers: subscriptions.map(({ subscription }) => subscription.number),
    mrr: metricsOf(effects).mrr,
    currency: first.currency,
    createdAt: store.now(),
  };
  store.orders.push(record);
  if (order.dealRegNumber !== undefined) {
    const deal = store.deal(order.dealRegNumber);
    if (deal) deal.opportunityStage = 'Closed Won';
  }
  return json(201, {
    status: 'success',
    order_reference_id: record.orderReferenceId,
    order_number: record.orderNumber,
    order_date: record.orderDate,
    subscriptions: subscriptions.map(({ effect, subscription }) => ({
      subscription_number: subscription.number,
      zoom_account_number: effect.customer.zoomAccountNumber,
      subscription_status: subscription.status,
      subscription_owner_id: effect.customer.crmAccountNumber,
      invoice_owner_id: effect.customer.crmAccountNumber,
      invoice_owner_crm_account_number: effect.customer.crmAccountNumber,
    })),
  });
}

/** `POST /commerce/order/preview`: what an order would change, with its metrics; nothing is applied. */
export async function previewOrder({ store, request }: CommerceCall): Promise<Response> {
  const order = await readOrderRequest(store, request);
  if (order instanceof Response) return order;
  const { errors, effects } = evaluate(store, order);
  return json(200, {
    status: errors.length === 0 ? 'success' : 'failure',
    order_date: order.orderDate,
    order_metrics: metricsOf(effects),
    subscription_preview: effects.map((effect) => ({
      tcv: amount(effect.mrrDelta * effect.termMonths),
      tcb: amount(effect.mrrDelta * effect.termMonths),
      mrr: amount(effect.mrrDelta),
      total_discount_pct: 0,
    })),
    subscription_item_metrics: effects.flatMap((effect) =>
      effect.items.map(({ priced, quantityDelta }) => {
        const sale = { amount: priced.priceList.unitPrice, currency: priced.priceList.currency };
        return {
          offer_id: priced.offer.id,
          offer_name: priced.offer.name,
          sku: priced.offer.sku,
          offer_price_list_id: priced.priceList.id,
          offer_price_list_name: priced.priceList.name,
          charges: [
            {
              charge_model: 'Per Unit Pricing',
              charge_type: 'Recurring',
              sale_price: sale,
              net_price: sale,
              net_amount: {
                amount: amount(quantityDelta * priced.priceList.unitPrice),
                currency: sale.currency,
              },
            },
          ],
          mrr: {
            amount: amount(quantityDelta * monthlyUnitPrice(priced.priceList)),
            currency: sale.currency,
          },
        };
      }),
    ),
    ...(errors.length === 0 ? {} : { errors: errors.map((error) => error.error_description) }),
  });
}

const ORDER_LIST_PARAMETERS = [
  'page_size',
  'page_num',
  'order_type',
  'order_reference_id',
  'order_number',
  'po_number',
  'deal_reg_number',
  'end_customer_name',
  'end_customer_crm_account_number',
  'end_customer_zoom_account_number',
  'status',
  'subscription_number',
];

function orderEntry(store: CommerceStore, order: OrderRecord) {
  const customer = store.customer(order.crmAccountNumber);
  return {
    order_reference_id: order.orderReferenceId,
    order_number: order.orderNumber,
    status: 'success',
    order_type: order.orderType,
    end_customer_account_name: customer?.accountName,
    ...(customer?.zoomAccountNumber === undefined
      ? {}
      : { end_customer_account_number: customer.zoomAccountNumber }),
    end_customer_crm_account_number: order.crmAccountNumber,
    creation_date: commerceDate(order.createdAt),
    effective_date: order.orderDate,
    net_amount: { amount: order.mrr, currency: order.currency },
    updated_date: commerceDate(order.createdAt),
    trade_screening: false,
    ...(order.dealRegNumber === undefined ? {} : { deal_reg_number: order.dealRegNumber }),
    ...(order.poNumber === undefined ? {} : { po_number: order.poNumber }),
  };
}

/**
 * `GET /commerce/orders`: orders, newest last, paged by `page_num` (not `page_number`) and `page_size`. The answer
 * carries no page count: a short page is the last.
 */
export function listOrders({ store, url }: CommerceCall): Response {
  const errors = unknownParameters(url, ORDER_LIST_PARAMETERS);
  const size = pageSizeOf(url, 100, 30);
  const number = pageNumberOf(url, 'page_num');
  if (typeof size !== 'number') errors.push(size);
  if (typeof number !== 'number') errors.push(number);
  if (errors.length > 0 || typeof size !== 'number' || typeof number !== 'number')
    return validationFailed(errors);
  const query = url.searchParams;
  const is = (name: string, value: string | undefined) => !query.has(name) || query.get(name) === value;
  const matching = store.orders.filter((order) => {
    const customer = store.customer(order.crmAccountNumber);
    return (
      is('order_reference_id', order.orderReferenceId) &&
      is('order_number', order.orderNumber) &&
      is('po_number', order.poNumber) &&
      is('deal_reg_number', order.dealRegNumber) &&
      is('order_type', order.orderType) &&
      is('status', 'success') &&
      is('end_customer_crm_account_number', order.crmAccountNumber) &&
      is('end_customer_zoom_account_number', customer?.zoomAccountNumber) &&
      (!query.has('end_customer_name') ||
        (customer?.accountName.toLowerCase().includes((query.get('end_customer_name') ?? '').toLowerCase()) ??
          false)) &&
      (!query.has('subscription_number') ||
        order.subscriptionNumbers.includes(query.get('subscription_number') ?? ''))
    );
  });
  return json(200, {
    order_list: matching.slice((number - 1) * size, number * size).map((order) => orderEntry(store, order)),
  });
}

/** `GET /commerce/orders/{orderReferenceId}`: one order. */
export function getOrder({ store, params }: CommerceCall): Response {
  const id = params[0] ?? '';
  const order = store.orders.find((candidate) => candidate.orderReferenceId === id);
  if (!order) return notFound('Order', id);
  const customer = store.customer(order.crmAccountNumber);
  const subscriptions = order.subscriptionNumbers
    .map((number) => store.subscription(number))
    .filter((subscription): subscription is SubscriptionRecord => subscription !== undefined);
  const account = customer && {
    ...(customer.zoomAccountNumber === undefined ? {} : { zoom_account_number: customer.zoomAccountNumber }),
    crm_account_number: customer.crmAccountNumber,
    account_name: customer.accountName,
  };
  const created = subscriptions.filter((subscription) => subscription.orderNumber === order.orderNumber);
  const amended = subscriptions.filter((subscription) => subscription.orderNumber !== order.orderNumber);
  return json(200, {
    header: {
      order_reference_id: order.orderReferenceId,
      order_type: order.orderType,
      ...(order.description === undefined ? {} : { order_description: order.description }),
      status: 'success',
      order_number: order.orderNumber,
      ...(order.dealRegNumber === undefined ? {} : { deal_reg_number: order.dealRegNumber }),
      order_date: order.orderDate,
      ...(order.poNumber === undefined ? {} : { po_number: order.poNumber }),
      trade_screening: false,
    },
    ...(created.length === 0
      ? {}
      : {
          create_subscription: created.map((subscription) => ({
            subscription_number: subscription.number,
            ...(account === undefined ? {} : { end_customer_account: account }),
            sold_to_crm_contact_number: subscription.soldToContact,
            auto_renew: subscription.autoRenew,
            currency: subscription.currency,
            ...(subscription.poNumber === undefined ? {} : { po_number: subscription.poNumber }),
          })),
        }),
    ...(amended.length === 0
      ? {}
      : {
          amend_subscriptions: amended.map((subscription) => ({
            subscription_number: subscription.number,
            ...(account === undefined ? {} : { end_customer_account: account }),
            currency: subscription.currency,
          })),
        }),
  });
}
