import { empty, isRecord, json, readJsonObject } from '../internal/json';
import { matchCommerceRoute } from '../zoom-commerce/commerce-routes';
import type { ZoomPlanType } from './zoom-controls';
import {
  accountNotFound,
  emailInUse,
  type FieldError,
  invalidBody,
  invalidPageToken,
  selfPay,
  validationFailed,
  zoomError,
} from './zoom-responses';
import { type AccountRecord, PLAN_TYPES, type ZoomStore, zoomDate, zoomTime } from './zoom-store';
import { createUser, getUser, listUsers, updateUser } from './zoom-users';
import { optionalBoolean, readPaging, requireEmail, requireText, text } from './zoom-validation';
import type {
  ZoomAccountAnswer,
  ZoomAccountListAnswer,
  ZoomCreatedAccountAnswer,
  ZoomPlansAnswer,
  ZoomPlanUsageAnswer,
  ZoomSubscribedPlansAnswer,
} from './zoom-wire-types';

/** Zoom rate-limit label of an endpoint. */
export type ZoomLabel = 'light' | 'medium' | 'heavy';

/** Everything an endpoint handler needs. */
export interface ZoomCall {
  readonly store: ZoomStore;
  readonly request: Request;
  readonly url: URL;
  readonly params: readonly string[];
}

interface ZoomRoute {
  readonly method: string;
  /** The path as Zoom's reference writes it, with `{}` for each parameter. */
  readonly path: string;
  readonly pattern: RegExp;
  readonly label: ZoomLabel;
  readonly handle: (call: ZoomCall) => Promise<Response> | Response;
}

/** A route matched against a request: its label and the bound handler. */
export interface MatchedZoomRoute {
  readonly label: ZoomLabel;
  readonly run: (store: ZoomStore, request: Request, url: URL) => Promise<Response> | Response;
}

const SEGMENT = '([^/]+)';

function route(method: string, path: string, label: ZoomLabel, handle: ZoomRoute['handle']): ZoomRoute {
  return { method, path, pattern: new RegExp(`^${path.replaceAll('{}', SEGMENT)}/?$`), label, handle };
}

const ROUTES: readonly ZoomRoute[] = [
  route('POST', '/accounts', 'light', createAccount),
  route('GET', '/accounts', 'medium', listAccounts),
  route('GET', '/accounts/{}', 'light', withAccount(getAccount)),
  route('DELETE', '/accounts/{}', 'light', withAccount(disassociateAccount)),
  route('POST', '/accounts/{}/users', 'light', withAccount(createUser)),
  route('GET', '/accounts/{}/users', 'medium', withAccount(listUsers)),
  route('GET', '/accounts/{}/users/{}', 'light', withAccount(getUser)),
  route('PATCH', '/accounts/{}/users/{}', 'light', withAccount(updateUser)),
  route('GET', '/accounts/{}/plans', 'medium', withPlanAccount(getPlans)),
  route('POST', '/accounts/{}/plans', 'heavy', withPlanAccount(subscribe)),
  route('PUT', '/accounts/{}/plans/base', 'heavy', withPlanAccount(updateBasePlan)),
  route('GET', '/accounts/{}/plans/usage', 'heavy', withPlanAccount(getUsage)),
];

/**
 * Every Master Account, Billing and Users endpoint the in-memory Zoom serves, as `{ method, path }` with `{}` for
 * each path parameter. The Partner Commerce endpoints are listed by `commerceEndpoints()`.
 */
export function zoomEndpoints(): { method: string; path: string }[] {
  return ROUTES.map(({ method, path }) => ({ method, path }));
}

/**
 * Finds the endpoint for a method and a path relative to the API base (e.g. `/accounts/abc`); the Partner Commerce
 * endpoints (`/commerce/...`) are served by `src/zoom-commerce`.
 */
export function matchZoomRoute(method: string, path: string): MatchedZoomRoute | undefined {
  const commerce = matchCommerceRoute(method, path);
  if (commerce)
    return {
      label: commerce.label,
      run: (store, request, url) => commerce.run(store.commerce, request, url),
    };
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params = match.slice(1).map((value) => decodeURIComponent(value ?? ''));
    return {
      label: candidate.label,
      run: (store, request, url) => candidate.handle({ store, request, url, params }),
    };
  }
  return undefined;
}

type AccountHandler = (call: ZoomCall, account: AccountRecord) => Promise<Response> | Response;

function withAccount(handler: AccountHandler): ZoomRoute['handle'] {
  return (call) => {
    const id = call.params[0] ?? '';
    const account = call.store.account(id);
    return account ? handler(call, account) : accountNotFound(id);
  };
}

function withPlanAccount(handler: AccountHandler): ZoomRoute['handle'] {
  return withAccount((call, account) => (account.payMode === 'sub' ? selfPay() : handler(call, account)));
}

// --- validation helpers ---------------------------------------------------------------------------------------

function isPlanType(value: unknown): value is ZoomPlanType {
  return PLAN_TYPES.includes(value as ZoomPlanType);
}

function isHosts(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

// --- sub-accounts ---------------------------------------------------------------------------------------------

async function createAccount({ store, request }: ZoomCall): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const errors: FieldError[] = [];
  requireText(body, 'first_name', errors);
  requireText(body, 'last_name', errors);
  requireEmail(body.email, 'email', errors);
  const { password } = body;
  if (
    typeof password !== 'string' ||
    password.length < 8 ||
    password.length > 32 ||
    !/[A-Za-z]/.test(password) ||
    !/\d/.test(password)
  ) {
    errors.push({
      field: 'password',
      message: 'Password must be 8 to 32 characters and contain letters and digits.',
    });
  }
  if (
    body.account_name !== undefined &&
    (typeof body.account_name !== 'string' || body.account_name.length > 64)
  ) {
    errors.push({ field: 'account_name', message: 'account_name must be at most 64 characters.' });
  }
  const options = body.options === undefined ? {} : body.options;
  if (!isRecord(options)) errors.push({ field: 'options', message: 'options must be an object.' });
  const opts = isRecord(options) ? options : {};
  if (opts.pay_mode !== undefined && opts.pay_mode !== 'master' && opts.pay_mode !== 'sub') {
    errors.push({ field: 'options.pay_mode', message: "pay_mode must be 'master' or 'sub'." });
  }
  const shareRc = optionalBoolean(opts.share_rc, 'options.share_rc', errors);
  const shareMc = optionalBoolean(opts.share_mc, 'options.share_mc', errors);
  const billingAutoRenew = optionalBoolean(opts.billing_auto_renew, 'options.billing_auto_renew', errors);
  if (errors.length > 0) return validationFailed(errors);

  const email = body.email as string;
  if (store.findOwnedAccount(email)) return emailInUse(email);
  const firstName = body.first_name as string;
  const lastName = body.last_name as string;
  const accountName = text(body.account_name) ? body.account_name : `${firstName} ${lastName}`;
  const account = store.insertAccount({
    email,
    firstName,
    lastName,
    accountName,
    payMode: opts.pay_mode === 'sub' ? 'sub' : 'master',
    shareRc,
    shareMc,
    billingAutoRenew,
  });
  return json(201, {
    id: account.id,
    owner_id: account.ownerId,
    owner_email: account.ownerEmail,
    created_at: zoomTime(account.createdAt),
  } satisfies ZoomCreatedAccountAnswer);
}

function accountType(account: AccountRecord): 'Pro' | 'Business' | 'Basic' {
  if (!account.plan) return 'Basic';
  return account.plan.type.startsWith('business') ? 'Business' : 'Pro';
}

/** `GET /accounts`: the only Master Account answer that names a sub-account (`account_name`). */
function listAccounts({ store, url }: ZoomCall): Response {
  const errors: FieldError[] = [];
  const paging = readPaging(url, errors);
  if (errors.length > 0) return validationFailed(errors);
  const accounts = store.associatedAccounts();
  const page = store.page('accounts', accounts, paging.size, paging);
  if (!page) return invalidPageToken();
  return json(200, {
    page_count: Math.ceil(accounts.length / paging.size),
    page_number: page.pageNumber,
    page_size: paging.size,
    total_records: accounts.length,
    next_page_token: page.nextPageToken,
    accounts: page.items.map((account) => ({
      id: account.id,
      account_name: account.accountName,
      owner_email: account.ownerEmail,
      account_type: accountType(account),
      seats: account.plan?.hosts ?? 0,
      ...(account.plan && {
        subscription_start_time: zoomTime(account.plan.startedAt),
        subscription_end_time: zoomTime(account.plan.nextInvoiceAt),
      }),
      created_at: zoomTime(account.createdAt),
      // Zoom's reference types the account number as a string here.
      account_number: String(account.accountNumber),
    })),
  } satisfies ZoomAccountListAnswer);
}

/** `GET /accounts/{accountId}`: Zoom's documented answer has no `account_name` (only the list names accounts). */
function getAccount(_call: ZoomCall, account: AccountRecord): Response {
  return json(200, {
    id: account.id,
    owner_id: account.ownerId,
    owner_email: account.ownerEmail,
    created_at: zoomTime(account.createdAt),
    options: {
      pay_mode: account.payMode,
      share_rc: account.shareRc,
      share_mc: account.shareMc,
      billing_auto_renew: account.billingAutoRenew,
    },
    vanity_url: '',
  } satisfies ZoomAccountAnswer);
}

function disassociateAccount(_call: ZoomCall, account: AccountRecord): Response {
  account.associated = false;
  return empty(204);
}

// --- plans ----------------------------------------------------------------------------------------------------

function getPlans(_call: ZoomCall, account: AccountRecord): Response {
  const { plan } = account;
  if (!plan) return json(200, {} satisfies ZoomPlansAnswer);
  return json(200, {
    plan_base: {
      type: plan.type,
      hosts: plan.hosts,
      service_effective_date: zoomDate(plan.startedAt),
      next_invoice_date: zoomDate(plan.nextInvoiceAt),
      status: plan.status,
    },
  } satisfies ZoomPlansAnswer);
}

function getUsage({ store }: ZoomCall, account: AccountRecord): Response {
  const { plan } = account;
  if (!plan) return json(200, {} satisfies ZoomPlanUsageAnswer);
  const { usage, pending } = store.licences(account);
  return json(200, {
    plan_base: { type: plan.type, hosts: plan.hosts, usage, pending },
  } satisfies ZoomPlanUsageAnswer);
}

function planBaseErrors(value: unknown, prefix: string, errors: FieldError[]): void {
  const plan = isRecord(value) ? value : {};
  if (!isPlanType(plan.type)) {
    errors.push({ field: `${prefix}type`, message: `type must be one of ${PLAN_TYPES.join(', ')}.` });
  }
  if (!isHosts(plan.hosts)) {
    errors.push({ field: `${prefix}hosts`, message: 'hosts must be a non-negative integer.' });
  }
}

/**
 * The billing contact's fields Zoom's published schema requires (`apt`, the apartment or suite, is optional); `country`
 * is Zoom's abbreviated country id.
 */
const CONTACT_FIELDS = [
  'first_name',
  'last_name',
  'phone_number',
  'address',
  'city',
  'state',
  'zip',
  'country',
];

function contactErrors(contact: unknown, errors: FieldError[]): void {
  if (!isRecord(contact)) {
    errors.push({ field: 'contact', message: 'contact is required.' });
    return;
  }
  for (const field of CONTACT_FIELDS) requireText(contact, field, errors, 'contact.');
  requireEmail(contact.email, 'contact.email', errors);
  if (contact.apt !== undefined && typeof contact.apt !== 'string') {
    errors.push({ field: 'contact.apt', message: 'contact.apt must be a string.' });
  }
}

/** `POST /accounts/{accountId}/plans`: the billing contact and the base plan, both required. */
async function subscribe({ store, request }: ZoomCall, account: AccountRecord): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const errors: FieldError[] = [];
  contactErrors(body.contact, errors);
  if (!isRecord(body.plan_base)) errors.push({ field: 'plan_base', message: 'plan_base is required.' });
  else planBaseErrors(body.plan_base, 'plan_base.', errors);
  if (errors.length > 0) return validationFailed(errors);

  if (account.plan) return zoomError(409, 409, 'The account already has a base plan.');
  const { type, hosts } = body.plan_base as { type: ZoomPlanType; hosts: number };
  store.subscribe(account, type, hosts);
  const owner = account.users.get(account.ownerId);
  if (owner && hosts >= 1 && owner.type !== 2) owner.type = 2;
  return json(201, { plan_base: { type, hosts } } satisfies ZoomSubscribedPlansAnswer);
}

async function updateBasePlan({ store, request }: ZoomCall, account: AccountRecord): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const errors: FieldError[] = [];
  planBaseErrors(body, '', errors);
  if (errors.length > 0) return validationFailed(errors);
  const { plan } = account;
  if (!plan) {
    return validationFailed([{ field: 'plan_base', message: 'The account does not have a base plan.' }]);
  }
  const { type, hosts } = body as { type: ZoomPlanType; hosts: number };
  const { usage } = store.licences(account);
  if (hosts < usage) {
    return validationFailed([
      {
        field: 'hosts',
        message: `The number of licenses cannot be less than the number of licensed users (${usage}).`,
      },
    ]);
  }
  plan.type = type;
  plan.hosts = hosts;
  return empty(204);
}
