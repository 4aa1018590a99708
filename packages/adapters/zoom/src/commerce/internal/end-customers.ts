import {
  byPageNumber,
  computeBackoffDelay,
  isAmbiguousFailure,
  isChannelError,
  type OperationContext,
  PartiallyAppliedError,
  paginate,
  ResponseValidationError,
  sleep,
  ValidationError,
} from '@channelkit/core';
import type { Contact, EmployeeCountBand, PostalAddress } from '@channelkit/types';
import { sendParsed } from '../../internal/request';
import { type CommerceScope, sameName, segment } from './commerce-scope';
import {
  type AccountDetails,
  type AccountEntry,
  accountDetailsSchema,
  accountListSchema,
  createdAccountSchema,
} from './commerce-wire-schemas';

/** What an end customer is created from: a provisioning input's profile and admin, or a referral's customer. */
export interface EndCustomerSpec {
  legalName: string;
  country: string;
  employeeCount: EmployeeCountBand;
  website: string | undefined;
  address: PostalAddress | undefined;
  contacts: readonly Contact[];
  /** The account's currency; the adapter's `currency` option when absent. */
  currency?: string | undefined;
}

/** Where the fields of an {@link EndCustomerSpec} came from in the caller's input, for error messages. */
export interface SpecPaths {
  /** What was validated, e.g. `provision input`. */
  subject: string;
  /** The profile, e.g. `profile` or `customer`. */
  profile: string;
  /** The contact at an index, e.g. `admin` or `contacts[0]`. */
  contact: (index: number) => string;
}

/** How provisioning came by the account: created now, found under its name and country, or left by an earlier attempt. */
export type EndCustomerOrigin = 'created' | 'found' | 'resumed';

/** The end customer's account, ready: its details, and how it was come by. */
export interface ObtainedEndCustomer {
  details: AccountDetails;
  origin: EndCustomerOrigin;
}

/** Creates sent for one end customer, at most; each one follows a lookup that found nothing. */
const MAX_WRITE_ATTEMPTS = 3;
const WRITE_BACKOFF = { maxRetries: MAX_WRITE_ATTEMPTS, baseDelayMs: 500, maxDelayMs: 5_000 };
/** Lookups of a pending creation, at most, whatever the deadline. */
const MAX_POLLS = 40;
const POLL_BASE_MS = 250;
const POLL_MAX_MS = 5_000;
/** Zoom's largest page of `GET /commerce/accounts`. */
export const ACCOUNT_PAGE_SIZE = 300;

/** Zoom's company sizes for ours: Zoom starts at `'Just Me'` and `'2-10'`, the rest are the same bands. */
export function zoomEmployeeCount(band: EmployeeCountBand): string {
  return band === '1-10' ? '2-10' : band;
}

function refuse(paths: SpecPaths, field: string, message: string): never {
  throw new ValidationError({
    message: `Invalid ${paths.subject}: ${field}: ${message}`,
    issues: [{ path: field, message }],
  });
}

function siteDomain(website: string): string | undefined {
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/**
 * Zoom's rules for a new end customer, which the shared schemas cannot know: a web site, a billing address with state
 * and postal code, a job title for every contact, and contacts' e-mail on the account's own domain (Zoom: "the email
 * domain should be the same as the account domain"). Checked before any request.
 */
export function checkEndCustomerSpec(spec: EndCustomerSpec, paths: SpecPaths): void {
  const { profile } = paths;
  if (spec.website === undefined) {
    refuse(
      paths,
      `${profile}.website`,
      'is required by Zoom Partner Commerce to create the customer account',
    );
  }
  const address = spec.address;
  if (address === undefined) {
    refuse(
      paths,
      `${profile}.address`,
      "is required by Zoom Partner Commerce: it is the account's billing address",
    );
  }
  if (address.region === undefined) {
    refuse(
      paths,
      `${profile}.address.region`,
      'is required by Zoom Partner Commerce (billing_address.state); where there is none, repeat the city',
    );
  }
  if (address.postalCode === undefined) {
    refuse(
      paths,
      `${profile}.address.postalCode`,
      'is required by Zoom Partner Commerce (billing_address.postal_code)',
    );
  }
  const domain = siteDomain(spec.website);
  spec.contacts.forEach((contact, index) => {
    if (contact.jobTitle === undefined) {
      refuse(
        paths,
        `${paths.contact(index)}.jobTitle`,
        'is required by Zoom Partner Commerce for every contact',
      );
    }
    const emailDomain = contact.email.slice(contact.email.lastIndexOf('@') + 1).toLowerCase();
    const same =
      domain !== undefined &&
      (emailDomain === domain || emailDomain.endsWith(`.${domain}`) || domain.endsWith(`.${emailDomain}`));
    if (!same) {
      refuse(
        paths,
        `${paths.contact(index)}.email`,
        `must be on the customer's own domain (${domain ?? spec.website}): Zoom Partner Commerce wants contacts' ` +
          'e-mail domain to be the account domain',
      );
    }
  });
}

function accountBody(scope: CommerceScope, spec: EndCustomerSpec) {
  const address = spec.address as PostalAddress;
  return {
    account_name: spec.legalName,
    employee_count: zoomEmployeeCount(spec.employeeCount),
    website: spec.website,
    currency: spec.currency ?? scope.currency,
    contacts: spec.contacts.map((contact, index) => contactBody(contact, index === 0 ? 'Admin' : undefined)),
    billing_address: {
      line_1: address.line2 ? `${address.line1}, ${address.line2}` : address.line1,
      city: address.city,
      postal_code: address.postalCode,
      state: address.region,
      country: address.country,
    },
  };
}

function contactBody(contact: Contact, role: string | undefined) {
  return {
    first_name: contact.firstName,
    last_name: contact.lastName,
    job_title: contact.jobTitle,
    company_email: contact.email,
    business_phone: contact.mobile,
    ...(role === undefined ? {} : { primary_role: role }),
  };
}

/** Every entry of `GET /commerce/accounts` matching `query`, lazily and bounded by the client's pagination bounds. */
export function walkAccounts(
  context: OperationContext,
  query: Record<string, string>,
  operation: string,
  pageSize = ACCOUNT_PAGE_SIZE,
) {
  const fetchPage = byPageNumber({
    fetch: (page) =>
      sendParsed(
        context,
        'medium',
        {
          operation,
          method: 'GET',
          path: '/commerce/accounts',
          query: { ...query, page_size: pageSize, page_number: page },
        },
        accountListSchema,
      ),
    items: (answer) => answer.account_list ?? [],
    totalPages: (answer) => answer.page_count ?? undefined,
    pageSize,
  });
  return paginate<AccountEntry, number>(fetchPage, {
    ...context.pagination,
    signal: context.signal,
    what: 'zoom commerce accounts',
  });
}

/**
 * What the lookup asks Zoom's `account_name` filter for: the longest word of the name (compatibility forms folded),
 * so that a name stored with other spacing, letter case or full-width letters is still among the results, which are
 * then compared in full.
 */
export function nameFilter(name: string): string {
  const words = name.normalize('NFKC').trim().split(/\s+/u);
  return words.reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

/**
 * Finds the end customer with this name (ignoring case, spacing and full-width forms) and billing country. Zoom's
 * `account_name` filter is asked for the name's longest word ({@link nameFilter}) and every entry compared; the walk
 * is bounded.
 */
export async function findEndCustomer(
  spec: Pick<EndCustomerSpec, 'legalName' | 'country'>,
  context: OperationContext,
  operation: string,
): Promise<AccountEntry | undefined> {
  const query = { account_name: nameFilter(spec.legalName) };
  for await (const entry of walkAccounts(context, query, `${operation} (customer lookup)`)) {
    if (
      entry.account_name &&
      sameName(entry.account_name, spec.legalName) &&
      entry.country === spec.country
    ) {
      return entry;
    }
  }
  return undefined;
}

/** `GET /commerce/accounts/{crmAccountNumber}`, validated. */
export function readEndCustomer(
  crmAccountNumber: string,
  context: OperationContext,
  operation: string,
): Promise<AccountDetails> {
  return sendParsed(
    context,
    'light',
    { operation, method: 'GET', path: `/commerce/accounts/${segment(crmAccountNumber)}` },
    accountDetailsSchema,
  );
}

async function lookupReference(reference: string, context: OperationContext, operation: string) {
  for await (const entry of walkAccounts(
    context,
    { create_reference_id: reference },
    `${operation} (creation status)`,
  )) {
    if (entry.create_reference_id === reference) return entry;
  }
  return undefined;
}

/** What to say when a creation is still pending at the deadline. */
export interface PendingAdvice {
  /** The operation, e.g. `accounts.provision`. */
  operation: string;
  /** What was applied, e.g. `submitted end customer X`. */
  applied: string;
  /** What remains after the account exists, e.g. `order 10 seats of plan P`. */
  remaining: readonly string[];
}

/**
 * Follows a pending creation by its create reference (`GET /commerce/accounts?create_reference_id=`) until the
 * account has its CRM number, with backoff, the operation's signal, `scope.accountCreationTimeoutMs` and at most 40
 * lookups. Still pending then: `PartiallyAppliedError` whose `resourceId` is the create reference, which a call
 * repeated with the same idempotency key follows again. Zoom reports a failed creation by webhook only
 * (`commerce.account_status_changed`), so a failure looks like a creation that never completes.
 */
export async function followCreation(
  scope: CommerceScope,
  reference: string,
  context: OperationContext,
  advice: PendingAdvice,
): Promise<string> {
  const deadline = performance.now() + scope.accountCreationTimeoutMs;
  for (let poll = 1; ; poll += 1) {
    const entry = await lookupReference(reference, context, advice.operation);
    if (entry?.crm_account_number) {
      context.logger.info('zoom commerce: end customer created', {
        createReferenceId: reference,
        crmAccountNumber: entry.crm_account_number,
        polls: poll,
      });
      return entry.crm_account_number;
    }
    const wait = Math.min(POLL_BASE_MS * 2 ** (poll - 1), POLL_MAX_MS);
    if (poll >= MAX_POLLS || performance.now() + wait > deadline) {
      throw new PartiallyAppliedError({
        platform: 'zoom',
        operation: advice.operation,
        resourceId: reference,
        applied: [advice.applied],
        remaining: ['Zoom completing the account creation', ...advice.remaining],
        advice:
          `Zoom had not completed the account (create reference ${reference}) after ${poll} lookups. Repeat the same ` +
          'call with the same idempotency key later: it follows this creation and creates no other account. Zoom ' +
          'reports a failed creation by webhook (commerce.account_status_changed).',
        cause: new Error(`end customer ${reference} still pending`),
      });
    }
    await sleep(wait, context.signal);
  }
}

function isNotFound(error: unknown): boolean {
  return isChannelError(error) && error.code === 'not_found';
}

/**
 * The account an earlier attempt with the same idempotency key left: a CRM account number, or the create reference
 * of a creation that was still pending. `undefined` when neither exists any more.
 */
async function resumedEndCustomer(
  scope: CommerceScope,
  id: string,
  context: OperationContext,
  advice: PendingAdvice,
): Promise<AccountDetails | undefined> {
  const pending = await lookupReference(id, context, advice.operation);
  if (pending !== undefined) {
    const crm = pending.crm_account_number || (await followCreation(scope, id, context, advice));
    return readEndCustomer(crm, context, advice.operation);
  }
  try {
    return await readEndCustomer(id, context, advice.operation);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return undefined;
  }
}

/**
 * `POST /commerce/account` without blind retries: after an ambiguous failure (timeout, reset, 5xx) the customer is
 * looked up by name and billing country before anything is sent again; found, it is used. At most three creates.
 */
async function createEndCustomer(
  scope: CommerceScope,
  spec: EndCustomerSpec,
  context: OperationContext,
  operation: string,
): Promise<{ reference: string; crm: string | undefined; found: boolean }> {
  const body = accountBody(scope, spec);
  for (let attempt = 1; ; attempt += 1) {
    try {
      const created = await sendParsed(
        context,
        'light',
        { operation, method: 'POST', path: '/commerce/account', body, idempotent: false },
        createdAccountSchema,
      );
      context.logger.info('zoom commerce: end customer submitted', {
        createReferenceId: created.create_reference_id,
        status: created.status ?? undefined,
        attempt,
      });
      return {
        reference: created.create_reference_id,
        crm: created.crm_account_number ?? undefined,
        found: false,
      };
    } catch (error) {
      if (!isAmbiguousFailure(error)) throw error;
      const existing = await findEndCustomer(spec, context, operation);
      if (existing?.create_reference_id) {
        context.logger.info('zoom commerce: ambiguous create resolved by lookup; the customer exists', {
          createReferenceId: existing.create_reference_id,
          attempt,
        });
        return {
          reference: existing.create_reference_id,
          crm: existing.crm_account_number || undefined,
          found: true,
        };
      }
      if (attempt >= MAX_WRITE_ATTEMPTS) throw error;
      context.logger.info('zoom commerce: ambiguous create left no customer; creating again', { attempt });
      await sleep(computeBackoffDelay(attempt, WRITE_BACKOFF), context.signal);
    }
  }
}

/**
 * The end customer's account, ready to order for: the one an earlier attempt left (`context.resume`), else the one
 * with this name and billing country, else a new one (followed until Zoom has created it).
 */
export async function obtainEndCustomer(
  scope: CommerceScope,
  spec: EndCustomerSpec,
  context: OperationContext,
  advice: Omit<PendingAdvice, 'applied'>,
): Promise<ObtainedEndCustomer> {
  const resumeId = context.resume?.resourceId;
  if (resumeId !== undefined) {
    const resumed = await resumedEndCustomer(scope, resumeId, context, {
      ...advice,
      applied: `end customer ${spec.legalName} submitted by an earlier attempt`,
    });
    if (resumed && sameName(resumed.account_name, spec.legalName)) {
      context.logger.info('zoom commerce: continuing with the customer an earlier attempt created', {
        crmAccountNumber: resumed.crm_account_number,
      });
      return { details: resumed, origin: 'resumed' };
    }
  }
  const found = await findEndCustomer(spec, context, advice.operation);
  let reference: string | undefined;
  let crm: string | undefined;
  let origin: EndCustomerOrigin;
  if (found) {
    origin = 'found';
    reference = found.create_reference_id ?? undefined;
    crm = found.crm_account_number || undefined;
    context.logger.info('zoom commerce: the customer already exists; continuing with it', {
      crmAccountNumber: crm,
      createReferenceId: reference,
    });
  } else {
    const created = await createEndCustomer(scope, spec, context, advice.operation);
    origin = created.found ? 'found' : 'created';
    reference = created.reference;
    crm = created.crm;
  }
  if (crm === undefined) {
    if (reference === undefined) {
      throw new ResponseValidationError(
        `zoom listed the account of ${spec.legalName} with neither a CRM number nor a create reference`,
        { platform: 'zoom', operation: advice.operation },
      );
    }
    crm = await followCreation(scope, reference, context, {
      ...advice,
      applied: `submitted end customer ${spec.legalName} (create reference ${reference})`,
    });
  }
  return { details: await readEndCustomer(crm, context, advice.operation), origin };
}

/**
 * The CRM numbers of `contacts` on the account, matched by e-mail (ignoring case); contacts the account lacks are added
 * first (`POST /commerce/account/{crmAccountNumber}/contacts`) and the account read again.
 */
export async function contactNumbers(
  details: AccountDetails,
  contacts: readonly Contact[],
  context: OperationContext,
  operation: string,
): Promise<{ details: AccountDetails; numbers: string[] }> {
  const numberOf = (account: AccountDetails, email: string) =>
    account.contacts?.find((contact) => contact.company_email?.toLowerCase() === email.toLowerCase())
      ?.contact_crm_number ?? undefined;
  const missing = contacts.filter((contact) => numberOf(details, contact.email) === undefined);
  let current = details;
  if (missing.length > 0) {
    await sendParsed(
      context,
      'light',
      {
        operation,
        method: 'POST',
        path: `/commerce/account/${segment(details.crm_account_number)}/contacts`,
        body: { contacts: missing.map((contact) => contactBody(contact, undefined)) },
        idempotent: false,
      },
      createdAccountSchema,
    );
    context.logger.info('zoom commerce: added contacts to the customer', {
      crmAccountNumber: details.crm_account_number,
      added: missing.length,
    });
    current = await readEndCustomer(details.crm_account_number, context, operation);
  }
  const numbers = contacts.map((contact) => {
    const number = numberOf(current, contact.email);
    if (number === undefined) {
      throw new ResponseValidationError(
        `zoom does not list the contact ${contact.email} on account ${current.crm_account_number} although it was ` +
          'just added; Zoom may still be processing it. Repeat the call later',
        { platform: 'zoom', operation },
      );
    }
    return number;
  });
  return { details: current, numbers };
}
