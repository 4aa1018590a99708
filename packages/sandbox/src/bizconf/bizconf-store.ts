import type {
  BizconfEnterpriseStatus,
  BizconfPlanCode,
  BizconfSandboxControls,
  BizconfSandboxCredentials,
  BizconfSandboxEnterprise,
  BizconfSandboxEnterpriseInput,
  BizconfSandboxTask,
  BizconfTaskStatus,
} from './bizconf-controls';
import { NonceCache } from './bizconf-signature';
import { addDays, beijingDate, isDate, termEndFor } from './bizconf-time';
import type { AddressInput, AdminInput, CreateInput } from './bizconf-validation';

/** Mutable licence record. */
export interface LicenceRecord {
  planCode: BizconfPlanCode;
  seats: number;
  usedSeats: number;
  renewalSeats: number | undefined;
  termStart: string;
  termEnd: string;
  autoRenew: boolean;
  status: 'ACTIVE' | 'EXPIRED';
}

/** Mutable enterprise record. */
export interface EnterpriseRecord {
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  status: BizconfEnterpriseStatus;
  industry: string;
  scale: string;
  website: string | undefined;
  address: AddressInput | undefined;
  admin: AdminInput;
  externalId: string | undefined;
  rejectReason: string | undefined;
  createdAt: number;
  updatedAt: number;
  licence: LicenceRecord;
}

/** Mutable task record. */
export interface TaskRecord {
  taskId: string;
  bizNo: string;
  /** Canonical JSON of the create body: the same bizNo with another body is refused. */
  fingerprint: string;
  input: CreateInput & { planCode: BizconfPlanCode };
  createdAt: number;
  readyAt: number;
  status: BizconfTaskStatus;
  enterpriseId: string | undefined;
  failCode: string | undefined;
  failReason: string | undefined;
  finishedAt: number | undefined;
}

/** A licence change remembered under its bizNo, with the answer it got. */
export interface LicenceOrder {
  fingerprint: string;
  answer: unknown;
}

/** The renewal window: the last 30 days of a term, in which a decrease can be scheduled for the next term. */
export const RENEWAL_WINDOW_DAYS = 30;

/** First day of the renewal window of a term ending on `termEnd`. */
export function renewalWindowStart(termEnd: string): string {
  return addDays(termEnd, -(RENEWAL_WINDOW_DAYS - 1));
}

/** The statuses a credit code can hold one live account in; cancelled and rejected ones free it. */
const LIVE: readonly BizconfEnterpriseStatus[] = ['REVIEWING', 'NORMAL', 'FROZEN'];

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** The in-memory state of one Bizconf partner application: enterprises, tasks, request numbers, nonces. */
export class BizconfStore implements BizconfSandboxControls {
  readonly credentials: BizconfSandboxCredentials;
  readonly nonces = new NonceCache();
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #delayMs: number;
  readonly #review: 'automatic' | 'manual';
  readonly #enterprises = new Map<string, EnterpriseRecord>();
  readonly #tasks = new Map<string, TaskRecord>();
  readonly #createOrders = new Map<string, TaskRecord>();
  readonly #licenceOrders = new Map<string, LicenceOrder>();
  readonly #failing = new Map<string, { failCode: string; failReason: string }>();

  constructor(options: {
    credentials: BizconfSandboxCredentials;
    now: () => number;
    random: () => number;
    provisioningDelayMs: number;
    review: 'automatic' | 'manual';
  }) {
    this.credentials = options.credentials;
    this.#now = options.now;
    this.#random = options.random;
    this.#delayMs = options.provisioningDelayMs;
    this.#review = options.review;
  }

  now(): number {
    return this.#now();
  }

  // --- ids ----------------------------------------------------------------------------------------------------

  #randomText(alphabet: string, length: number): string {
    let out = '';
    for (let index = 0; index < length; index++) {
      out += alphabet.charAt(Math.floor(this.#random() * alphabet.length));
    }
    return out;
  }

  #enterpriseId(): string {
    const day = beijingDate(this.now()).replaceAll('-', '');
    let id: string;
    do id = `E${day}${this.#randomText('0123456789', 6)}`;
    while (this.#enterprises.has(id));
    return id;
  }

  // --- tasks --------------------------------------------------------------------------------------------------

  /** Finishes every task whose time has come, in creation order, and rolls licence terms to today. */
  settle(): void {
    const now = this.now();
    for (const task of this.#tasks.values()) {
      if (task.status === 'PROCESSING' && now >= task.readyAt) this.#finish(task, now);
    }
    const today = beijingDate(now);
    for (const enterprise of this.#enterprises.values()) rollTerm(enterprise.licence, today);
  }

  #finish(task: TaskRecord, now: number): void {
    task.finishedAt = now;
    const failure = this.#failing.get(task.input.creditCode);
    const taken = this.liveEnterprise(task.input.creditCode);
    if (failure) {
      task.status = 'FAILED';
      task.failCode = failure.failCode;
      task.failReason = failure.failReason;
      return;
    }
    if (taken) {
      task.status = 'FAILED';
      task.failCode = 'ENTERPRISE_EXISTS';
      task.failReason = `该统一社会信用代码已开通企业账号（企业 ID：${taken.enterpriseId}）`;
      return;
    }
    const enterprise = this.#insert(task.input, this.#review === 'manual' ? 'REVIEWING' : 'NORMAL', now);
    task.status = 'SUCCESS';
    task.enterpriseId = enterprise.enterpriseId;
  }

  /** The task a create with this bizNo made, if any. */
  createOrder(bizNo: string): TaskRecord | undefined {
    return this.#createOrders.get(bizNo);
  }

  /** The licence change made under this bizNo, if any. */
  licenceOrder(bizNo: string): LicenceOrder | undefined {
    return this.#licenceOrders.get(bizNo);
  }

  rememberLicenceOrder(bizNo: string, order: LicenceOrder): void {
    this.#licenceOrders.set(bizNo, order);
  }

  /** A task still running for this credit code. */
  processingTask(creditCode: string): TaskRecord | undefined {
    for (const task of this.#tasks.values()) {
      if (task.status === 'PROCESSING' && task.input.creditCode === creditCode) return task;
    }
    return undefined;
  }

  startTask(input: CreateInput & { planCode: BizconfPlanCode }, fingerprint: string): TaskRecord {
    const now = this.now();
    let taskId: string;
    do taskId = `T${this.#randomText(ALPHANUMERIC, 20)}`;
    while (this.#tasks.has(taskId));
    const task: TaskRecord = {
      taskId,
      bizNo: input.bizNo,
      fingerprint,
      input,
      createdAt: now,
      readyAt: now + this.#delayMs,
      status: 'PROCESSING',
      enterpriseId: undefined,
      failCode: undefined,
      failReason: undefined,
      finishedAt: undefined,
    };
    this.#tasks.set(taskId, task);
    this.#createOrders.set(input.bizNo, task);
    if (this.#delayMs <= 0) this.#finish(task, now);
    return task;
  }

  task(taskId: string): TaskRecord | undefined {
    return this.#tasks.get(taskId);
  }

  // --- enterprises --------------------------------------------------------------------------------------------

  enterprise(enterpriseId: string): EnterpriseRecord | undefined {
    return this.#enterprises.get(enterpriseId);
  }

  /** The account this credit code holds, unless cancelled or rejected. */
  liveEnterprise(creditCode: string): EnterpriseRecord | undefined {
    for (const enterprise of this.#enterprises.values()) {
      if (enterprise.creditCode === creditCode && LIVE.includes(enterprise.status)) return enterprise;
    }
    return undefined;
  }

  /** Enterprises in creation order (then by id), optionally only those with this status or credit code. */
  enterprises(filter: { status?: string | undefined; creditCode?: string | undefined }): EnterpriseRecord[] {
    return [...this.#enterprises.values()].filter(
      (enterprise) =>
        (filter.status === undefined || enterprise.status === filter.status) &&
        (filter.creditCode === undefined || enterprise.creditCode === filter.creditCode),
    );
  }

  #insert(
    input: CreateInput & { planCode: BizconfPlanCode },
    status: BizconfEnterpriseStatus,
    now: number,
  ): EnterpriseRecord {
    const termStart = beijingDate(now);
    const enterprise: EnterpriseRecord = {
      enterpriseId: this.#enterpriseId(),
      enterpriseName: input.enterpriseName,
      creditCode: input.creditCode,
      status,
      industry: input.industry,
      scale: input.scale,
      website: input.website,
      address: input.address,
      admin: input.admin,
      externalId: input.externalId,
      rejectReason: undefined,
      createdAt: now,
      updatedAt: now,
      licence: {
        planCode: input.planCode,
        seats: input.seats,
        usedSeats: 0,
        renewalSeats: undefined,
        termStart,
        termEnd: termEndFor(termStart),
        autoRenew: true,
        status: 'ACTIVE',
      },
    };
    this.#enterprises.set(enterprise.enterpriseId, enterprise);
    return enterprise;
  }

  // --- controls -----------------------------------------------------------------------------------------------

  listEnterprises(): BizconfSandboxEnterprise[] {
    this.settle();
    return [...this.#enterprises.values()].map(snapshotEnterprise);
  }

  getEnterprise(enterpriseId: string): BizconfSandboxEnterprise | undefined {
    this.settle();
    const enterprise = this.#enterprises.get(enterpriseId);
    return enterprise && snapshotEnterprise(enterprise);
  }

  listTasks(): BizconfSandboxTask[] {
    this.settle();
    return [...this.#tasks.values()].map((task) => ({
      taskId: task.taskId,
      bizNo: task.bizNo,
      status: task.status,
      enterpriseId: task.enterpriseId,
      failCode: task.failCode,
      failReason: task.failReason,
    }));
  }

  createEnterprise(input: BizconfSandboxEnterpriseInput): BizconfSandboxEnterprise {
    const enterprise = this.#insert(
      {
        bizNo: '',
        enterpriseName: input.enterpriseName,
        creditCode: input.creditCode,
        industry: 'software',
        scale: '51-250',
        website: undefined,
        address: undefined,
        admin: {
          familyName: '王',
          givenName: '伟',
          email: input.adminEmail ?? 'admin@sandbox.example.cn',
          mobile: '13800138000',
          jobTitle: undefined,
        },
        planCode: input.planCode ?? 'STANDARD',
        seats: input.seats ?? 1,
        externalId: input.externalId,
      },
      input.status ?? 'NORMAL',
      this.now(),
    );
    return snapshotEnterprise(enterprise);
  }

  assignSeats(enterpriseId: string, count: number): void {
    this.#require(enterpriseId).licence.usedSeats = count;
  }

  setTerm(enterpriseId: string, term: { start: string; end: string }): void {
    if (!isDate(term.start) || !isDate(term.end) || term.end < term.start) {
      throw new RangeError(`setTerm: ${term.start}..${term.end} is not a term of yyyy-MM-dd dates`);
    }
    const licence = this.#require(enterpriseId).licence;
    licence.termStart = term.start;
    licence.termEnd = term.end;
    licence.status = 'ACTIVE';
  }

  setAutoRenew(enterpriseId: string, autoRenew: boolean): void {
    this.#require(enterpriseId).licence.autoRenew = autoRenew;
  }

  setStatus(enterpriseId: string, status: BizconfEnterpriseStatus): void {
    const enterprise = this.#require(enterpriseId);
    enterprise.status = status;
    enterprise.updatedAt = this.now();
  }

  approve(enterpriseId: string): void {
    const enterprise = this.#require(enterpriseId);
    if (enterprise.status !== 'REVIEWING') throw new Error(`approve: ${enterpriseId} is not REVIEWING`);
    this.setStatus(enterpriseId, 'NORMAL');
  }

  reject(enterpriseId: string, reason: string): void {
    const enterprise = this.#require(enterpriseId);
    if (enterprise.status !== 'REVIEWING') throw new Error(`reject: ${enterpriseId} is not REVIEWING`);
    enterprise.rejectReason = reason;
    this.setStatus(enterpriseId, 'REJECTED');
  }

  failProvisioning(creditCode: string, failCode: string, failReason: string): void {
    this.#failing.set(creditCode, { failCode, failReason });
  }

  #require(enterpriseId: string): EnterpriseRecord {
    this.settle();
    const enterprise = this.#enterprises.get(enterpriseId);
    if (!enterprise) throw new Error(`No sandbox Bizconf enterprise ${enterpriseId}`);
    return enterprise;
  }
}

/**
 * Rolls a licence to the term that contains `today`: an auto-renewing term renews for a year on the day after it
 * ends, with the seats scheduled for it (or the same seats); one without auto-renewal expires.
 */
export function rollTerm(licence: LicenceRecord, today: string): void {
  while (licence.status === 'ACTIVE' && today > licence.termEnd) {
    if (!licence.autoRenew) {
      licence.status = 'EXPIRED';
      return;
    }
    licence.termStart = addDays(licence.termEnd, 1);
    licence.termEnd = termEndFor(licence.termStart);
    licence.seats = licence.renewalSeats ?? licence.seats;
    licence.renewalSeats = undefined;
  }
}

function snapshotEnterprise(enterprise: EnterpriseRecord): BizconfSandboxEnterprise {
  return {
    enterpriseId: enterprise.enterpriseId,
    enterpriseName: enterprise.enterpriseName,
    creditCode: enterprise.creditCode,
    status: enterprise.status,
    industry: enterprise.industry,
    scale: enterprise.scale,
    website: enterprise.website,
    externalId: enterprise.externalId,
    admin: { ...enterprise.admin },
    rejectReason: enterprise.rejectReason,
    createdAt: enterprise.createdAt,
    licence: { ...enterprise.licence },
  };
}
