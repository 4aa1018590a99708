import type { PlatformUrls } from '../platform/platform-urls';
import type { UmeetAccountStatus } from './umeet-controls';
import {
  type FieldProblem,
  isRecord,
  jsonResponse,
  problem,
  unreadableBody,
  validationFailed,
} from './umeet-http';
import {
  accountJson,
  licenceJson,
  licenceTag,
  operationJson,
  operationState,
  secondsUntilProvisioned,
} from './umeet-representations';
import type { AccountRecord, UmeetStore } from './umeet-store';
import { planOf, seatsOf, validateNewAccount } from './umeet-validation';

/** Umeet's rate-limit category of an endpoint: reads and writes are counted apart. */
export type UmeetCategory = 'read' | 'write';

/** Everything an endpoint handler needs. */
export interface UmeetCall {
  readonly store: UmeetStore;
  readonly request: Request;
  readonly url: URL;
  readonly params: readonly string[];
  /** Where this copy is served, as the client sees it (for the status URL). */
  readonly urls: PlatformUrls;
  /** The request body as text, read once (the idempotency fingerprint needs it too). */
  readonly body: string;
}

type Handler = (call: UmeetCall) => Response;

interface Route {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly pattern: RegExp;
  readonly handle: Handler;
  /** `POST /accounts` refuses a request without `Idempotency-Key`; other POSTs honour one when sent. */
  readonly keyRequired?: boolean;
}

/** A request matched to an endpoint. */
export type MatchedRoute =
  | {
      readonly kind: 'route';
      readonly category: UmeetCategory;
      readonly route: Route;
      readonly params: string[];
    }
  | { readonly kind: 'method_not_allowed'; readonly allow: string[] }
  | { readonly kind: 'not_found' };

const SEGMENT = '([^/]+)';

function route(method: Route['method'], path: string, handle: Handler, keyRequired = false): Route {
  return { method, pattern: new RegExp(`^${path.replaceAll('{}', SEGMENT)}/?$`), handle, keyRequired };
}

const ROUTES: readonly Route[] = [
  route('POST', '/accounts', createAccount, true),
  route('GET', '/accounts', listAccounts),
  route(
    'GET',
    '/accounts/{}',
    withAccount((_call, account) => jsonResponse(200, accountJson(account))),
  ),
  route('POST', '/accounts/{}/suspend', withAccount(suspend)),
  route('POST', '/accounts/{}/resume', withAccount(resume)),
  route('POST', '/accounts/{}/terminate', withAccount(terminate)),
  route('GET', '/accounts/{}/licence', withAccount(getLicence)),
  route('PUT', '/accounts/{}/licence', withAccount(putLicence)),
  route('GET', '/operations/{}', getOperation),
];

/** Finds the endpoint of a method and a path under the API base (e.g. `/accounts/acc_1`). */
export function matchUmeetRoute(method: string, subpath: string): MatchedRoute {
  const allow: string[] = [];
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(subpath);
    if (!match) continue;
    if (candidate.method !== method) {
      allow.push(candidate.method);
      continue;
    }
    return {
      kind: 'route',
      category: method === 'GET' ? 'read' : 'write',
      route: candidate,
      params: match.slice(1).map((value) => safeDecode(value ?? '')),
    };
  }
  return allow.length > 0 ? { kind: 'method_not_allowed', allow } : { kind: 'not_found' };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function accountNotFound(id: string): Response {
  return problem(404, 'account_not_found', 'Account not found', `企业账号 ${id} 不存在。`);
}

function withAccount(handler: (call: UmeetCall, account: AccountRecord) => Response): Handler {
  return (call) => {
    const id = call.params[0] ?? '';
    const account = call.store.account(id);
    return account ? handler(call, account) : accountNotFound(id);
  };
}

function invalidState(account: AccountRecord, detail: string): Response {
  return problem(409, 'invalid_state', 'Invalid account state', detail, {
    extensions: { account_status: account.status },
  });
}

function parseBody(call: UmeetCall): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(call.body);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

// --- accounts -------------------------------------------------------------------------------------------------

function createAccount(call: UmeetCall): Response {
  const { store } = call;
  const body = parseBody(call);
  if (!body) return unreadableBody();
  const validated = validateNewAccount(body);
  if ('errors' in validated) return validationFailed(validated.errors);
  const input = validated.account;
  if (input.seats > store.settings.defaultSeatCap) {
    return seatsAboveCap(store.settings.defaultSeatCap, input.seats, '/licence/seats');
  }
  if (store.isReservedEmail(input.admin.email)) {
    return problem(
      409,
      'admin_email_taken',
      'Admin email taken',
      '该邮箱已是其他合作伙伴的企业账号的管理员。',
      {
        extensions: { errors: [{ pointer: '/admin/email', detail: '已被使用。' }] },
      },
    );
  }
  const owner = store.findByAdminEmail(input.admin.email);
  if (owner) {
    return problem(
      409,
      'admin_email_taken',
      'Admin email taken',
      `该邮箱已是企业账号 ${owner.id} 的管理员。`,
      {
        extensions: { errors: [{ pointer: '/admin/email', detail: '已被使用。' }] },
      },
    );
  }
  const { account, operation } = store.create(input);
  // Accepted, not done: the answer describes the operation as started, whatever its delay.
  return jsonResponse(
    202,
    { ...operationJson(store, operation, account), status: 'running' },
    {
      location: `${call.urls.baseUrl}/operations/${operation.id}`,
      'retry-after': String(secondsUntilProvisioned(store, account)),
    },
  );
}

const STATUSES: readonly UmeetAccountStatus[] = [
  'provisioning',
  'pending_verification',
  'active',
  'suspended',
  'terminated',
  'rejected',
];

/** The largest page of `GET /accounts`. */
export const MAX_LIMIT = 200;
const DEFAULT_LIMIT = 20;

function integerParameter(
  url: URL,
  name: string,
  fallback: number,
  min: number,
  max: number,
  errors: FieldProblem[],
): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    errors.push({ parameter: name, detail: `必须是 ${min} 到 ${max} 之间的整数。` });
    return fallback;
  }
  return value;
}

function listAccounts({ store, url }: UmeetCall): Response {
  const errors: FieldProblem[] = [];
  const offset = integerParameter(url, 'offset', 0, 0, Number.MAX_SAFE_INTEGER, errors);
  const limit = integerParameter(url, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
  const status = url.searchParams.get('status');
  if (status !== null && !STATUSES.includes(status as UmeetAccountStatus)) {
    errors.push({ parameter: 'status', detail: `可选：${STATUSES.join('、')}。` });
  }
  if (errors.length > 0) {
    return problem(400, 'invalid_request', 'Invalid request', '查询参数无效，详见 errors。', {
      extensions: { errors },
    });
  }
  const email = url.searchParams.get('admin_email')?.toLowerCase();
  // Creation order: new accounts are appended and none is ever removed, so an offset walk skips nothing.
  const matching = store
    .accounts()
    .filter((account) => status === null || account.status === status)
    .filter((account) => email === undefined || account.admin.email.toLowerCase() === email);
  return jsonResponse(200, {
    items: matching.slice(offset, offset + limit).map(accountJson),
    total: matching.length,
    offset,
    limit,
  });
}

function reasonOf(call: UmeetCall): string | undefined {
  const body = call.body === '' ? undefined : parseBody(call);
  const reason = body?.reason;
  return typeof reason === 'string' && reason.trim() !== '' ? reason.slice(0, 200) : undefined;
}

function suspend(call: UmeetCall, account: AccountRecord): Response {
  if (account.status === 'suspended') return jsonResponse(200, accountJson(account));
  if (account.status !== 'active' && account.status !== 'pending_verification') {
    return invalidState(account, `账号状态为 ${account.status}，不能暂停。`);
  }
  account.resumeTo = account.status;
  account.status = 'suspended';
  account.suspendedBy = 'partner';
  account.statusReason = reasonOf(call) ?? '合作伙伴暂停';
  account.updatedAt = call.store.settings.now();
  return jsonResponse(200, accountJson(account));
}

function resume(call: UmeetCall, account: AccountRecord): Response {
  if (account.status === 'active' || account.status === 'pending_verification') {
    return jsonResponse(200, accountJson(account));
  }
  if (account.status !== 'suspended') {
    return invalidState(account, `账号状态为 ${account.status}，不能恢复。`);
  }
  if (account.suspendedBy === 'systec') {
    return problem(
      409,
      'suspended_by_systec',
      'Suspended by Systec',
      '该账号由 Systec 暂停（如欠费），只有 Systec 可以恢复，请联系 Systec。',
    );
  }
  account.status = account.resumeTo;
  account.suspendedBy = undefined;
  account.statusReason = undefined;
  account.updatedAt = call.store.settings.now();
  return jsonResponse(200, accountJson(account));
}

function terminate(call: UmeetCall, account: AccountRecord): Response {
  if (account.status === 'terminated') return jsonResponse(200, accountJson(account));
  if (account.status === 'provisioning' || account.status === 'rejected') {
    return invalidState(account, `账号状态为 ${account.status}，不能终止。`);
  }
  account.status = 'terminated';
  account.suspendedBy = undefined;
  account.statusReason = reasonOf(call);
  account.updatedAt = call.store.settings.now();
  account.licence.status = 'cancelled';
  call.store.touchLicence(account);
  return jsonResponse(200, accountJson(account));
}

// --- licences -------------------------------------------------------------------------------------------------

function licenceUnavailable(account: AccountRecord): Response | undefined {
  if (account.status === 'provisioning') {
    return problem(
      409,
      'account_provisioning',
      'Account provisioning',
      `企业账号 ${account.id} 正在开通，请在开通完成后重试。`,
    );
  }
  if (account.status === 'rejected')
    return invalidState(account, `企业账号 ${account.id} 已被驳回，没有可用的许可。`);
  return undefined;
}

function licenceResponse(call: UmeetCall, account: AccountRecord): Response {
  return jsonResponse(200, licenceJson(account, call.store.settings.now()), { etag: licenceTag(account) });
}

function getLicence(call: UmeetCall, account: AccountRecord): Response {
  const unavailable = licenceUnavailable(account);
  if (unavailable) return unavailable;
  const response = licenceResponse(call, account);
  // A concurrent writer staged by a test lands right after this read was answered.
  call.store.afterLicenceRead(account);
  return response;
}

function seatsAboveCap(cap: number, seats: number, pointer: string): Response {
  return problem(
    422,
    'seats_above_cap',
    'Seats above cap',
    `席位数 ${seats} 超过上限 ${cap}；上限只能由 Systec 调整。`,
    { extensions: { cap, errors: [{ pointer, detail: `不能超过 ${cap}。` }] } },
  );
}

/** `If-Match` holds the current tag, or `*` (RFC 9110 §13.1.1: strong comparison; weak tags never match). */
function matches(ifMatch: string, current: string): boolean {
  return ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === current);
}

function putLicence(call: UmeetCall, account: AccountRecord): Response {
  const ifMatch = call.request.headers.get('if-match');
  if (ifMatch === null || ifMatch.trim() === '') {
    return problem(
      428,
      'precondition_required',
      'Precondition required',
      '修改许可必须带 If-Match 请求头（先读取许可，取其 ETag）。',
    );
  }
  const unavailable = licenceUnavailable(account);
  if (unavailable) return unavailable;
  if (account.status === 'terminated')
    return invalidState(account, `企业账号 ${account.id} 已终止，许可不能修改。`);
  if (!matches(ifMatch, licenceTag(account))) {
    return problem(
      412,
      'precondition_failed',
      'Precondition failed',
      '许可在读取后已被修改，请重新读取后再试。',
      {
        headers: { etag: licenceTag(account) },
      },
    );
  }
  const body = parseBody(call);
  if (!body) return unreadableBody();
  const errors: FieldProblem[] = [];
  const plan = planOf(body.plan, '/plan', errors);
  const seats = seatsOf(body.seats, '/seats', errors);
  if (errors.length > 0 || plan === undefined || seats === undefined) return validationFailed(errors);
  const { licence } = account;
  if (seats < licence.assigned) {
    return problem(
      422,
      'seats_below_assigned',
      'Seats below assigned',
      `席位数 ${seats} 少于已分配的 ${licence.assigned} 个。`,
      {
        extensions: {
          assigned: licence.assigned,
          errors: [{ pointer: '/seats', detail: `不能少于 ${licence.assigned}。` }],
        },
      },
    );
  }
  if (seats > licence.cap) return seatsAboveCap(licence.cap, seats, '/seats');
  if (seats !== licence.purchased || plan !== licence.plan) {
    licence.purchased = seats;
    licence.plan = plan;
    call.store.touchLicence(account);
  }
  return licenceResponse(call, account);
}

// --- operations -----------------------------------------------------------------------------------------------

function getOperation(call: UmeetCall): Response {
  const { store } = call;
  const id = call.params[0] ?? '';
  const operation = store.operation(id);
  const account = operation && store.account(operation.accountId);
  if (!operation || !account) {
    return problem(404, 'operation_not_found', 'Operation not found', `操作 ${id} 不存在或已过期。`);
  }
  const running = operationState(store, account) === 'running';
  return jsonResponse(
    200,
    operationJson(store, operation, account),
    running ? { 'retry-after': String(secondsUntilProvisioned(store, account)) } : {},
  );
}
