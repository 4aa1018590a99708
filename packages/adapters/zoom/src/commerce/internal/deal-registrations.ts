import {
  byPageNumber,
  ConfigurationError,
  computeBackoffDelay,
  isAmbiguousFailure,
  type OperationContext,
  PartiallyAppliedError,
  paginate,
  paginatorOf,
  type ReferralsPort,
  sleep,
  UnsupportedOperationError,
} from '@channelkit/core';
import type { ListReferralsQuery, Referral, ReferralInput, ReferralPatch } from '@channelkit/types';
import { exchange, sendParsed } from '../../internal/request';
import { zoomStatusesFor } from '../zoom-deal-status';
import { refuseField, specFromReferral } from './commerce-rules';
import { type CommerceScope, sameName, segment } from './commerce-scope';
import {
  type AccountDetails,
  createdDealSchema,
  type DealDetails,
  type DealEntry,
  dealDetailsSchema,
  dealListSchema,
} from './commerce-wire-schemas';
import {
  checkEndCustomerSpec,
  contactNumbers,
  type EndCustomerOrigin,
  obtainEndCustomer,
  readEndCustomer,
} from './end-customers';
import { referralFromDetails, referralFromEntry } from './mapping';
import { toMajor } from './money';

const SUBJECT = 'referral input';
const MAX_WRITE_ATTEMPTS = 3;
const WRITE_BACKOFF = { maxRetries: MAX_WRITE_ATTEMPTS, baseDelayMs: 500, maxDelayMs: 5_000 };
const DEFAULT_PAGE_SIZE = 100;
/** Statuses a registration can have while it is still open, where a repeated submission would be found. */
const OPEN_STATUSES = ['Submitted', 'In Review', 'Returned', 'Approved'] as const;

function warnUnknown(context: OperationContext) {
  return (status: string) =>
    context.logger.warn('zoom commerce: unknown deal registration status, reported as in_review', { status });
}

/** `GET /commerce/deal_registrations/{dealRegKey}`, validated. */
function readDeal(id: string, context: OperationContext, operation: string): Promise<DealDetails> {
  return sendParsed(
    context,
    'light',
    { operation, method: 'GET', path: `/commerce/deal_registrations/${segment(id)}` },
    dealDetailsSchema,
  );
}

/** Every registration in one Zoom status matching `filters`, lazily and bounded (`page_number` paging). */
function walkDeals(
  context: OperationContext,
  status: string,
  filters: Record<string, string>,
  operation: string,
  pageSize = DEFAULT_PAGE_SIZE,
) {
  const fetchPage = byPageNumber({
    fetch: (page) =>
      sendParsed(
        context,
        'medium',
        {
          operation,
          method: 'GET',
          path: '/commerce/deal_registrations',
          // `status` is required by Zoom: one listing per status.
          query: { ...filters, status, page_size: pageSize, page_number: page },
        },
        dealListSchema,
      ),
    items: (answer) => answer.deal_registrations ?? [],
    totalPages: (answer) => answer.page_count ?? undefined,
    pageSize,
  });
  return paginate<DealEntry, number>(fetchPage, {
    ...context.pagination,
    signal: context.signal,
    what: `zoom deal registrations (${status})`,
  });
}

/** The open registration of this customer with this opportunity name, if any. */
async function findDeal(
  crm: string,
  name: string,
  statuses: readonly string[],
  context: OperationContext,
  operation: string,
): Promise<string | undefined> {
  for (const status of statuses) {
    const deals = walkDeals(
      context,
      status,
      { end_customer_crm_account_number: crm },
      `${operation} (lookup)`,
    );
    for await (const deal of deals) {
      if (deal.deal_name && sameName(deal.deal_name, name)) return deal.deal_reg_number;
    }
  }
  return undefined;
}

function dealBody(
  scope: CommerceScope,
  input: ReferralInput,
  crm: string,
  contacts: readonly string[],
  salesRep: string,
) {
  const value = input.estimatedValue;
  return {
    opportunity_type: scope.opportunityType,
    sales_rep_contact_crm_number: salesRep,
    end_customer_crm_account_number: crm,
    end_customer_contact_crm_number: contacts[0],
    ...(contacts.length > 1
      ? { end_customer_contacts: contacts.slice(1).map((number) => ({ contact_crm_number: number })) }
      : {}),
    met_decision_maker: input.decisionMakerMet ?? false,
    end_customer_industry: input.customer.industry,
    opportunity_name: input.name,
    ...(input.description === undefined ? {} : { opportunity_desc: input.description }),
    estimated_close_date: input.expectedCloseDate,
    estimated_mrr: value === undefined ? 0 : toMajor(value),
    currency: value?.currency,
    requires_professional_services: false,
    product_groups: input.products.map((product) => ({ name: product.code, quantity: product.quantity })),
    sales_activities: (input.activities ?? []).map((activity) => ({
      type: activity.type,
      date: activity.date,
    })),
    ...(input.notes === undefined ? {} : { additional_comments: input.notes }),
  };
}

/**
 * `POST /commerce/deal_registration` without blind retries: after an ambiguous failure the customer's submitted
 * registrations are searched for this opportunity name before anything is sent again. At most three creates.
 */
async function createDeal(
  body: ReturnType<typeof dealBody>,
  context: OperationContext,
  operation: string,
): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const created = await sendParsed(
        context,
        'light',
        { operation, method: 'POST', path: '/commerce/deal_registration', body, idempotent: false },
        createdDealSchema,
      );
      context.logger.info('zoom commerce: deal registered', {
        dealRegNumber: created.deal_reg_number,
        attempt,
      });
      return created.deal_reg_number;
    } catch (error) {
      if (!isAmbiguousFailure(error)) throw error;
      const found = await findDeal(
        body.end_customer_crm_account_number,
        body.opportunity_name,
        ['Submitted'],
        context,
        operation,
      );
      if (found !== undefined) {
        context.logger.info('zoom commerce: ambiguous registration resolved by lookup; it exists', {
          dealRegNumber: found,
          attempt,
        });
        return found;
      }
      if (attempt >= MAX_WRITE_ATTEMPTS) throw error;
      context.logger.info('zoom commerce: ambiguous registration left none; registering again', { attempt });
      await sleep(computeBackoffDelay(attempt, WRITE_BACKOFF), context.signal);
    }
  }
}

/** Zoom's rules for a deal registration that the shared schema leaves open; checked before any request. */
function checkReferral(scope: CommerceScope, input: ReferralInput): string {
  if (scope.salesRep === undefined) {
    throw new ConfigurationError({
      option: 'salesRepContactCrmNumber',
      env: 'ZOOM_COMMERCE_SALES_REP',
      problem:
        'is missing, and every Zoom deal registration cites your sales representative (the contact CRM number of ' +
        'one of your own contacts at Zoom)',
    });
  }
  if (input.estimatedValue === undefined) {
    refuseField(
      SUBJECT,
      'estimatedValue',
      'is required by Zoom deal registrations (estimated_mrr and currency)',
    );
  }
  if (input.activities === undefined || input.activities.length === 0) {
    refuseField(
      SUBJECT,
      'activities',
      "must list at least one sales activity for a Zoom deal registration, e.g. [{ type: 'Meeting', date: '2026-05-12' }]",
    );
  }
  input.contacts.forEach((contact, index) => {
    if (contact.jobTitle === undefined) {
      refuseField(
        SUBJECT,
        `contacts[${index}].jobTitle`,
        'is required by Zoom Partner Commerce for every contact',
      );
    }
  });
  if (input.accountId === undefined) {
    checkEndCustomerSpec(specFromReferral(input), {
      subject: SUBJECT,
      profile: 'customer',
      contact: (index) => `contacts[${index}]`,
    });
  }
  return scope.salesRep;
}

async function submit(
  scope: CommerceScope,
  input: ReferralInput,
  context: OperationContext,
): Promise<Referral> {
  const operation = 'referrals.submit';
  const salesRep = checkReferral(scope, input);
  let details: AccountDetails;
  let origin: EndCustomerOrigin;
  if (input.accountId !== undefined) {
    details = await readEndCustomer(input.accountId, context, operation);
    origin = 'found';
  } else {
    ({ details, origin } = await obtainEndCustomer(scope, specFromReferral(input), context, {
      operation,
      remaining: [`register the deal ${input.name}`],
    }));
  }
  const crm = details.crm_account_number;
  let number: string;
  try {
    const { numbers } = await contactNumbers(details, input.contacts, context, operation);
    // A registration of this opportunity may exist already when the customer did: found, it is not registered twice.
    const existing =
      origin === 'created' ? undefined : await findDeal(crm, input.name, OPEN_STATUSES, context, operation);
    if (existing !== undefined) {
      context.logger.info('zoom commerce: this opportunity is already registered; not registering it again', {
        dealRegNumber: existing,
      });
      number = existing;
    } else {
      number = await createDeal(dealBody(scope, input, crm, numbers, salesRep), context, operation);
    }
  } catch (error) {
    if (origin !== 'created') throw error;
    throw new PartiallyAppliedError({
      platform: 'zoom',
      operation,
      resourceId: crm,
      applied: [`created end customer ${crm}`],
      remaining: [`register the deal ${input.name}`],
      advice:
        `Repeat the same call with the same idempotency key to finish it: it continues with end customer ${crm}. ` +
        'With a new key, the customer is found again by its name and country.',
      cause: error,
    });
  }
  const referral = referralFromDetails(await readDeal(number, context, operation), warnUnknown(context));
  return input.externalId === undefined ? referral : { ...referral, externalId: input.externalId };
}

/** The PATCH body of a change: lists are sent as what to add and what to remove, against `current`. */
function patchBody(current: Referral, patch: ReferralPatch): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (patch.name !== undefined) body.opportunity_name = patch.name;
  if (patch.description !== undefined) body.opportunity_desc = patch.description;
  if (patch.expectedCloseDate !== undefined) body.estimated_close_date = patch.expectedCloseDate;
  if (patch.estimatedValue !== undefined) {
    body.estimated_mrr = toMajor(patch.estimatedValue);
    body.currency = patch.estimatedValue.currency;
  }
  if (patch.decisionMakerMet !== undefined) body.met_decision_maker = patch.decisionMakerMet;
  if (patch.notes !== undefined) body.additional_comments = patch.notes;
  if (patch.activities !== undefined) {
    body.sales_activities = patch.activities.map((activity) => ({
      type: activity.type,
      date: activity.date,
    }));
  }
  if (patch.products !== undefined) {
    const wanted = patch.products;
    const add = wanted.filter(
      (product) =>
        !current.products.some((held) => held.code === product.code && held.quantity === product.quantity),
    );
    const remove = current.products.filter((held) => !wanted.some((product) => product.code === held.code));
    if (add.length > 0)
      body.add_product_groups = add.map((product) => ({ name: product.code, quantity: product.quantity }));
    if (remove.length > 0) body.remove_product_groups = remove.map((product) => ({ name: product.code }));
  }
  return body;
}

async function patch(
  current: Referral,
  changes: ReferralPatch,
  context: OperationContext,
  operation: string,
) {
  await exchange(context, 'light', {
    method: 'PATCH',
    path: `/commerce/deal_registrations/${segment(current.id)}`,
    body: patchBody(current, changes),
  });
  context.logger.info('zoom commerce: deal registration updated', { dealRegNumber: current.id, operation });
  return referralFromDetails(await readDeal(current.id, context, operation), warnUnknown(context));
}

/**
 * The referrals port over Zoom's deal registrations. Zoom's reviewers decide about a registration; the partner
 * submits, reads, lists and changes it, and resubmits one Zoom returned (a change to a `Returned` registration puts it
 * back into review).
 */
export function commerceReferrals(scope: CommerceScope): ReferralsPort {
  return {
    submit: (input, context) => submit(scope, input, context),
    get: async (referralId, context) =>
      referralFromDetails(await readDeal(referralId, context, 'referrals.get'), warnUnknown(context)),
    list: (query: ListReferralsQuery, context) => {
      // Deal registrations are all outbound: the partner registers them with Zoom.
      const statuses = query.direction === 'inbound' ? [] : zoomStatusesFor(query.status);
      const filters: Record<string, string> =
        query.accountId === undefined ? {} : { end_customer_crm_account_number: query.accountId };
      return paginatorOf<Referral>(async function* pages() {
        for (const status of statuses) {
          const walk = walkDeals(
            context,
            status,
            filters,
            'referrals.list',
            query.pageSize ?? DEFAULT_PAGE_SIZE,
          );
          for await (const page of walk.pages()) {
            const referrals = page.map((entry) => referralFromEntry(entry, warnUnknown(context)));
            yield query.status === undefined
              ? referrals
              : referrals.filter((referral) => referral.status === query.status);
          }
        }
      });
    },
    update: (current, changes, context) => patch(current, changes, context, 'referrals.update'),
    transition: (current, move, context) => {
      if (move.action !== 'resubmit') {
        throw new UnsupportedOperationError({ platform: 'zoom', operation: `referrals.${move.action}` });
      }
      return patch(current, move.patch ?? {}, context, 'referrals.resubmit');
    },
  };
}
