import {
  byPageNumber,
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
  ValidationError,
  type ValidationIssue,
} from '@channelkit/core';
import type { ListReferralsQuery, Referral, ReferralInput, ReferralPatch } from '@channelkit/types';
import type { z } from 'zod';
import {
  BIZCONF_LEAD_STATUSES,
  BIZCONF_OPPORTUNITY_STATUSES,
  type BizconfLeadStatus,
  type BizconfOpportunityStatus,
} from '../bizconf-referral-statuses';
import { bizNoFor } from './biz-no';
import { referralFromLead, referralFromOpportunity } from './referral-mapping';
import {
  type BizconfLead,
  type BizconfOpportunity,
  leadSchema,
  opportunitySchema,
  referralPageSchema,
} from './referral-wire-schemas';
import { type BizconfScope, exchange, segment } from './request';

/** The largest page Bizconf's referral listings serve (contract v1). */
const MAX_PAGE_SIZE = 100;
/** Opportunities a repeated registration would duplicate: those still open, and those won. */
const DUPLICATE_STATUSES: readonly BizconfOpportunityStatus[] = [
  'PENDING',
  'REVIEWING',
  'RETURNED',
  'APPROVED',
  'WON',
];
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const SUBJECT = 'referral input';

/** What the referral operations need besides the context. */
export interface BizconfReferralSettings {
  /** How far back a submission looks for the same customer and products, in milliseconds; 0 turns the look off. */
  duplicateWindowMs: number;
  /** The clock the window is measured on. */
  now: () => number;
}

type Kind = 'opportunity' | 'lead';

/** Which endpoint an id belongs to, by its prefix. */
const KIND_PREFIXES: Readonly<Record<string, Kind>> = { OPP: 'opportunity', LD: 'lead' };
const INVALID_ID = "is not a Bizconf referral id: opportunities are 'OPP…' and leads 'LD…'";

const pathOf = (kind: Kind, id: string, suffix = '') =>
  `/${kind === 'lead' ? 'leads' : 'opportunities'}/${segment(id)}${suffix}`;

/** A Beijing time `yyyy-MM-dd HH:mm:ss` as epoch milliseconds. */
function beijingMs(time: string): number {
  const ms = Date.parse(`${time.replace(' ', 'T')}Z`) - BEIJING_OFFSET_MS;
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

function wireStatuses<S extends string>(table: Readonly<Record<S, string>>, status: string | undefined): S[] {
  return (Object.keys(table) as S[]).filter((wire) => status === undefined || table[wire] === status);
}

/** Every entry of one referral listing, lazily and bounded (`pageNo` from 1, each page checked to be the one asked). */
function walk<Item>(
  context: OperationContext,
  request: { path: string; query: Record<string, string | undefined>; operation: string },
  item: z.ZodType<Item>,
  pageSize: number,
): Paginator<Item> {
  const size = Math.min(pageSize, MAX_PAGE_SIZE);
  const schema = referralPageSchema(item, size);
  const fetchPage = byPageNumber({
    fetch: async (pageNo) => {
      const { data } = await exchange(
        context,
        'query',
        {
          operation: request.operation,
          method: 'GET',
          path: request.path,
          query: { ...request.query, pageNo, pageSize: size },
        },
        schema,
      );
      if (data.pageNo !== pageNo) {
        const message = `must be the page asked for (${pageNo}), not ${data.pageNo}`;
        const operation = `${request.operation} (GET ${request.path})`;
        throw new ResponseValidationError(
          `bizconf returned an unexpected response to ${operation}: pageNo: ${message}. ` +
            'The platform API may have changed; upgrade channelkit or report it',
          { platform: 'bizconf', operation },
          [{ path: 'data.pageNo', message }],
        );
      }
      return data as { list: Item[]; total: number; pageNo: number; pageSize: number };
    },
    items: (page) => page.list,
    totalPages: (page) => Math.ceil(page.total / size),
    pageSize: size,
  });
  return paginate(fetchPage, {
    ...context.pagination,
    signal: context.signal,
    what: `bizconf ${request.path}`,
  });
}

function registered(opportunity: BizconfOpportunity): RegisteredReferral {
  return {
    id: opportunity.opportunityId,
    customerName: opportunity.customer.name,
    creditCode: opportunity.customer.creditCode ?? undefined,
    products: opportunity.products.map((product) => ({
      code: product.productCode,
      quantity: product.quantity,
    })),
    createdMs: beijingMs(opportunity.createTime),
  };
}

/** The opportunity a registration of `input` would duplicate, looked up by credit code and by name, if any. */
async function lookUpDuplicate(
  input: ReferralInput,
  settings: BizconfReferralSettings,
  context: OperationContext,
): Promise<BizconfOpportunity | undefined> {
  const filters: Record<string, string>[] = [{ customerName: input.customer.legalName }];
  if (input.customer.creditCode !== undefined) filters.unshift({ creditCode: input.customer.creditCode });
  const seen = new Map<string, BizconfOpportunity>();
  for (const filter of filters) {
    const found = walk(
      context,
      {
        path: '/opportunities',
        query: { ...filter, status: DUPLICATE_STATUSES.join(',') },
        operation: 'referrals.submit (duplicate lookup)',
      },
      opportunitySchema,
      MAX_PAGE_SIZE,
    );
    for await (const opportunity of found) seen.set(opportunity.opportunityId, opportunity);
  }
  const duplicate = findDuplicateReferral(input, [...seen.values()].map(registered), {
    windowMs: settings.duplicateWindowMs,
    now: settings.now(),
  });
  return duplicate === undefined ? undefined : seen.get(duplicate.id);
}

// Contract v1's limits that the shared schema leaves wider, checked before anything is sent.
function checkInput(input: ReferralInput | ReferralPatch, issues: ValidationIssue[]): void {
  const limit = (value: string | undefined, max: number, path: string) => {
    if (value !== undefined && value.length > max)
      issues.push({ path, message: `must be at most ${max} characters on Bizconf` });
  };
  if (input.estimatedValue !== undefined && input.estimatedValue.currency !== 'CNY') {
    issues.push({
      path: 'estimatedValue.currency',
      message: "must be 'CNY': Bizconf registers deals in renminbi only",
    });
  }
  input.products?.forEach((product, index) => {
    limit(product.code, 64, `products[${index}].code`);
    if (product.quantity > 100_000)
      issues.push({ path: `products[${index}].quantity`, message: 'must be at most 100000 on Bizconf' });
  });
  if ('customer' in input) {
    limit(input.customer.legalName, 100, 'customer.legalName');
    limit(input.customer.industry, 50, 'customer.industry');
    limit(input.externalId, 64, 'externalId');
    input.contacts.forEach((contact, index) => {
      limit(contact.firstName, 50, `contacts[${index}].firstName`);
      limit(contact.lastName, 50, `contacts[${index}].lastName`);
      limit(contact.jobTitle, 50, `contacts[${index}].jobTitle`);
      if (contact.mobile !== undefined && !/^\+861[3-9]\d{9}$/.test(contact.mobile)) {
        issues.push({
          path: `contacts[${index}].mobile`,
          message: 'must be a mainland mobile (+86 1xx xxxx xxxx) on Bizconf',
        });
      }
    });
  }
}

function refuse(input: ReferralInput | ReferralPatch, subject: string): void {
  const issues: ValidationIssue[] = [];
  checkInput(input, issues);
  const first = issues[0];
  if (first === undefined) return;
  throw new ValidationError({ message: `Invalid ${subject}: ${first.path}: ${first.message}`, issues });
}

function changesBody(patch: ReferralPatch) {
  return {
    opportunityName: patch.name,
    description: patch.description,
    expectedCloseDate: patch.expectedCloseDate,
    estimatedAmount: patch.estimatedValue?.amountMinor,
    products: patch.products?.map((product) => ({ productCode: product.code, quantity: product.quantity })),
    decisionMakerMet: patch.decisionMakerMet,
    remark: patch.notes,
  };
}

function opportunityBody(input: ReferralInput, bizNo: string) {
  const { customer } = input;
  return {
    bizNo,
    ...changesBody(input),
    customer: {
      name: customer.legalName,
      creditCode: customer.creditCode,
      province: customer.address?.region,
      industry: customer.industry,
      scale: customer.employeeCount,
      website: customer.website,
    },
    enterpriseId: input.accountId,
    contacts: input.contacts.map((contact) => ({
      familyName: contact.lastName,
      givenName: contact.firstName,
      email: contact.email,
      mobile: contact.mobile?.replace(/^\+86/, ''),
      jobTitle: contact.jobTitle,
    })),
    currency: input.estimatedValue === undefined ? undefined : 'CNY',
    externalId: input.externalId,
  };
}

async function submit(
  scope: BizconfScope,
  settings: BizconfReferralSettings,
  input: ReferralInput,
  context: OperationContext,
): Promise<Referral> {
  const operation = 'referrals.submit';
  refuse(input, SUBJECT);
  const bizNo = bizNoFor(scope.appId, operation, '', context.idempotencyKey);
  const opportunity = await submitReferralOnce({
    platform: 'bizconf',
    windowMs: settings.duplicateWindowMs,
    logger: context.logger,
    lookUp: () => lookUpDuplicate(input, settings, context),
    idOf: (found) => found.opportunityId,
    submit: async () => {
      const { data } = await exchange(
        context,
        'write',
        {
          operation,
          method: 'POST',
          path: '/opportunities',
          body: opportunityBody(input, bizNo),
          // The bizNo makes a repeat return the same opportunity: safe to retry after a timeout or a lost answer.
          idempotent: true,
        },
        opportunitySchema,
      );
      return data;
    },
  });
  return referralFromOpportunity(opportunity);
}

async function read(id: string, operation: string, context: OperationContext): Promise<Referral> {
  const kind = referralIdKind<Kind>(id, KIND_PREFIXES, INVALID_ID);
  if (kind === 'lead') {
    const { data } = await exchange(
      context,
      'query',
      { operation, method: 'GET', path: pathOf(kind, id) },
      leadSchema,
    );
    return referralFromLead(data);
  }
  const { data } = await exchange(
    context,
    'query',
    { operation, method: 'GET', path: pathOf(kind, id) },
    opportunitySchema,
  );
  return referralFromOpportunity(data);
}

/** A `POST` that changes a referral; Bizconf answers it as the change left it. Each is safe to repeat. */
async function change(kind: Kind, path: string, body: object, operation: string, context: OperationContext) {
  if (kind === 'lead') {
    const { data } = await exchange(
      context,
      'write',
      { operation, method: 'POST', path, body, idempotent: true },
      leadSchema,
    );
    return referralFromLead(data as BizconfLead);
  }
  const { data } = await exchange(
    context,
    'write',
    { operation, method: 'POST', path, body, idempotent: true },
    opportunitySchema,
  );
  return referralFromOpportunity(data);
}

function list(query: ListReferralsQuery, context: OperationContext): Paginator<Referral> {
  const pageSize = Math.min(query.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const operation = 'referrals.list';
  return paginatorOf<Referral>(async function* pages() {
    if (query.direction !== 'inbound') {
      const statuses = wireStatuses<BizconfOpportunityStatus>(BIZCONF_OPPORTUNITY_STATUSES, query.status);
      if (statuses.length > 0) {
        const opportunities = walk(
          context,
          {
            path: '/opportunities',
            query: {
              status: query.status === undefined ? undefined : statuses.join(','),
              enterpriseId: query.accountId,
            },
            operation,
          },
          opportunitySchema,
          pageSize,
        );
        for await (const page of opportunities.pages()) yield page.map(referralFromOpportunity);
      }
    }
    // Leads belong to no Bizconf enterprise yet: a listing by account holds opportunities only.
    if (query.direction !== 'outbound' && query.accountId === undefined) {
      const statuses = wireStatuses<BizconfLeadStatus>(BIZCONF_LEAD_STATUSES, query.status);
      if (statuses.length > 0) {
        const leads = walk(
          context,
          {
            path: '/leads',
            query: { status: query.status === undefined ? undefined : statuses.join(',') },
            operation,
          },
          leadSchema,
          pageSize,
        );
        for await (const page of leads.pages()) yield page.map(referralFromLead);
      }
    }
  });
}

/**
 * The referrals port over contract v1: opportunities the partner registers (`OPP…`; get, list, update, resubmit,
 * cancel by withdrawing) and leads Bizconf assigns it (`LD…`; get, list, accept, decline by rejecting). Bizconf's
 * reviewers approve, return, reject and close opportunities, and Bizconf records the outcome of a lead.
 */
export function bizconfReferrals(scope: BizconfScope, settings: BizconfReferralSettings): ReferralsPort {
  const unsupported = (operation: string) =>
    new UnsupportedOperationError({ platform: 'bizconf', operation });
  return {
    submit: (input, context) => submit(scope, settings, input, context),
    get: (referralId, context) => read(referralId, 'referrals.get', context),
    list,
    update: (current, patch, context) => {
      if (current.direction === 'inbound')
        throw unsupported('referrals.update of an inbound lead (leads are Bizconf’s)');
      refuse(patch, 'referral patch');
      return change(
        'opportunity',
        pathOf('opportunity', current.id, '/update'),
        changesBody(patch),
        'referrals.update',
        context,
      );
    },
    transition: (current, move, context) => {
      const operation = `referrals.${move.action}`;
      const reason = move.reason === undefined ? {} : { reason: move.reason };
      if (current.direction === 'inbound' && (move.action === 'accept' || move.action === 'decline')) {
        const suffix = move.action === 'accept' ? '/accept' : '/reject';
        return change('lead', pathOf('lead', current.id, suffix), reason, operation, context);
      }
      if (current.direction === 'outbound' && move.action === 'cancel') {
        return change(
          'opportunity',
          pathOf('opportunity', current.id, '/withdraw'),
          reason,
          operation,
          context,
        );
      }
      if (current.direction === 'outbound' && move.action === 'resubmit') {
        const patch = move.patch ?? {};
        refuse(patch, 'referral patch');
        return change(
          'opportunity',
          pathOf('opportunity', current.id, '/resubmit'),
          changesBody(patch),
          operation,
          context,
        );
      }
      // Bizconf decides about opportunities and records the outcome of leads; a lead is declined, never cancelled.
      throw unsupported(`${operation} of an ${current.direction} referral`);
    },
  };
}
