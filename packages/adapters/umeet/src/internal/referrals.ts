import {
  byOffset,
  findDuplicateReferral,
  type OperationContext,
  type Paginator,
  paginate,
  paginatorOf,
  type ReferralsPort,
  type RegisteredReferral,
  ResponseValidationError,
  referralIdKind,
  submitReferralOnce,
  UnsupportedOperationError,
} from '@channelkit/core';
import type { ListReferralsQuery, Referral, ReferralInput, ReferralPatch } from '@channelkit/types';
import type { z } from 'zod';
import {
  UMEET_LEAD_STATUSES,
  UMEET_REGISTRATION_STATUSES,
  type UmeetLeadStatus,
  type UmeetRegistrationStatus,
} from '../umeet-referral-statuses';
import { referralFromLead, referralFromRegistration } from './referral-mapping';
import {
  type UmeetLead,
  type UmeetRegistration,
  umeetLeadPageSchema,
  umeetLeadSchema,
  umeetRegistrationPageSchema,
  umeetRegistrationSchema,
} from './referral-wire-schemas';
import { exchange, exchangeParsed, idempotencyHeaderKey, parseAnswer } from './request';

/** The largest page Umeet's referral listings serve (contract v1). */
const MAX_PAGE_SIZE = 200;
/** Registrations a repeated submission would duplicate: those still open, and those won. */
const DUPLICATE_STATUSES: readonly UmeetRegistrationStatus[] = [
  'pending_review',
  'under_review',
  'needs_info',
  'approved',
  'won',
];

/** What the referral operations need besides the context. */
export interface UmeetReferralSettings {
  /** How far back a submission looks for the same customer and products, in milliseconds; 0 turns the look off. */
  duplicateWindowMs: number;
  /** The clock the window is measured on. */
  now: () => number;
}

type Kind = 'registration' | 'lead';

/** Which endpoint an id belongs to, by its prefix. */
const KIND_PREFIXES: Readonly<Record<string, Kind>> = { dr_: 'registration', lead_: 'lead' };
const INVALID_ID = "is not an Umeet referral id: deal registrations are 'dr_…' and leads 'lead_…'";

function unsupported(operation: string): UnsupportedOperationError {
  return new UnsupportedOperationError({ platform: 'umeet', operation });
}

const path = (kind: Kind, id: string, suffix = '') =>
  `/${kind === 'lead' ? 'leads' : 'deal-registrations'}/${encodeURIComponent(id)}${suffix}`;

/** Umeet's names of the states listed for a unified state (both tables are one to one). */
function wireStatuses<S extends string>(table: Readonly<Record<S, string>>, status: string | undefined): S[] {
  return (Object.keys(table) as S[]).filter((wire) => status === undefined || table[wire] === status);
}

function mismatch(operation: string, field: string, message: string): ResponseValidationError {
  return new ResponseValidationError(
    `umeet returned an unexpected response to ${operation}: ${field} ${message}. The platform API may have changed; report it`,
    { platform: 'umeet', operation },
    [{ path: field, message }],
  );
}

/**
 * One offset walk over a referral listing, lazily and bounded by the client's `pagination` option. Every page must
 * echo the offset and limit asked for and hold at most `limit` items, as the account listing's must.
 */
interface Page<Item> {
  items: Item[];
  total: number;
  offset: number;
  limit: number;
}

function walk<Item>(
  context: OperationContext,
  request: { path: string; query: Record<string, string | undefined>; operation: string },
  schema: z.ZodType<Page<Item>>,
  pageSize: number,
): Paginator<Item> {
  const fetchPage = byOffset({
    limit: Math.min(pageSize, MAX_PAGE_SIZE),
    fetch: async (offset, size) => {
      const { data: page } = await exchangeParsed(
        context,
        {
          operation: request.operation,
          method: 'GET',
          path: request.path,
          query: { ...request.query, offset, limit: size },
        },
        schema,
      );
      const where = `${request.operation} (GET ${request.path})`;
      if (page.offset !== offset)
        throw mismatch(where, 'offset', `is ${page.offset}, not the ${offset} asked for`);
      if (page.limit !== size) throw mismatch(where, 'limit', `is ${page.limit}, not the ${size} asked for`);
      if (page.items.length > size) {
        throw mismatch(where, 'items', `holds ${page.items.length} items, more than the limit of ${size}`);
      }
      return page;
    },
    items: (page: Page<Item>) => page.items,
    total: (page: Page<Item>) => page.total,
  });
  return paginate(fetchPage, {
    ...context.pagination,
    signal: context.signal,
    what: `umeet ${request.path}`,
  });
}

function registered(registration: UmeetRegistration): RegisteredReferral {
  return {
    id: registration.id,
    customerName: registration.customer.name,
    creditCode: registration.customer.credit_code ?? undefined,
    products: registration.products,
    createdMs: millisecondsOf(registration.created_at),
  };
}

/** A registration's time, from its RFC 3339 `created_at`; an unreadable one counts as long ago. */
function millisecondsOf(timestamp: string): number {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/**
 * The registration a submission of `input` would duplicate, if any: looked up by the customer's credit code (when the
 * input has one) and by its name, among open and won registrations, within the window.
 */
async function lookUpDuplicate(
  input: ReferralInput,
  settings: UmeetReferralSettings,
  context: OperationContext,
): Promise<UmeetRegistration | undefined> {
  const filters: Record<string, string>[] = [{ customer_name: input.customer.legalName }];
  if (input.customer.creditCode !== undefined)
    filters.unshift({ customer_credit_code: input.customer.creditCode });
  const seen = new Map<string, UmeetRegistration>();
  for (const filter of filters) {
    const found = walk<UmeetRegistration>(
      context,
      {
        path: '/deal-registrations',
        query: { ...filter, status: DUPLICATE_STATUSES.join(',') },
        operation: 'referrals.submit (duplicate lookup)',
      },
      umeetRegistrationPageSchema,
      MAX_PAGE_SIZE,
    );
    for await (const registration of found) seen.set(registration.id, registration);
  }
  const duplicate = findDuplicateReferral(input, [...seen.values()].map(registered), {
    windowMs: settings.duplicateWindowMs,
    now: settings.now(),
  });
  return duplicate === undefined ? undefined : seen.get(duplicate.id);
}

function money(value: ReferralInput['estimatedValue']) {
  return value === undefined ? undefined : { amount_minor: value.amountMinor, currency: value.currency };
}

function registrationBody(input: ReferralInput) {
  const { customer } = input;
  return {
    name: input.name,
    description: input.description,
    customer: {
      name: customer.legalName,
      credit_code: customer.creditCode,
      country: customer.country,
      region: customer.address?.region,
      industry: customer.industry,
      employee_count: customer.employeeCount,
      website: customer.website,
    },
    account_id: input.accountId,
    contacts: input.contacts.map((contact) => ({
      first_name: contact.firstName,
      last_name: contact.lastName,
      email: contact.email,
      mobile: contact.mobile,
      job_title: contact.jobTitle,
    })),
    products: input.products.map((product) => ({ code: product.code, quantity: product.quantity })),
    estimated_value: money(input.estimatedValue),
    expected_close_date: input.expectedCloseDate,
    decision_maker_met: input.decisionMakerMet ?? false,
    notes: input.notes,
    external_id: input.externalId,
  };
}

function changesBody(patch: ReferralPatch) {
  return {
    name: patch.name,
    description: patch.description,
    expected_close_date: patch.expectedCloseDate,
    estimated_value: money(patch.estimatedValue),
    products: patch.products?.map((product) => ({ code: product.code, quantity: product.quantity })),
    decision_maker_met: patch.decisionMakerMet,
    notes: patch.notes,
  };
}

async function submit(
  input: ReferralInput,
  settings: UmeetReferralSettings,
  context: OperationContext,
): Promise<Referral> {
  const operation = 'referrals.submit';
  const registration = await submitReferralOnce({
    platform: 'umeet',
    windowMs: settings.duplicateWindowMs,
    logger: context.logger,
    lookUp: () => lookUpDuplicate(input, settings, context),
    idOf: (found) => found.id,
    submit: async () => {
      const { data } = await exchangeParsed(
        context,
        {
          operation,
          method: 'POST',
          path: '/deal-registrations',
          body: registrationBody(input),
          // The same key on every attempt: Umeet answers a repeated POST with its first answer.
          idempotencyKey: idempotencyHeaderKey(context.idempotencyKey),
        },
        umeetRegistrationSchema,
      );
      return data;
    },
  });
  return referralFromRegistration(registration);
}

async function read(id: string, operation: string, context: OperationContext): Promise<Referral> {
  const kind = referralIdKind<Kind>(id, KIND_PREFIXES, INVALID_ID);
  if (kind === 'lead') {
    const { data } = await exchangeParsed(
      context,
      { operation, method: 'GET', path: path(kind, id) },
      umeetLeadSchema,
    );
    return referralFromLead(data);
  }
  const { data } = await exchangeParsed(
    context,
    { operation, method: 'GET', path: path(kind, id) },
    umeetRegistrationSchema,
  );
  return referralFromRegistration(data);
}

/** `POST` or `PATCH` of a change; Umeet answers the referral as the change left it. */
async function change(
  kind: Kind,
  request: { method: 'POST' | 'PATCH'; path: string; body: object; step: string },
  operation: string,
  context: OperationContext,
): Promise<Referral> {
  const answer = await exchange(context, {
    method: request.method,
    path: request.path,
    body: request.body,
    ...(request.method === 'POST'
      ? { idempotencyKey: idempotencyHeaderKey(context.idempotencyKey, request.step) }
      : {}),
  });
  const wire = { method: request.method, path: request.path };
  return kind === 'lead'
    ? referralFromLead(parseAnswer(umeetLeadSchema, answer.data, operation, wire) as UmeetLead)
    : referralFromRegistration(
        parseAnswer(umeetRegistrationSchema, answer.data, operation, wire) as UmeetRegistration,
      );
}

function list(query: ListReferralsQuery, context: OperationContext): Paginator<Referral> {
  const pageSize = Math.min(query.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const operation = 'referrals.list';
  return paginatorOf<Referral>(async function* pages() {
    if (query.direction !== 'inbound') {
      const statuses = wireStatuses<UmeetRegistrationStatus>(UMEET_REGISTRATION_STATUSES, query.status);
      if (statuses.length > 0) {
        const registrations = walk<UmeetRegistration>(
          context,
          {
            path: '/deal-registrations',
            query: {
              status: query.status === undefined ? undefined : statuses.join(','),
              account_id: query.accountId,
            },
            operation,
          },
          umeetRegistrationPageSchema,
          pageSize,
        );
        for await (const page of registrations.pages()) yield page.map(referralFromRegistration);
      }
    }
    // Leads belong to no Umeet account yet: a listing by account holds registrations only.
    if (query.direction !== 'outbound' && query.accountId === undefined) {
      const statuses = wireStatuses<UmeetLeadStatus>(UMEET_LEAD_STATUSES, query.status);
      if (statuses.length > 0) {
        const leads = walk<UmeetLead>(
          context,
          {
            path: '/leads',
            query: { status: query.status === undefined ? undefined : statuses.join(',') },
            operation,
          },
          umeetLeadPageSchema,
          pageSize,
        );
        for await (const page of leads.pages()) yield page.map(referralFromLead);
      }
    }
  });
}

/**
 * The referrals port over contract v1: deal registrations the partner submits (`dr_…`; get, list, update, resubmit,
 * cancel by withdrawing) and leads Systec offers it (`lead_…`; get, list, accept, decline). Systec's reviewers move
 * registrations to approved, won or lost, and Systec records the outcome of an accepted lead: nothing the partner's
 * API can do.
 */
export function umeetReferrals(settings: UmeetReferralSettings): ReferralsPort {
  return {
    submit: (input, context) => submit(input, settings, context),
    get: (referralId, context) => read(referralId, 'referrals.get', context),
    list,
    update: (current, patch, context) => {
      if (current.direction === 'inbound')
        throw unsupported('referrals.update of an inbound lead (leads are Systec’s)');
      return change(
        'registration',
        { method: 'PATCH', path: path('registration', current.id), body: changesBody(patch), step: 'update' },
        'referrals.update',
        context,
      );
    },
    transition: (current, move, context) => {
      const operation = `referrals.${move.action}`;
      const kind: Kind = current.direction === 'inbound' ? 'lead' : 'registration';
      const reason = move.reason === undefined ? {} : { reason: move.reason };
      if (kind === 'lead' && (move.action === 'accept' || move.action === 'decline')) {
        return change(
          kind,
          {
            method: 'POST',
            path: path(kind, current.id, `/${move.action}`),
            body: reason,
            step: move.action,
          },
          operation,
          context,
        );
      }
      if (kind === 'registration' && move.action === 'cancel') {
        return change(
          kind,
          { method: 'POST', path: path(kind, current.id, '/withdraw'), body: reason, step: 'withdraw' },
          operation,
          context,
        );
      }
      if (kind === 'registration' && move.action === 'resubmit') {
        return change(
          kind,
          {
            method: 'POST',
            path: path(kind, current.id, '/resubmit'),
            body: changesBody(move.patch ?? {}),
            step: 'resubmit',
          },
          operation,
          context,
        );
      }
      // Systec decides about registrations and records the outcome of leads; a partner declines a lead, never cancels it.
      throw unsupported(`${operation} of an ${current.direction} referral`);
    },
  };
}
