import type { BizconfEnterpriseStatus } from './bizconf-controls';
import { CODES, envelope, paramInvalid, success } from './bizconf-envelope';
import { canonicalJson } from './bizconf-signature';
import {
  type BizconfStore,
  type EnterpriseRecord,
  type LicenceRecord,
  renewalWindowStart,
  type TaskRecord,
} from './bizconf-store';
import { addDays, beijingDate, beijingTime } from './bizconf-time';
import { FieldErrors, isPlanCode, PLAN_CODES, readCreate } from './bizconf-validation';

/** Rate-limit category of an endpoint: reads (task polls included) and writes are limited separately. */
export type BizconfCategory = 'query' | 'write';

/** One call, as a handler receives it: the body already parsed (and signature-checked). */
export interface BizconfCall {
  readonly store: BizconfStore;
  readonly url: URL;
  readonly body: Record<string, unknown>;
  readonly params: readonly string[];
}

interface BizconfRoute {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly category: BizconfCategory;
  readonly handle: (call: BizconfCall) => Response;
}

/** A route matched against a request. */
export interface MatchedBizconfRoute {
  readonly category: BizconfCategory;
  readonly run: (call: Omit<BizconfCall, 'params'>) => Response;
}

const STATUS_DESC: Record<BizconfEnterpriseStatus, string> = {
  REVIEWING: '审核中',
  NORMAL: '正常',
  FROZEN: '冻结',
  CANCELLED: '注销',
  REJECTED: '审核驳回',
};

function route(
  method: BizconfRoute['method'],
  path: string,
  category: BizconfCategory,
  handle: BizconfRoute['handle'],
): BizconfRoute {
  return { method, pattern: new RegExp(`^${path.replaceAll('{}', '([^/]+)')}$`), category, handle };
}

const ROUTES: readonly BizconfRoute[] = [
  route('POST', '/enterprises', 'write', createEnterprise),
  route('GET', '/enterprises', 'query', listEnterprises),
  route('GET', '/enterprises/{}', 'query', withEnterprise(getEnterprise)),
  route('POST', '/enterprises/{}/freeze', 'write', withEnterprise(freeze)),
  route('POST', '/enterprises/{}/unfreeze', 'write', withEnterprise(unfreeze)),
  route('POST', '/enterprises/{}/cancel', 'write', withEnterprise(cancel)),
  route('GET', '/enterprises/{}/licence', 'query', withEnterprise(getLicence)),
  route('POST', '/enterprises/{}/licence', 'write', withEnterprise(changeLicence)),
  route('GET', '/tasks/{}', 'query', getTask),
];

/** Finds the endpoint for a method and a path below the contract's prefix (e.g. `/enterprises/E1`). */
export function matchBizconfRoute(method: string, path: string): MatchedBizconfRoute | undefined {
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    let params: string[];
    try {
      params = match.slice(1).map((value) => decodeURIComponent(value ?? ''));
    } catch {
      return undefined;
    }
    return { category: candidate.category, run: (call) => candidate.handle({ ...call, params }) };
  }
  return undefined;
}

// --- wire shapes ----------------------------------------------------------------------------------------------

function enterpriseJson(enterprise: EnterpriseRecord) {
  const { address, admin } = enterprise;
  return {
    enterpriseId: enterprise.enterpriseId,
    enterpriseName: enterprise.enterpriseName,
    creditCode: enterprise.creditCode,
    status: enterprise.status,
    statusDesc: STATUS_DESC[enterprise.status],
    industry: enterprise.industry,
    scale: enterprise.scale,
    website: enterprise.website ?? null,
    address: address
      ? {
          province: address.province ?? null,
          city: address.city,
          detail: address.detail,
          postcode: address.postcode ?? null,
        }
      : null,
    admin: {
      familyName: admin.familyName,
      givenName: admin.givenName,
      email: admin.email,
      mobile: admin.mobile,
      jobTitle: admin.jobTitle ?? null,
    },
    externalId: enterprise.externalId ?? null,
    rejectReason: enterprise.rejectReason ?? null,
    createTime: beijingTime(enterprise.createdAt),
    updateTime: beijingTime(enterprise.updatedAt),
  };
}

function licenceJson(enterprise: EnterpriseRecord) {
  const { licence } = enterprise;
  return {
    enterpriseId: enterprise.enterpriseId,
    planCode: licence.planCode,
    commitment: 'ANNUAL',
    seats: licence.seats,
    usedSeats: licence.usedSeats,
    renewalSeats: licence.renewalSeats ?? null,
    termStart: licence.termStart,
    termEnd: licence.termEnd,
    autoRenew: licence.autoRenew,
    status: licence.status,
  };
}

function taskJson(task: TaskRecord) {
  return {
    taskId: task.taskId,
    bizNo: task.bizNo,
    taskType: 'ENTERPRISE_CREATE',
    status: task.status,
    enterpriseId: task.enterpriseId ?? null,
    failCode: task.failCode ?? null,
    failReason: task.failReason ?? null,
    createTime: beijingTime(task.createdAt),
    finishTime: task.finishedAt === undefined ? null : beijingTime(task.finishedAt),
  };
}

type EnterpriseHandler = (call: BizconfCall, enterprise: EnterpriseRecord) => Response;

function withEnterprise(handler: EnterpriseHandler): BizconfRoute['handle'] {
  return (call) => {
    const id = call.params[0] ?? '';
    const enterprise = call.store.enterprise(id);
    return enterprise ? handler(call, enterprise) : envelope(CODES.enterpriseNotFound, `企业不存在：${id}`);
  };
}

function notAllowed(enterprise: EnterpriseRecord, action: string): Response {
  return envelope(CODES.statusNotAllowed, `当前状态（${STATUS_DESC[enterprise.status]}）不允许${action}`);
}

// --- enterprises ----------------------------------------------------------------------------------------------

function createEnterprise({ store, body }: BizconfCall): Response {
  const errors = new FieldErrors();
  const input = readCreate(body, errors);
  if (!input) return paramInvalid(errors.list);
  if (!isPlanCode(input.planCode)) {
    return envelope(CODES.planUnknown, `套餐不存在：${input.planCode}，可选：${PLAN_CODES.join('、')}`);
  }
  const fingerprint = canonicalJson(body);
  const earlier = store.createOrder(input.bizNo);
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) {
      return envelope(CODES.bizNoConflict, `业务流水号 ${input.bizNo} 已用于内容不同的请求`);
    }
    return success(taskJson(earlier));
  }
  if (store.licenceOrder(input.bizNo)) {
    return envelope(CODES.bizNoConflict, `业务流水号 ${input.bizNo} 已用于内容不同的请求`);
  }
  const existing = store.liveEnterprise(input.creditCode);
  if (existing) {
    return envelope(
      CODES.enterpriseExists,
      `该统一社会信用代码已开通企业账号（企业 ID：${existing.enterpriseId}）`,
    );
  }
  const running = store.processingTask(input.creditCode);
  if (running) {
    return envelope(
      CODES.enterpriseExists,
      `该统一社会信用代码的企业正在开通中（任务 ID：${running.taskId}），请稍后查询`,
    );
  }
  return success(taskJson(store.startTask({ ...input, planCode: input.planCode }, fingerprint)));
}

const STATUSES: readonly string[] = Object.keys(STATUS_DESC);

/** `pageNo` from 1 (default 1), `pageSize` 1..100 (default 20), optional `status` and `creditCode` filters. */
function listEnterprises({ store, url }: BizconfCall): Response {
  const errors = new FieldErrors();
  const read = (name: string, fallback: number, max: number) => {
    const raw = url.searchParams.get(name);
    if (raw === null) return fallback;
    const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(value >= 1 && value <= max)) errors.add(name, `必须是 1 到 ${max} 之间的整数`);
    return value;
  };
  const pageNo = read('pageNo', 1, 1_000_000_000);
  const pageSize = read('pageSize', 20, 100);
  const status = url.searchParams.get('status') ?? undefined;
  if (status !== undefined && !STATUSES.includes(status)) {
    errors.add('status', `必须是 ${STATUSES.join('、')} 之一`);
  }
  const creditCode = url.searchParams.get('creditCode') ?? undefined;
  for (const name of url.searchParams.keys()) {
    if (!['pageNo', 'pageSize', 'status', 'creditCode'].includes(name)) errors.add(name, '不支持的参数');
  }
  if (errors.list.length > 0) return paramInvalid(errors.list);
  const all = store.enterprises({ status, creditCode });
  const start = (pageNo - 1) * pageSize;
  return success({
    list: all.slice(start, start + pageSize).map(enterpriseJson),
    total: all.length,
    pageNo,
    pageSize,
  });
}

function getEnterprise(_call: BizconfCall, enterprise: EnterpriseRecord): Response {
  return success(enterpriseJson(enterprise));
}

/** Freeze, unfreeze and cancel take an optional `reason` and nothing else. */
function readReason(body: Record<string, unknown>): Response | undefined {
  const errors = new FieldErrors();
  errors.onlyKnown(body, ['reason']);
  errors.text(body.reason, 'reason', 200, true);
  return errors.list.length > 0 ? paramInvalid(errors.list) : undefined;
}

function changeStatus(
  { store }: BizconfCall,
  enterprise: EnterpriseRecord,
  to: BizconfEnterpriseStatus,
): Response {
  if (enterprise.status !== to) {
    enterprise.status = to;
    enterprise.updatedAt = store.now();
  }
  return success(enterpriseJson(enterprise));
}

function freeze(call: BizconfCall, enterprise: EnterpriseRecord): Response {
  const invalid = readReason(call.body);
  if (invalid) return invalid;
  if (enterprise.status !== 'NORMAL' && enterprise.status !== 'FROZEN') return notAllowed(enterprise, '冻结');
  return changeStatus(call, enterprise, 'FROZEN');
}

function unfreeze(call: BizconfCall, enterprise: EnterpriseRecord): Response {
  const invalid = readReason(call.body);
  if (invalid) return invalid;
  if (enterprise.status !== 'NORMAL' && enterprise.status !== 'FROZEN') return notAllowed(enterprise, '解冻');
  return changeStatus(call, enterprise, 'NORMAL');
}

function cancel(call: BizconfCall, enterprise: EnterpriseRecord): Response {
  const invalid = readReason(call.body);
  if (invalid) return invalid;
  if (enterprise.status === 'REJECTED') return notAllowed(enterprise, '注销');
  return changeStatus(call, enterprise, 'CANCELLED');
}

// --- licences -------------------------------------------------------------------------------------------------

function getLicence(_call: BizconfCall, enterprise: EnterpriseRecord): Response {
  return success(licenceJson(enterprise));
}

/**
 * `{ bizNo, seats }`: more seats apply at once; fewer are refused before the renewal window (the last 30 days of the
 * term) and scheduled for the next term inside it; never fewer than the seats in use. The same bizNo answers the
 * first answer again; with another body it is refused.
 */
function changeLicence({ store, body }: BizconfCall, enterprise: EnterpriseRecord): Response {
  const errors = new FieldErrors();
  errors.onlyKnown(body, ['bizNo', 'seats', 'planCode']);
  if (body.planCode !== undefined) errors.add('planCode', '不支持在此变更套餐，请通过续费订单办理');
  const bizNo = errors.bizNo(body.bizNo);
  const seats = errors.seats(body.seats);
  if (errors.list.length > 0 || bizNo === undefined || seats === undefined) return paramInvalid(errors.list);
  const fingerprint = `${enterprise.enterpriseId}\n${canonicalJson(body)}`;
  const earlier = store.licenceOrder(bizNo);
  if (earlier || store.createOrder(bizNo)) {
    if (earlier?.fingerprint === fingerprint) return success(earlier.answer);
    return envelope(CODES.bizNoConflict, `业务流水号 ${bizNo} 已用于内容不同的请求`);
  }
  if (enterprise.status !== 'NORMAL') return notAllowed(enterprise, '变更席位');
  const licence = enterprise.licence;
  if (licence.status === 'EXPIRED') {
    return envelope(CODES.statusNotAllowed, `服务已于 ${licence.termEnd} 到期，请先续费`);
  }
  if (seats < licence.usedSeats) {
    return envelope(CODES.seatsBelowUsed, `席位数不能少于已使用席位数（已使用 ${licence.usedSeats} 个）`);
  }
  const refused = applySeats(licence, seats, beijingDate(store.now()));
  if (refused) return refused;
  enterprise.updatedAt = store.now();
  const answer = licenceJson(enterprise);
  store.rememberLicenceOrder(bizNo, { fingerprint, answer });
  return success(answer);
}

function applySeats(licence: LicenceRecord, seats: number, today: string): Response | undefined {
  if (seats >= licence.seats) {
    // More seats apply at once; the same count cancels a decrease scheduled for the renewal.
    licence.seats = seats;
    licence.renewalSeats = undefined;
    return undefined;
  }
  const windowStart = renewalWindowStart(licence.termEnd);
  if (today < windowStart) {
    return envelope(
      CODES.seatDecreaseBeforeRenewal,
      `年度承诺期内不能减少席位：当前服务期至 ${licence.termEnd}，` +
        `可于 ${windowStart} 起预约在 ${addDays(licence.termEnd, 1)} 续费时减少`,
    );
  }
  licence.renewalSeats = seats;
  return undefined;
}

// --- tasks ----------------------------------------------------------------------------------------------------

function getTask({ store, params }: BizconfCall): Response {
  const id = params[0] ?? '';
  const task = store.task(id);
  return task ? success(taskJson(task)) : envelope(CODES.taskNotFound, `任务不存在：${id}`);
}
