import { empty, isRecord, json, readJsonObject } from '../internal/json';
import { matchCommerceRoute } from '../zoom-commerce/commerce-routes';
import type { ZoomPlanType, ZoomUserStatus } from './zoom-controls';
import {
  accountNotFound,
  emailInUse,
  type FieldError,
  invalidBody,
  invalidPageToken,
  noFreeLicence,
  selfPay,
  validationFailed,
  zoomError,
} from './zoom-responses';
import {
  type AccountRecord,
  PLAN_TYPES,
  type UserRecord,
  type ZoomStore,
  zoomDate,
  zoomTime,
} from './zoom-store';

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
  return { method, pattern: new RegExp(`^${path.replaceAll('{}', SEGMENT)}/?$`), label, handle };
}

const ROUTES: readonly ZoomRoute[] = [
  route('POST', '/accounts', 'light', createAccount),
  route('GET', '/accounts', 'medium', listAccounts),
  route('GET', '/accounts/{}', 'light', withAccount(getAccount)),
  route('DELETE', '/accounts/{}', 'light', withAccount(disassociateAccount)),
  route('POST', '/accounts/{}/users', 'light', withAccount(createUser)),
  route('GET', '/accounts/{}/users', 'medium', withAccount(listUsers)),
  route('PATCH', '/accounts/{}/users/{}', 'light', withAccount(updateUser)),
  route('GET', '/accounts/{}/plans', 'medium', withPlanAccount(getPlans)),
  route('POST', '/accounts/{}/plans', 'heavy', withPlanAccount(subscribe)),
  route('PUT', '/accounts/{}/plans/base', 'heavy', withPlanAccount(updateBasePlan)),
  route('GET', '/accounts/{}/plans/usage', 'heavy', withPlanAccount(getUsage)),
];

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function requireText(body: Record<string, unknown>, field: string, errors: FieldError[], prefix = ''): void {
  if (!text(body[field])) errors.push({ field: prefix + field, message: `${prefix + field} is required.` });
}

function requireEmail(value: unknown, field: string, errors: FieldError[]): void {
  if (!text(value) || !EMAIL.test(value)) errors.push({ field, message: 'Invalid email address.' });
}

function isPlanType(value: unknown): value is ZoomPlanType {
  return PLAN_TYPES.includes(value as ZoomPlanType);
}

function isHosts(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function optionalBoolean(value: unknown, field: string, errors: FieldError[]): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') errors.push({ field, message: `${field} must be a boolean.` });
  return value === true;
}

/** `page_size`: 1..300, default 30. */
function pageSize(url: URL): number | FieldError {
  const raw = url.searchParams.get('page_size');
  if (raw === null || raw === '') return 30;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 300) {
    return { field: 'page_size', message: 'page_size must be between 1 and 300.' };
  }
  return value;
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
  });
}

function accountType(account: AccountRecord): 'Pro' | 'Business' | 'Basic' {
  if (!account.plan) return 'Basic';
  return account.plan.type.startsWith('business') ? 'Business' : 'Pro';
}

function listAccounts({ store, url }: ZoomCall): Response {
  const size = pageSize(url);
  if (typeof size !== 'number') return validationFailed([size]);
  const accounts = store.associatedAccounts();
  const page = store.page('accounts', accounts, size, url.searchParams.get('next_page_token') ?? undefined);
  if (!page) return invalidPageToken();
  return json(200, {
    page_count: Math.ceil(accounts.length / size),
    page_number: 1,
    page_size: size,
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
      account_number: account.accountNumber,
    })),
  });
}

function getAccount(_call: ZoomCall, account: AccountRecord): Response {
  return json(200, {
    id: account.id,
    account_name: account.accountName,
    owner_id: account.ownerId,
    owner_email: account.ownerEmail,
    created_at: zoomTime(account.createdAt),
    account_number: account.accountNumber,
    options: {
      pay_mode: account.payMode,
      share_rc: account.shareRc,
      share_mc: account.shareMc,
      billing_auto_renew: account.billingAutoRenew,
    },
    vanity_url: '',
  });
}

function disassociateAccount(_call: ZoomCall, account: AccountRecord): Response {
  account.associated = false;
  return empty(204);
}

// --- users ----------------------------------------------------------------------------------------------------

const CREATE_ACTIONS = ['create', 'custCreate', 'autoCreate', 'ssoCreate'];

function userType(value: unknown, field: string, errors: FieldError[]): 1 | 2 {
  if (value !== 1 && value !== 2) errors.push({ field, message: 'type must be 1 (Basic) or 2 (Licensed).' });
  return value === 2 ? 2 : 1;
}

function userJson(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    type: user.type,
    status: user.status,
  };
}

async function createUser({ store, request }: ZoomCall, account: AccountRecord): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const errors: FieldError[] = [];
  if (typeof body.action !== 'string' || !CREATE_ACTIONS.includes(body.action)) {
    errors.push({ field: 'action', message: `action must be one of ${CREATE_ACTIONS.join(', ')}.` });
  }
  const info = isRecord(body.user_info) ? body.user_info : undefined;
  if (!info) errors.push({ field: 'user_info', message: 'user_info is required.' });
  requireEmail(info?.email, 'user_info.email', errors);
  const type = userType(info?.type, 'user_info.type', errors);
  for (const field of ['first_name', 'last_name']) {
    if (info?.[field] !== undefined && typeof info[field] !== 'string') {
      errors.push({ field: `user_info.${field}`, message: `${field} must be a string.` });
    }
  }
  if (errors.length > 0 || !info) return validationFailed(errors);

  const email = info.email as string;
  if (store.findUserByEmail(account, email)) return emailInUse(email);
  if (type === 2 && !store.hasFreeLicence(account)) return noFreeLicence();
  const user = store.insertUser(account, {
    email,
    firstName: typeof info.first_name === 'string' ? info.first_name : '',
    lastName: typeof info.last_name === 'string' ? info.last_name : '',
    type,
    status: body.action === 'create' ? 'pending' : 'active',
  });
  return json(201, {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    type: user.type,
  });
}

const USER_STATUSES: readonly ZoomUserStatus[] = ['active', 'pending', 'inactive'];

function listUsers({ store, url }: ZoomCall, account: AccountRecord): Response {
  const status = (url.searchParams.get('status') ?? 'active') as ZoomUserStatus;
  const errors: FieldError[] = [];
  if (!USER_STATUSES.includes(status)) {
    errors.push({ field: 'status', message: 'status must be active, pending or inactive.' });
  }
  const size = pageSize(url);
  if (typeof size !== 'number') errors.push(size);
  if (errors.length > 0 || typeof size !== 'number') return validationFailed(errors);
  const users = [...account.users.values()].filter((user) => user.status === status);
  const scope = `users:${account.id}:${status}`;
  const page = store.page(scope, users, size, url.searchParams.get('next_page_token') ?? undefined);
  if (!page) return invalidPageToken();
  return json(200, {
    users: page.items.map(userJson),
    next_page_token: page.nextPageToken,
    page_size: size,
    total_records: users.length,
  });
}

async function updateUser({ store, request, params }: ZoomCall, account: AccountRecord): Promise<Response> {
  const userId = params[1] ?? '';
  const user = account.users.get(userId);
  if (!user) return zoomError(404, 1001, `User does not exist: ${userId}.`);
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const errors: FieldError[] = [];
  const type = userType(body.type, 'type', errors);
  if (errors.length > 0) return validationFailed(errors);
  if (type === 2 && user.type !== 2 && !store.hasFreeLicence(account, user)) return noFreeLicence();
  user.type = type;
  return empty(204);
}

// --- plans ----------------------------------------------------------------------------------------------------

function getPlans(_call: ZoomCall, account: AccountRecord): Response {
  const { plan } = account;
  if (!plan) return json(200, {});
  return json(200, {
    plan_base: {
      type: plan.type,
      hosts: plan.hosts,
      service_effective_date: zoomDate(plan.startedAt),
      next_invoice_date: zoomDate(plan.nextInvoiceAt),
      status: plan.status,
    },
  });
}

function getUsage({ store }: ZoomCall, account: AccountRecord): Response {
  const { plan } = account;
  if (!plan) return json(200, {});
  return json(200, { plan_base: { type: plan.type, hosts: plan.hosts, ...store.licences(account) } });
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

async function subscribe({ store, request }: ZoomCall, account: AccountRecord): Promise<Response> {
  const body = await readJsonObject(request);
  if (!body) return invalidBody();
  const errors: FieldError[] = [];
  if (!isRecord(body.contact)) {
    errors.push({ field: 'contact', message: 'contact is required.' });
  } else {
    for (const field of ['first_name', 'last_name', 'country'])
      requireText(body.contact, field, errors, 'contact.');
    requireEmail(body.contact.email, 'contact.email', errors);
  }
  if (!isRecord(body.plan_base)) errors.push({ field: 'plan_base', message: 'plan_base is required.' });
  else planBaseErrors(body.plan_base, 'plan_base.', errors);
  if (errors.length > 0) return validationFailed(errors);

  if (account.plan) return zoomError(409, 409, 'The account already has a base plan.');
  const { type, hosts } = body.plan_base as { type: ZoomPlanType; hosts: number };
  store.subscribe(account, type, hosts);
  const owner = account.users.get(account.ownerId);
  if (owner && hosts >= 1 && owner.type !== 2) owner.type = 2;
  return json(201, { plan_base: { type, hosts } });
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
