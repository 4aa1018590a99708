import { checkUnifiedSocialCreditCode, EMPLOYEE_COUNT_BANDS } from '@channelkit/types';
import type { BizconfCall } from './bizconf-api';
import { CODES, envelope, paramInvalid, success } from './bizconf-envelope';
import type { BizconfLeadStatus, BizconfOpportunityStatus } from './bizconf-referral-controls';
import {
  LEAD_STATUS_DESC,
  type LeadRecord,
  leadJson,
  OPPORTUNITY_STATUS_DESC,
  type OpportunityRecord,
  opportunityJson,
} from './bizconf-referral-store';
import { canonicalJson } from './bizconf-signature';
import { isDate } from './bizconf-time';
import { FieldErrors } from './bizconf-validation';

// Contract v1's referral endpoints: opportunities (deal registrations, 商机报备) the partner registers and leads
// (线索) Bizconf assigns it. Errors are envelopes, as everywhere on Bizconf.

const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const OPPORTUNITY_NOT_FOUND = 40404;
const LEAD_NOT_FOUND = 40405;

/** States in which the partner may still change or withdraw an opportunity. */
const OPEN: readonly BizconfOpportunityStatus[] = ['PENDING', 'REVIEWING', 'RETURNED', 'APPROVED'];
const OPPORTUNITY_STATUSES = Object.keys(OPPORTUNITY_STATUS_DESC);
const LEAD_STATUSES = Object.keys(LEAD_STATUS_DESC);
const CHANGEABLE = [
  'opportunityName',
  'description',
  'expectedCloseDate',
  'estimatedAmount',
  'products',
  'decisionMakerMet',
  'remark',
];

function paragraphs(errors: FieldErrors, value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') {
    errors.add(field, '必须是非空字符串');
    return null;
  }
  if (value.length > max) errors.add(field, `长度不能超过 ${max} 个字符`);
  return value;
}

function productsOf(errors: FieldErrors, value: unknown) {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) {
    errors.add('products', '必须列出 1 到 100 个产品');
    return [];
  }
  return value.map((item: unknown, index) => {
    const product = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const productCode = errors.text(product.productCode, `products[${index}].productCode`, 64) ?? '';
    const quantity = product.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > 100_000) {
      errors.add(`products[${index}].quantity`, '必须是 1 到 100000 之间的整数');
    }
    return { productCode, quantity: Number(quantity) };
  });
}

function amountOf(errors: FieldErrors, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    errors.add('estimatedAmount', '必须是以分为单位的非负整数');
    return null;
  }
  return value;
}

function changesOf(errors: FieldErrors, body: Record<string, unknown>): Partial<OpportunityRecord> {
  const changes: Partial<OpportunityRecord> = {};
  if ('opportunityName' in body)
    changes.opportunityName = errors.text(body.opportunityName, 'opportunityName', 200) ?? '';
  if ('description' in body) changes.description = paragraphs(errors, body.description, 'description', 4000);
  if ('expectedCloseDate' in body) {
    if (!isDate(body.expectedCloseDate)) errors.add('expectedCloseDate', '必须是 yyyy-MM-dd 日期');
    else changes.expectedCloseDate = body.expectedCloseDate;
  }
  if ('estimatedAmount' in body) changes.estimatedAmount = amountOf(errors, body.estimatedAmount);
  if ('products' in body) changes.products = productsOf(errors, body.products);
  if ('decisionMakerMet' in body) {
    if (typeof body.decisionMakerMet !== 'boolean') errors.add('decisionMakerMet', '必须是 true 或 false');
    else changes.decisionMakerMet = body.decisionMakerMet;
  }
  if ('remark' in body) changes.remark = paragraphs(errors, body.remark, 'remark', 4000);
  return changes;
}

function customerOf(errors: FieldErrors, value: unknown) {
  const customer =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  if (!customer) {
    errors.add('customer', '不能为空');
    return undefined;
  }
  errors.onlyKnown(customer, ['name', 'creditCode', 'province', 'industry', 'scale', 'website'], 'customer.');
  const creditCode = errors.text(customer.creditCode, 'customer.creditCode', 18, true);
  if (creditCode !== undefined && !checkUnifiedSocialCreditCode(creditCode).valid) {
    errors.add('customer.creditCode', '统一社会信用代码无效');
  }
  const scale = errors.text(customer.scale, 'customer.scale', 20);
  if (scale !== undefined && !(EMPLOYEE_COUNT_BANDS as readonly string[]).includes(scale)) {
    errors.add('customer.scale', `必须是 ${EMPLOYEE_COUNT_BANDS.join('、')} 之一`);
  }
  return {
    name: errors.text(customer.name, 'customer.name', 100) ?? '',
    creditCode: creditCode ?? null,
    province: errors.text(customer.province, 'customer.province', 50, true) ?? null,
    industry: errors.text(customer.industry, 'customer.industry', 50) ?? null,
    scale: scale ?? null,
    website: errors.text(customer.website, 'customer.website', 200, true) ?? null,
  };
}

function contactsOf(errors: FieldErrors, value: unknown) {
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) {
    errors.add('contacts', '必须列出 1 到 50 位联系人');
    return [];
  }
  return value.map((item: unknown, index) => {
    const contact = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const at = `contacts[${index}]`;
    const email = errors.text(contact.email, `${at}.email`, 254);
    if (email !== undefined && !EMAIL.test(email)) errors.add(`${at}.email`, '邮箱格式不正确');
    const mobile = errors.text(contact.mobile, `${at}.mobile`, 11, true);
    if (mobile !== undefined && !MOBILE.test(mobile))
      errors.add(`${at}.mobile`, '必须是 11 位中国大陆手机号码，不含 +86');
    return {
      familyName: errors.text(contact.familyName, `${at}.familyName`, 50) ?? '',
      givenName: errors.text(contact.givenName, `${at}.givenName`, 50) ?? '',
      email: email ?? '',
      mobile: mobile ?? null,
      jobTitle: errors.text(contact.jobTitle, `${at}.jobTitle`, 50, true) ?? null,
    };
  });
}

function page(errors: FieldErrors, url: URL, allowed: readonly string[], statuses: readonly string[]) {
  const read = (name: string, fallback: number, max: number) => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= 1 && value <= max)) errors.add(name, `必须是 1 到 ${max} 之间的整数`);
    return value;
  };
  const pageNo = read('pageNo', 1, 1_000_000_000);
  const pageSize = read('pageSize', 20, 100);
  const status = (url.searchParams.get('status') ?? '').split(',').filter((value) => value !== '');
  for (const value of status)
    if (!statuses.includes(value)) errors.add('status', `必须是 ${statuses.join('、')} 之一`);
  for (const name of url.searchParams.keys()) {
    if (!['pageNo', 'pageSize', 'status', ...allowed].includes(name)) errors.add(name, '不支持的参数');
  }
  return { pageNo, pageSize, status };
}

function pageAnswer<T>(all: readonly T[], pageNo: number, pageSize: number): Response {
  const start = (pageNo - 1) * pageSize;
  return success({ list: all.slice(start, start + pageSize), total: all.length, pageNo, pageSize });
}

function statusNotAllowed(status: string, what: string): Response {
  return envelope(CODES.statusNotAllowed, `当前状态（${status}）不允许${what}`);
}

function reasonOf(body: Record<string, unknown>): string | null {
  const reason = body.reason;
  return typeof reason === 'string' && reason.trim() !== '' ? reason.slice(0, 2000) : null;
}

function withOpportunity(handler: (call: BizconfCall, record: OpportunityRecord) => Response) {
  return (call: BizconfCall): Response => {
    const id = call.params[0] ?? '';
    const record = call.store.referrals.opportunity(id);
    return record ? handler(call, record) : envelope(OPPORTUNITY_NOT_FOUND, `商机报备不存在：${id}`);
  };
}

function withLead(handler: (call: BizconfCall, lead: LeadRecord) => Response) {
  return (call: BizconfCall): Response => {
    const id = call.params[0] ?? '';
    const lead = call.store.referrals.lead(id);
    return lead ? handler(call, lead) : envelope(LEAD_NOT_FOUND, `线索不存在：${id}`);
  };
}

// --- opportunities --------------------------------------------------------------------------------------------

function createOpportunity({ store, body }: BizconfCall): Response {
  const errors = new FieldErrors();
  errors.onlyKnown(body, [
    'bizNo',
    'customer',
    'enterpriseId',
    'contacts',
    'currency',
    'externalId',
    ...CHANGEABLE,
  ]);
  const bizNo = errors.bizNo(body.bizNo);
  const customer = customerOf(errors, body.customer);
  const contacts = contactsOf(errors, body.contacts);
  const name = errors.text(body.opportunityName, 'opportunityName', 200);
  if (!('products' in body)) errors.add('products', '不能为空');
  if (!isDate(body.expectedCloseDate)) errors.add('expectedCloseDate', '必须是 yyyy-MM-dd 日期');
  const changes = changesOf(errors, body);
  if (body.currency !== undefined && body.currency !== 'CNY') errors.add('currency', '只支持 CNY');
  const enterpriseId = errors.text(body.enterpriseId, 'enterpriseId', 128, true);
  if (enterpriseId !== undefined && !store.enterprise(enterpriseId)) errors.add('enterpriseId', '企业不存在');
  const externalId = errors.text(body.externalId, 'externalId', 64, true);
  if (errors.list.length > 0 || !bizNo || !customer || !name) return paramInvalid(errors.list);
  const fingerprint = canonicalJson(body);
  const earlier = store.referrals.byBizNo(bizNo);
  if (earlier) {
    // The same request number with the same body answers the first answer; with another body it is refused.
    if (earlier.fingerprint !== fingerprint) {
      return envelope(CODES.bizNoConflict, `业务流水号 ${bizNo} 已用于内容不同的请求`);
    }
    return success(opportunityJson(earlier));
  }
  if (store.createOrder(bizNo) || store.licenceOrder(bizNo)) {
    return envelope(CODES.bizNoConflict, `业务流水号 ${bizNo} 已用于内容不同的请求`);
  }
  const record = store.referrals.insertOpportunity({
    bizNo,
    fingerprint,
    opportunityName: name,
    description: changes.description ?? null,
    customer,
    enterpriseId: enterpriseId ?? null,
    contacts,
    products: changes.products ?? [],
    estimatedAmount: changes.estimatedAmount ?? null,
    currency: 'CNY',
    expectedCloseDate: String(body.expectedCloseDate),
    decisionMakerMet: changes.decisionMakerMet ?? false,
    remark: changes.remark ?? null,
    externalId: externalId ?? null,
  });
  return success(opportunityJson(record));
}

function listOpportunities({ store, url }: BizconfCall): Response {
  const errors = new FieldErrors();
  const { pageNo, pageSize, status } = page(
    errors,
    url,
    ['creditCode', 'customerName', 'enterpriseId'],
    OPPORTUNITY_STATUSES,
  );
  if (errors.list.length > 0) return paramInvalid(errors.list);
  const creditCode = url.searchParams.get('creditCode');
  const name = url.searchParams.get('customerName');
  const enterpriseId = url.searchParams.get('enterpriseId');
  const all = store.referrals
    .opportunities()
    .filter((record) => status.length === 0 || status.includes(record.status))
    .filter((record) => creditCode === null || record.customer.creditCode === creditCode)
    .filter((record) => name === null || record.customer.name === name)
    .filter((record) => enterpriseId === null || record.enterpriseId === enterpriseId);
  return pageAnswer(all.map(opportunityJson), pageNo, pageSize);
}

function updateOpportunity({ store, body }: BizconfCall, record: OpportunityRecord): Response {
  const errors = new FieldErrors();
  errors.onlyKnown(body, CHANGEABLE);
  const changes = changesOf(errors, body);
  if (errors.list.length > 0) return paramInvalid(errors.list);
  if (!OPEN.includes(record.status)) return statusNotAllowed(record.status, '修改');
  Object.assign(record, changes);
  record.updateTime = store.referrals.time();
  return success(opportunityJson(record));
}

function resubmitOpportunity({ store, body }: BizconfCall, record: OpportunityRecord): Response {
  const errors = new FieldErrors();
  errors.onlyKnown(body, CHANGEABLE);
  const changes = changesOf(errors, body);
  if (errors.list.length > 0) return paramInvalid(errors.list);
  // A resubmission repeated after it went through answers the opportunity as it left it.
  if (record.status === 'PENDING') return success(opportunityJson(record));
  if (record.status !== 'RETURNED') return statusNotAllowed(record.status, '重新提交');
  Object.assign(record, changes);
  store.referrals.moveOpportunity(record, 'PENDING', null);
  return success(opportunityJson(record));
}

function withdrawOpportunity({ store, body }: BizconfCall, record: OpportunityRecord): Response {
  if (record.status === 'WITHDRAWN') return success(opportunityJson(record));
  if (!OPEN.includes(record.status)) return statusNotAllowed(record.status, '撤回');
  store.referrals.moveOpportunity(record, 'WITHDRAWN', reasonOf(body));
  return success(opportunityJson(record));
}

// --- leads ----------------------------------------------------------------------------------------------------

function listLeads({ store, url }: BizconfCall): Response {
  const errors = new FieldErrors();
  const { pageNo, pageSize, status } = page(errors, url, [], LEAD_STATUSES);
  if (errors.list.length > 0) return paramInvalid(errors.list);
  const all = store.referrals.leads().filter((lead) => status.length === 0 || status.includes(lead.status));
  return pageAnswer(all.map(leadJson), pageNo, pageSize);
}

function decide(to: Extract<BizconfLeadStatus, 'FOLLOWING' | 'REFUSED'>) {
  return ({ store, body }: BizconfCall, lead: LeadRecord): Response => {
    if (lead.status === to) return success(leadJson(lead));
    if (lead.status !== 'ASSIGNED')
      return statusNotAllowed(lead.status, to === 'FOLLOWING' ? '接受' : '拒绝');
    store.referrals.moveLead(lead, to, to === 'REFUSED' ? reasonOf(body) : null);
    return success(leadJson(lead));
  };
}

/** The referral endpoints of contract v1: method, path below the prefix (`{}` is one segment), category, handler. */
export const BIZCONF_REFERRAL_ENDPOINTS: readonly (readonly [
  'GET' | 'POST',
  string,
  'query' | 'write',
  (call: BizconfCall) => Response,
])[] = [
  ['POST', '/opportunities', 'write', createOpportunity],
  ['GET', '/opportunities', 'query', listOpportunities],
  ['GET', '/opportunities/{}', 'query', withOpportunity((_call, record) => success(opportunityJson(record)))],
  ['POST', '/opportunities/{}/update', 'write', withOpportunity(updateOpportunity)],
  ['POST', '/opportunities/{}/resubmit', 'write', withOpportunity(resubmitOpportunity)],
  ['POST', '/opportunities/{}/withdraw', 'write', withOpportunity(withdrawOpportunity)],
  ['GET', '/leads', 'query', listLeads],
  ['GET', '/leads/{}', 'query', withLead((_call, lead) => success(leadJson(lead)))],
  ['POST', '/leads/{}/accept', 'write', withLead(decide('FOLLOWING'))],
  ['POST', '/leads/{}/reject', 'write', withLead(decide('REFUSED'))],
];
