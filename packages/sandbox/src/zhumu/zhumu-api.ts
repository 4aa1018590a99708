import { checkUnifiedSocialCreditCode } from '@channelkit/types';
import type { ZhumuEnterpriseStatusCode, ZhumuPlan } from './zhumu-controls';
import { enterpriseNotFound, invalidParameter, ok, ZHUMU_ERROR, zhumuError } from './zhumu-responses';
import { beijingTime, type EnterpriseRecord, PLANS, type ZhumuStore } from './zhumu-store';

/** A rate-limit category of Zhumu's contract. */
export type ZhumuCategory = 'read' | 'write';

/** The decoded form fields of a request (first value of each name). */
export type ZhumuForm = ReadonlyMap<string, string>;

interface ZhumuEndpoint {
  readonly category: ZhumuCategory;
  readonly handle: (store: ZhumuStore, form: ZhumuForm) => Response;
}

/** A parameter problem: the answer to send instead of carrying on. */
class Refusal {
  constructor(readonly response: Response) {}
}

function refuse(field: string, problem: string): never {
  throw new Refusal(invalidParameter(field, problem));
}

const CONTROL = /\p{Cc}/u;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const POSTAL_CODE = /^\d{6}$/;
const DIGITS = /^\d{1,9}$/;
const EMPLOYEE_COUNTS = new Set([
  '1-10',
  '11-50',
  '51-250',
  '251-500',
  '501-1000',
  '1001-5000',
  '5001-10000',
  '10001+',
]);
/** The most seats one licence may have. */
const MAX_SEATS = 100_000;

/** A text field, trimmed; lengths count UTF-16 code units. */
function text(form: ZhumuForm, field: string, max: number, required: true): string;
function text(form: ZhumuForm, field: string, max: number, required?: false): string | undefined;
function text(form: ZhumuForm, field: string, max: number, required = false): string | undefined {
  const value = form.get(field)?.trim();
  if (value === undefined || value === '') {
    if (required) refuse(field, 'is required');
    return undefined;
  }
  if (value.length > max) refuse(field, `must be at most ${max} characters, got ${value.length}`);
  if (CONTROL.test(value)) refuse(field, 'must not contain control characters');
  return value;
}

function matching(form: ZhumuForm, field: string, pattern: RegExp, problem: string, required: boolean) {
  const value = required ? text(form, field, 254, true) : text(form, field, 254);
  if (value !== undefined && !pattern.test(value)) refuse(field, problem);
  return value;
}

function integer(form: ZhumuForm, field: string, min: number, max: number): number | undefined {
  const raw = form.get(field)?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = DIGITS.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    refuse(field, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function plan(form: ZhumuForm): ZhumuPlan | undefined {
  const value = form.get('plan')?.trim();
  if (value === undefined || value === '') return undefined;
  if (value !== 'business' && value !== 'trial') {
    throw new Refusal(
      zhumuError(
        ZHUMU_ERROR.planNotAllowed,
        `套餐不存在 / Unknown plan ${JSON.stringify(value)}: business or trial.`,
      ),
    );
  }
  return value;
}

function seatLimitExceeded(chosen: ZhumuPlan, seats: number, limit: number): Response {
  return zhumuError(
    ZHUMU_ERROR.seatLimitExceeded,
    `席位数超出套餐上限 / Plan ${chosen} allows at most ${limit} seats, asked for ${seats}.`,
  );
}

function enterprise(store: ZhumuStore, form: ZhumuForm): EnterpriseRecord {
  const id = text(form, 'enterprise_id', 128, true);
  const record = store.find(id);
  if (!record) throw new Refusal(enterpriseNotFound(id));
  return record;
}

/** An enterprise as the API answers it. */
function enterpriseJson(record: EnterpriseRecord) {
  return {
    id: record.id,
    name: record.name,
    credit_code: record.creditCode,
    status: record.status,
    status_reason: record.statusReason ?? null,
    admin_email: record.adminEmail,
    admin_first_name: record.adminFirstName,
    admin_last_name: record.adminLastName,
    admin_mobile: record.adminMobile,
    industry: record.industry,
    employee_count: record.employeeCount ?? null,
    website: record.website ?? null,
    province: record.province ?? null,
    city: record.city ?? null,
    address: record.address ?? null,
    postal_code: record.postalCode ?? null,
    external_id: record.externalId ?? null,
    created_at: beijingTime(record.createdAt),
    updated_at: beijingTime(record.updatedAt),
  };
}

function licenceJson(store: ZhumuStore, record: EnterpriseRecord) {
  const licence = store.licenceOf(record);
  return {
    enterprise_id: record.id,
    plan: licence.plan,
    seats: licence.seats,
    seats_used: licence.seatsUsed,
    seat_limit: licence.seatLimit ?? null,
    start_date: licence.startDate,
    end_date: licence.endDate ?? null,
    auto_renew: licence.autoRenew,
    status: licence.status,
  };
}

// --- enterprises ---------------------------------------------------------------------------------------------

function create(store: ZhumuStore, form: ZhumuForm): Response {
  const name = text(form, 'name', 100, true);
  const rawCode = text(form, 'credit_code', 18, true);
  const code = checkUnifiedSocialCreditCode(rawCode);
  if (!code.valid) refuse('credit_code', code.message);
  const adminEmail = matching(form, 'admin_email', EMAIL, 'must be an e-mail address', true) as string;
  const adminFirstName = text(form, 'admin_first_name', 32, true);
  const adminLastName = text(form, 'admin_last_name', 32, true);
  const adminMobile = matching(
    form,
    'admin_mobile',
    MAINLAND_MOBILE,
    'must be a mainland mobile number: 11 digits starting 13-19, without +86',
    true,
  ) as string;
  const industry = text(form, 'industry', 50, true);
  const employeeCount = text(form, 'employee_count', 20);
  if (employeeCount !== undefined && !EMPLOYEE_COUNTS.has(employeeCount)) {
    refuse('employee_count', `must be one of ${[...EMPLOYEE_COUNTS].join(', ')}`);
  }
  const website = text(form, 'website', 200);
  if (website !== undefined && !/^https?:\/\/\S+$/i.test(website))
    refuse('website', 'must be an http(s) URL');
  const province = text(form, 'province', 50);
  const city = text(form, 'city', 50);
  const address = text(form, 'address', 200);
  const postalCode = matching(form, 'postal_code', POSTAL_CODE, 'must be 6 digits', false);
  const externalId = text(form, 'external_id', 64);
  const chosen = plan(form) ?? 'business';
  const seats = integer(form, 'seats', 0, MAX_SEATS) ?? 0;
  const limit = PLANS[chosen].seatLimit;
  if (limit !== undefined && seats > limit) return seatLimitExceeded(chosen, seats, limit);

  if (store.holderOf(code.code)) {
    return zhumuError(
      ZHUMU_ERROR.creditCodeRegistered,
      `该统一社会信用代码已注册企业账号 / An enterprise with credit code ${code.code} already exists.`,
    );
  }
  if (store.emailTaken(adminEmail)) {
    return zhumuError(ZHUMU_ERROR.userExists, `用户已存在 / User already exists: ${adminEmail}`);
  }
  const record = store.insert({
    name,
    creditCode: code.code,
    adminEmail,
    adminFirstName,
    adminLastName,
    adminMobile,
    industry,
    employeeCount,
    website,
    province,
    city,
    address,
    postalCode,
    externalId,
    plan: chosen,
    seats,
  });
  return ok(enterpriseJson(record));
}

function get(store: ZhumuStore, form: ZhumuForm): Response {
  return ok(enterpriseJson(enterprise(store, form)));
}

function statusFilter(form: ZhumuForm): Set<number> | undefined {
  const raw = form.get('status')?.trim();
  if (raw === undefined || raw === '') return undefined;
  const codes = raw.split(',').map((part) => part.trim());
  if (codes.some((part) => !/^[0-5]$/.test(part))) {
    refuse('status', 'must be status codes 0 to 5, separated by commas');
  }
  return new Set(codes.map(Number));
}

function list(store: ZhumuStore, form: ZhumuForm): Response {
  const pageNumber = integer(form, 'page_number', 1, 1_000_000) ?? 1;
  const pageSize = integer(form, 'page_size', 1, 300) ?? 30;
  const creditCode = text(form, 'credit_code', 18)?.toUpperCase();
  const adminEmail = text(form, 'admin_email', 254)?.toLowerCase();
  const statuses = statusFilter(form);
  const matches = store
    .all()
    .filter(
      (record) =>
        (creditCode === undefined || record.creditCode === creditCode) &&
        (adminEmail === undefined || record.adminEmail.toLowerCase() === adminEmail) &&
        (statuses === undefined || statuses.has(record.status)),
    );
  const start = (pageNumber - 1) * pageSize;
  return ok({
    page_count: Math.ceil(matches.length / pageSize),
    page_number: pageNumber,
    page_size: pageSize,
    total_records: matches.length,
    enterprises: matches.slice(start, start + pageSize).map(enterpriseJson),
  });
}

function statusNotAllowed(record: EnterpriseRecord, operation: string): Response {
  return zhumuError(
    ZHUMU_ERROR.statusNotAllowed,
    `企业当前状态不允许此操作 / Enterprise ${record.id} in status ${record.status} does not allow ${operation}.`,
  );
}

function locked(record: EnterpriseRecord): Response {
  return zhumuError(
    ZHUMU_ERROR.enterpriseLocked,
    `企业已被瞩目锁定，请联系瞩目客服 / Enterprise ${record.id} is locked by Zhumu` +
      `${record.statusReason ? ` (${record.statusReason})` : ''}; contact Zhumu support.`,
  );
}

/** A status change: `from` the states it applies to, `to` the result; already in `to` answers success unchanged. */
function transition(
  operation: string,
  from: readonly ZhumuEnterpriseStatusCode[],
  to: ZhumuEnterpriseStatusCode,
): ZhumuEndpoint['handle'] {
  return (store, form) => {
    const record = enterprise(store, form);
    if (record.status === to) return ok(enterpriseJson(record));
    if (record.status === 4 && to !== 5) return locked(record);
    if (!from.includes(record.status)) return statusNotAllowed(record, operation);
    record.status = to;
    record.statusReason = undefined;
    store.touch(record);
    return ok(enterpriseJson(record));
  };
}

// --- licences ------------------------------------------------------------------------------------------------

function licenceGet(store: ZhumuStore, form: ZhumuForm): Response {
  return ok(licenceJson(store, enterprise(store, form)));
}

function licenceSet(store: ZhumuStore, form: ZhumuForm): Response {
  const record = enterprise(store, form);
  const seats = integer(form, 'seats', 0, MAX_SEATS);
  if (seats === undefined) refuse('seats', 'is required');
  const wanted = plan(form) ?? record.licence.plan;
  if (record.status === 4) return locked(record);
  if (record.status === 2 || record.status === 5) return statusNotAllowed(record, 'licence/set');
  if (wanted === 'trial' && record.licence.plan !== 'trial') {
    return zhumuError(
      ZHUMU_ERROR.planNotAllowed,
      `不能改为试用套餐 / A ${record.licence.plan} licence cannot become a trial.`,
    );
  }
  const used = record.licence.seatsUsed;
  if (seats < used) {
    return zhumuError(
      ZHUMU_ERROR.seatsBelowUsed,
      `席位数不能少于已使用席位数 / Seats (${seats}) cannot be fewer than seats in use (${used}).`,
    );
  }
  const limit = PLANS[wanted].seatLimit;
  if (limit !== undefined && seats > limit) return seatLimitExceeded(wanted, seats, limit);
  record.licence.plan = wanted;
  record.licence.seats = seats;
  store.touch(record);
  return ok(licenceJson(store, record));
}

const ENDPOINTS: Readonly<Record<string, ZhumuEndpoint>> = {
  '/enterprise/create': { category: 'write', handle: create },
  '/enterprise/get': { category: 'read', handle: get },
  '/enterprise/list': { category: 'read', handle: list },
  '/enterprise/suspend': { category: 'write', handle: transition('suspend', [1], 3) },
  '/enterprise/resume': { category: 'write', handle: transition('resume', [3], 1) },
  '/enterprise/cancel': { category: 'write', handle: transition('cancel', [0, 1, 2, 3, 4], 5) },
  '/enterprise/licence/get': { category: 'read', handle: licenceGet },
  '/enterprise/licence/set': { category: 'write', handle: licenceSet },
};

/** The endpoint at `path` (below the path prefix, e.g. `/enterprise/get`), or `undefined`. */
export function zhumuEndpoint(
  path: string,
): { category: ZhumuCategory; run: (store: ZhumuStore, form: ZhumuForm) => Response } | undefined {
  const endpoint = Object.hasOwn(ENDPOINTS, path) ? ENDPOINTS[path] : undefined;
  if (!endpoint) return undefined;
  return {
    category: endpoint.category,
    run: (store, form) => {
      try {
        return endpoint.handle(store, form);
      } catch (error) {
        if (error instanceof Refusal) return error.response;
        throw error;
      }
    },
  };
}
