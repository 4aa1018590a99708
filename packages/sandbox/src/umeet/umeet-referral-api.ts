import { checkUnifiedSocialCreditCode, EMPLOYEE_COUNT_BANDS } from '@channelkit/types';
import type { UmeetCall } from './umeet-api';
import {
  type FieldProblem,
  isRecord,
  jsonResponse,
  problem,
  unreadableBody,
  validationFailed,
} from './umeet-http';
import type { UmeetLeadStatus, UmeetRegistrationStatus } from './umeet-referral-controls';
import {
  type LeadRecord,
  leadJson,
  type RegistrationRecord,
  registrationJson,
  type UmeetReferralStore,
} from './umeet-referral-store';

// Contract v1's referral endpoints: deal registrations the partner submits (outbound) and leads Systec offers it
// (inbound). Validation follows the account endpoints: 422 `validation_failed` with a JSON pointer per field.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CURRENCY = /^[A-Z]{3}$/;

/** The states in which a partner may still change or withdraw a registration. */
export const OPEN_REGISTRATION_STATUSES: readonly UmeetRegistrationStatus[] = [
  'pending_review',
  'under_review',
  'needs_info',
  'approved',
];
const REGISTRATION_STATUSES: readonly UmeetRegistrationStatus[] = [
  ...OPEN_REGISTRATION_STATUSES,
  'won',
  'lost',
  'rejected',
  'expired',
  'withdrawn',
];
const LEAD_STATUSES: readonly UmeetLeadStatus[] = [
  'offered',
  'accepted',
  'declined',
  'expired',
  'converted',
  'lost',
  'withdrawn',
];

/** A handler of a referral endpoint. */
export type ReferralHandler = (call: UmeetCall) => Response;

function parse(call: UmeetCall): Record<string, unknown> | undefined {
  if (call.body === '') return {};
  try {
    const value: unknown = JSON.parse(call.body);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function str(
  value: unknown,
  pointer: string,
  max: number,
  errors: FieldProblem[],
  required: boolean,
): string | undefined {
  if (value === undefined || value === null) {
    if (required) errors.push({ pointer, detail: '必填。' });
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ pointer, detail: '必须是非空字符串。' });
    return undefined;
  }
  if (value.length > max) {
    errors.push({ pointer, detail: `最多 ${max} 个字符，实际 ${value.length} 个。` });
    return undefined;
  }
  return value;
}

function dateOf(value: unknown, pointer: string, errors: FieldProblem[], required: boolean) {
  const given = str(value, pointer, 10, errors, required);
  if (given !== undefined && (!DATE.test(given) || Number.isNaN(Date.parse(given)))) {
    errors.push({ pointer, detail: '必须是 YYYY-MM-DD 日期。' });
    return undefined;
  }
  return given;
}

function productsOf(value: unknown, errors: FieldProblem[]) {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) {
    errors.push({ pointer: '/products', detail: '必须列出 1 到 100 个产品。' });
    return undefined;
  }
  return value.map((item: unknown, index) => {
    const product = isRecord(item) ? item : {};
    const code = str(product.code, `/products/${index}/code`, 100, errors, true) ?? '';
    const quantity = product.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 1_000_000) {
      errors.push({ pointer: `/products/${index}/quantity`, detail: '必须是 1 到 1000000 之间的整数。' });
    }
    return { code, quantity: typeof quantity === 'number' ? quantity : 0 };
  });
}

function moneyOf(value: unknown, errors: FieldProblem[]) {
  if (value === undefined || value === null) return null;
  const money = isRecord(value) ? value : {};
  const amount = money.amount_minor;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    errors.push({ pointer: '/estimated_value/amount_minor', detail: '必须是非负整数（分）。' });
  }
  if (typeof money.currency !== 'string' || !CURRENCY.test(money.currency)) {
    errors.push({ pointer: '/estimated_value/currency', detail: '必须是 ISO 4217 货币代码。' });
  }
  return { amount_minor: Number(amount), currency: String(money.currency) };
}

function contactsOf(value: unknown, errors: FieldProblem[]) {
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) {
    errors.push({ pointer: '/contacts', detail: '必须列出 1 到 50 位联系人。' });
    return [];
  }
  return value.map((item: unknown, index) => {
    const contact = isRecord(item) ? item : {};
    const at = `/contacts/${index}`;
    const email = str(contact.email, `${at}/email`, 254, errors, true);
    if (email !== undefined && !EMAIL.test(email))
      errors.push({ pointer: `${at}/email`, detail: '邮箱格式无效。' });
    const mobile = str(contact.mobile, `${at}/mobile`, 16, errors, false);
    if (mobile !== undefined && !E164.test(mobile)) {
      errors.push({ pointer: `${at}/mobile`, detail: '必须是 E.164 号码。' });
    }
    return {
      first_name: str(contact.first_name, `${at}/first_name`, 50, errors, true) ?? '',
      last_name: str(contact.last_name, `${at}/last_name`, 50, errors, true) ?? '',
      email: email ?? '',
      mobile: mobile ?? null,
      job_title: str(contact.job_title, `${at}/job_title`, 100, errors, false) ?? null,
    };
  });
}

function customerOf(value: unknown, errors: FieldProblem[]) {
  if (!isRecord(value)) {
    errors.push({ pointer: '/customer', detail: '必填。' });
    return undefined;
  }
  const creditCode = str(value.credit_code, '/customer/credit_code', 18, errors, false);
  if (creditCode !== undefined && !checkUnifiedSocialCreditCode(creditCode).valid) {
    errors.push({ pointer: '/customer/credit_code', detail: '统一社会信用代码无效。' });
  }
  const country = str(value.country, '/customer/country', 2, errors, true);
  if (country !== undefined && country !== 'CN') {
    errors.push({ pointer: '/customer/country', detail: 'Umeet 只服务中国大陆企业（CN）。' });
  }
  const band = str(value.employee_count, '/customer/employee_count', 20, errors, true);
  if (band !== undefined && !(EMPLOYEE_COUNT_BANDS as readonly string[]).includes(band)) {
    errors.push({
      pointer: '/customer/employee_count',
      detail: `可选：${EMPLOYEE_COUNT_BANDS.join('、')}。`,
    });
  }
  return {
    name: str(value.name, '/customer/name', 100, errors, true) ?? '',
    credit_code: creditCode ?? null,
    country: country ?? 'CN',
    region: str(value.region, '/customer/region', 100, errors, false) ?? null,
    industry: str(value.industry, '/customer/industry', 100, errors, true) ?? null,
    employee_count: band ?? null,
    website: str(value.website, '/customer/website', 200, errors, false) ?? null,
  };
}

const PATCHABLE = [
  'name',
  'description',
  'expected_close_date',
  'estimated_value',
  'products',
  'decision_maker_met',
  'notes',
] as const;

/** The changes of a `PATCH` or `resubmit` body, validated; unknown members are refused. */
function changesOf(body: Record<string, unknown>, errors: FieldProblem[]): Partial<RegistrationRecord> {
  const changes: Partial<RegistrationRecord> = {};
  for (const key of Object.keys(body)) {
    if (!(PATCHABLE as readonly string[]).includes(key))
      errors.push({ pointer: `/${key}`, detail: '不能修改。' });
  }
  if ('name' in body) changes.name = str(body.name, '/name', 200, errors, true) ?? '';
  if ('description' in body)
    changes.description = str(body.description, '/description', 4000, errors, false) ?? null;
  if ('expected_close_date' in body) {
    changes.expected_close_date =
      dateOf(body.expected_close_date, '/expected_close_date', errors, true) ?? '';
  }
  if ('estimated_value' in body) changes.estimated_value = moneyOf(body.estimated_value, errors);
  if ('products' in body) changes.products = productsOf(body.products, errors) ?? [];
  if ('decision_maker_met' in body) {
    if (typeof body.decision_maker_met !== 'boolean') {
      errors.push({ pointer: '/decision_maker_met', detail: '必须是 true 或 false。' });
    } else changes.decision_maker_met = body.decision_maker_met;
  }
  if ('notes' in body) changes.notes = str(body.notes, '/notes', 4000, errors, false) ?? null;
  return changes;
}

function referrals(call: UmeetCall): UmeetReferralStore {
  return call.store.referrals;
}

function registrationNotFound(id: string): Response {
  return problem(404, 'deal_registration_not_found', 'Deal registration not found', `报备 ${id} 不存在。`);
}

function leadNotFound(id: string): Response {
  return problem(404, 'lead_not_found', 'Lead not found', `线索 ${id} 不存在。`);
}

function invalidState(status: string, detail: string): Response {
  return problem(409, 'invalid_state', 'Invalid state', detail, { extensions: { referral_status: status } });
}

function withRegistration(
  handler: (call: UmeetCall, record: RegistrationRecord) => Response,
): ReferralHandler {
  return (call) => {
    const id = call.params[0] ?? '';
    const record = referrals(call).registration(id);
    return record ? handler(call, record) : registrationNotFound(id);
  };
}

function withLead(handler: (call: UmeetCall, record: LeadRecord) => Response): ReferralHandler {
  return (call) => {
    const id = call.params[0] ?? '';
    const record = referrals(call).lead(id);
    return record ? handler(call, record) : leadNotFound(id);
  };
}

function pageOf(call: UmeetCall, statuses: readonly string[]) {
  const errors: FieldProblem[] = [];
  const number = (name: string, fallback: number, max: number) => {
    const raw = call.url.searchParams.get(name);
    if (raw === null || raw === '') return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) > max || (name === 'limit' && Number(raw) < 1)) {
      errors.push({ parameter: name, detail: `必须是 ${name === 'limit' ? 1 : 0} 到 ${max} 之间的整数。` });
      return fallback;
    }
    return Number(raw);
  };
  const offset = number('offset', 0, Number.MAX_SAFE_INTEGER);
  const limit = number('limit', 20, 200);
  const status = (call.url.searchParams.get('status') ?? '').split(',').filter((value) => value !== '');
  for (const value of status) {
    if (!statuses.includes(value))
      errors.push({ parameter: 'status', detail: `可选：${statuses.join('、')}。` });
  }
  return { offset, limit, status, errors };
}

function pageAnswer<T>(items: readonly T[], offset: number, limit: number): Response {
  return jsonResponse(200, {
    items: items.slice(offset, offset + limit),
    total: items.length,
    offset,
    limit,
  });
}

function badQuery(errors: FieldProblem[]): Response {
  return problem(400, 'invalid_request', 'Invalid request', '查询参数无效，详见 errors。', {
    extensions: { errors },
  });
}

// --- deal registrations ---------------------------------------------------------------------------------------

function createRegistration(call: UmeetCall): Response {
  const body = parse(call);
  if (!body) return unreadableBody();
  const errors: FieldProblem[] = [];
  const known = new Set([...PATCHABLE, 'customer', 'account_id', 'contacts', 'external_id']);
  for (const key of Object.keys(body)) {
    if (!known.has(key)) errors.push({ pointer: `/${key}`, detail: '未知字段。' });
  }
  const customer = customerOf(body.customer, errors);
  const contacts = contactsOf(body.contacts, errors);
  const name = str(body.name, '/name', 200, errors, true);
  const products = productsOf(body.products, errors);
  const closeDate = dateOf(body.expected_close_date, '/expected_close_date', errors, true);
  const accountId = str(body.account_id, '/account_id', 128, errors, false);
  if (accountId !== undefined && !call.store.account(accountId)) {
    errors.push({ pointer: '/account_id', detail: `企业账号 ${accountId} 不存在。` });
  }
  const changes = changesOf(
    Object.fromEntries(
      Object.entries(body).filter(([key]) =>
        ['description', 'estimated_value', 'decision_maker_met', 'notes'].includes(key),
      ),
    ),
    errors,
  );
  const externalId = str(body.external_id, '/external_id', 64, errors, false);
  if (errors.length > 0 || !customer || !name || !products || !closeDate) return validationFailed(errors);
  const record = referrals(call).insertRegistration({
    name,
    description: changes.description ?? null,
    customer,
    account_id: accountId ?? null,
    contacts,
    products,
    estimated_value: changes.estimated_value ?? null,
    expected_close_date: closeDate,
    decision_maker_met: changes.decision_maker_met ?? false,
    notes: changes.notes ?? null,
    external_id: externalId ?? null,
  });
  return jsonResponse(201, registrationJson(record), {
    location: `${call.urls.baseUrl}/deal-registrations/${record.id}`,
  });
}

function listRegistrations(call: UmeetCall): Response {
  const { offset, limit, status, errors } = pageOf(call, REGISTRATION_STATUSES);
  if (errors.length > 0) return badQuery(errors);
  const params = call.url.searchParams;
  const creditCode = params.get('customer_credit_code');
  const name = params.get('customer_name');
  const accountId = params.get('account_id');
  const externalId = params.get('external_id');
  const matching = referrals(call)
    .registrations()
    .filter((record) => status.length === 0 || status.includes(record.status))
    .filter((record) => creditCode === null || record.customer.credit_code === creditCode)
    .filter((record) => name === null || record.customer.name === name)
    .filter((record) => accountId === null || record.account_id === accountId)
    .filter((record) => externalId === null || record.external_id === externalId);
  return pageAnswer(matching.map(registrationJson), offset, limit);
}

function patchRegistration(call: UmeetCall, record: RegistrationRecord): Response {
  const body = parse(call);
  if (!body) return unreadableBody();
  if (!OPEN_REGISTRATION_STATUSES.includes(record.status)) {
    return invalidState(record.status, `报备状态为 ${record.status}，不能修改。`);
  }
  const errors: FieldProblem[] = [];
  const changes = changesOf(body, errors);
  if (errors.length > 0) return validationFailed(errors);
  Object.assign(record, changes);
  referrals(call).touch(record);
  return jsonResponse(200, registrationJson(record));
}

function resubmit(call: UmeetCall, record: RegistrationRecord): Response {
  const body = parse(call);
  if (!body) return unreadableBody();
  // Repeating a resubmission that went through answers the registration as it left it.
  if (record.status === 'pending_review') return jsonResponse(200, registrationJson(record));
  if (record.status !== 'needs_info') {
    return invalidState(
      record.status,
      `报备状态为 ${record.status}，只有退回补充（needs_info）的报备可以重新提交。`,
    );
  }
  const errors: FieldProblem[] = [];
  const changes = changesOf(body, errors);
  if (errors.length > 0) return validationFailed(errors);
  Object.assign(record, changes, { status: 'pending_review', status_reason: null });
  referrals(call).touch(record);
  return jsonResponse(200, registrationJson(record));
}

function reasonOf(call: UmeetCall): string | null {
  const reason = parse(call)?.reason;
  return typeof reason === 'string' && reason.trim() !== '' ? reason.slice(0, 2000) : null;
}

function withdraw(call: UmeetCall, record: RegistrationRecord): Response {
  if (record.status === 'withdrawn') return jsonResponse(200, registrationJson(record));
  if (!OPEN_REGISTRATION_STATUSES.includes(record.status)) {
    return invalidState(record.status, `报备状态为 ${record.status}，不能撤回。`);
  }
  record.status = 'withdrawn';
  record.status_reason = reasonOf(call);
  referrals(call).touch(record);
  return jsonResponse(200, registrationJson(record));
}

// --- leads ----------------------------------------------------------------------------------------------------

function listLeads(call: UmeetCall): Response {
  const { offset, limit, status, errors } = pageOf(call, LEAD_STATUSES);
  if (errors.length > 0) return badQuery(errors);
  const matching = referrals(call)
    .leads()
    .filter((lead) => status.length === 0 || status.includes(lead.status));
  return pageAnswer(matching.map(leadJson), offset, limit);
}

function decide(to: 'accepted' | 'declined') {
  return (call: UmeetCall, lead: LeadRecord): Response => {
    if (lead.status === to) return jsonResponse(200, leadJson(lead));
    if (lead.status !== 'offered') {
      return invalidState(
        lead.status,
        `线索状态为 ${lead.status}，不能${to === 'accepted' ? '接受' : '拒绝'}。`,
      );
    }
    lead.status = to;
    lead.status_reason = to === 'declined' ? reasonOf(call) : null;
    lead.decided_at = new Date(referrals(call).now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    referrals(call).touch(lead);
    return jsonResponse(200, leadJson(lead));
  };
}

/** The referral endpoints of contract v1: method, path pattern (`{}` is one segment) and handler. */
export const UMEET_REFERRAL_ENDPOINTS: readonly (readonly [
  'GET' | 'POST' | 'PATCH',
  string,
  ReferralHandler,
  boolean,
])[] = [
  ['POST', '/deal-registrations', createRegistration, true],
  ['GET', '/deal-registrations', listRegistrations, false],
  [
    'GET',
    '/deal-registrations/{}',
    withRegistration((_call, record) => jsonResponse(200, registrationJson(record))),
    false,
  ],
  ['PATCH', '/deal-registrations/{}', withRegistration(patchRegistration), false],
  ['POST', '/deal-registrations/{}/resubmit', withRegistration(resubmit), false],
  ['POST', '/deal-registrations/{}/withdraw', withRegistration(withdraw), false],
  ['GET', '/leads', listLeads, false],
  ['GET', '/leads/{}', withLead((_call, lead) => jsonResponse(200, leadJson(lead))), false],
  ['POST', '/leads/{}/accept', withLead(decide('accepted')), false],
  ['POST', '/leads/{}/decline', withLead(decide('declined')), false],
];
