import type {
  ZhumuEnterpriseStatusCode,
  ZhumuLicenceStatusCode,
  ZhumuPlan,
  ZhumuSandboxControls,
  ZhumuSandboxCredentials,
  ZhumuSandboxEnterprise,
  ZhumuSandboxEnterpriseInput,
  ZhumuSandboxLicence,
} from './zhumu-controls';

/** Zhumu keeps its clock in Beijing time (UTC+8, no daylight saving): timestamps carry `+08:00`, dates are local. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** `2026-01-02T11:04:05+08:00` for an instant. */
export function beijingTime(epochMs: number): string {
  return `${new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** `2026-01-02`: the calendar day in Beijing of an instant. */
export function beijingDate(epochMs: number): string {
  return new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Plans and what they allow. */
export const PLANS: Readonly<
  Record<ZhumuPlan, { seatLimit: number | undefined; termDays: number | undefined }>
> = {
  business: { seatLimit: undefined, termDays: undefined },
  trial: { seatLimit: 10, termDays: 30 },
};

/** Statuses whose enterprise no longer holds its credit code or its administrator's e-mail. */
const RELEASED: ReadonlySet<ZhumuEnterpriseStatusCode> = new Set([2, 5]);

/** What the API stores of an enterprise, mutable. */
export interface EnterpriseRecord {
  id: string;
  name: string;
  creditCode: string;
  status: ZhumuEnterpriseStatusCode;
  statusReason: string | undefined;
  adminEmail: string;
  adminFirstName: string;
  adminLastName: string;
  adminMobile: string;
  industry: string;
  employeeCount: string | undefined;
  website: string | undefined;
  province: string | undefined;
  city: string | undefined;
  address: string | undefined;
  postalCode: string | undefined;
  externalId: string | undefined;
  createdAt: number;
  updatedAt: number;
  /** When an automatic review approves it; `undefined` once reviewed or under manual review. */
  reviewDueAt: number | undefined;
  licence: LicenceRecord;
}

/** What the API stores of a licence, mutable. */
export interface LicenceRecord {
  plan: ZhumuPlan;
  seats: number;
  seatsUsed: number;
  startedAt: number;
}

/** The fields a create stores, as the API validated them. */
export type NewEnterprise = Omit<
  EnterpriseRecord,
  'id' | 'status' | 'statusReason' | 'createdAt' | 'updatedAt' | 'reviewDueAt' | 'licence'
> & { plan: ZhumuPlan; seats: number };

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The in-memory state of one sandboxed Zhumu partner, and its test controls. */
export class ZhumuStore implements ZhumuSandboxControls {
  readonly credentials: ZhumuSandboxCredentials;
  readonly pathPrefix: string;
  readonly #review: 'auto' | 'manual';
  readonly #reviewDelayMs: number;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #enterprises = new Map<string, EnterpriseRecord>();
  /** E-mails (lower case) of Zhumu users outside the partner's enterprises. */
  readonly #users = new Set<string>();

  constructor(options: {
    credentials: ZhumuSandboxCredentials;
    pathPrefix: string;
    review: 'auto' | 'manual';
    reviewDelayMs: number;
    now: () => number;
    random: () => number;
  }) {
    this.credentials = options.credentials;
    this.pathPrefix = options.pathPrefix;
    this.#review = options.review;
    this.#reviewDelayMs = options.reviewDelayMs;
    this.#now = options.now;
    this.#random = options.random;
  }

  now(): number {
    return this.#now();
  }

  #newId(): string {
    for (;;) {
      let id = '';
      for (let index = 0; index < 18; index += 1) {
        id += ID_ALPHABET.charAt(Math.floor(this.#random() * ID_ALPHABET.length));
      }
      if (!this.#enterprises.has(id)) return id;
    }
  }

  /** Applies what time has done: an automatic review that came due approves the enterprise. */
  #settle(record: EnterpriseRecord): EnterpriseRecord {
    if (record.status === 0 && record.reviewDueAt !== undefined && this.#now() >= record.reviewDueAt) {
      record.status = 1;
      record.reviewDueAt = undefined;
      record.updatedAt = Math.max(record.updatedAt, record.createdAt + this.#reviewDelayMs);
    }
    return record;
  }

  /** The enterprise with this id, settled, or `undefined`. */
  find(id: string): EnterpriseRecord | undefined {
    const record = this.#enterprises.get(id);
    return record && this.#settle(record);
  }

  /** Every enterprise in creation order, settled. */
  all(): EnterpriseRecord[] {
    return [...this.#enterprises.values()].map((record) => this.#settle(record));
  }

  /** The enterprise that holds a credit code: any but a rejected or cancelled one. */
  holderOf(creditCode: string): EnterpriseRecord | undefined {
    return this.all().find((record) => record.creditCode === creditCode && !RELEASED.has(record.status));
  }

  /** Whether an e-mail is a Zhumu user already: a known user, or the administrator of a live enterprise. */
  emailTaken(email: string): boolean {
    const wanted = email.toLowerCase();
    if (this.#users.has(wanted)) return true;
    return this.all().some(
      (record) => record.adminEmail.toLowerCase() === wanted && !RELEASED.has(record.status),
    );
  }

  /** Stores a new enterprise pending review, with its licence. */
  insert(fields: NewEnterprise): EnterpriseRecord {
    const now = this.#now();
    const { plan, seats, ...rest } = fields;
    const record: EnterpriseRecord = {
      ...rest,
      id: this.#newId(),
      status: 0,
      statusReason: undefined,
      createdAt: now,
      updatedAt: now,
      reviewDueAt: this.#review === 'auto' ? now + this.#reviewDelayMs : undefined,
      licence: { plan, seats, seatsUsed: 0, startedAt: now },
    };
    this.#enterprises.set(record.id, record);
    return record;
  }

  /** Marks a change. */
  touch(record: EnterpriseRecord): void {
    record.updatedAt = this.#now();
  }

  /** The licence as the API reports it, with its term and status worked out. */
  licenceOf(record: EnterpriseRecord): ZhumuSandboxLicence {
    const { plan, seats, seatsUsed, startedAt } = record.licence;
    const { seatLimit, termDays } = PLANS[plan];
    const endsAt = termDays === undefined ? undefined : startedAt + (termDays - 1) * DAY_MS;
    const endDate = endsAt === undefined ? undefined : beijingDate(endsAt);
    let status: ZhumuLicenceStatusCode = 1;
    if (record.status === 5) status = 3;
    else if (endDate !== undefined && beijingDate(this.#now()) > endDate) status = 2;
    return {
      plan,
      seats,
      seatsUsed,
      seatLimit,
      startDate: beijingDate(startedAt),
      endDate,
      autoRenew: termDays === undefined,
      status,
    };
  }

  #snapshot(record: EnterpriseRecord): ZhumuSandboxEnterprise {
    const { reviewDueAt: _due, licence: _licence, ...fields } = record;
    return { ...fields, licence: this.licenceOf(record) };
  }

  #require(id: string): EnterpriseRecord {
    const record = this.find(id);
    if (!record) throw new RangeError(`The sandbox's Zhumu has no enterprise ${id}.`);
    return record;
  }

  // --- controls ------------------------------------------------------------------------------------------------

  listEnterprises(): ZhumuSandboxEnterprise[] {
    return this.all().map((record) => this.#snapshot(record));
  }

  getEnterprise(id: string): ZhumuSandboxEnterprise | undefined {
    const record = this.find(id);
    return record && this.#snapshot(record);
  }

  createEnterprise(input: ZhumuSandboxEnterpriseInput): ZhumuSandboxEnterprise {
    const record = this.insert({
      name: input.name,
      creditCode: input.creditCode,
      adminEmail: input.adminEmail ?? `admin-${this.#enterprises.size + 1}@seeded.example.cn`,
      adminFirstName: '伟',
      adminLastName: '王',
      adminMobile: '13800138000',
      industry: 'software',
      employeeCount: undefined,
      website: undefined,
      province: undefined,
      city: undefined,
      address: undefined,
      postalCode: undefined,
      externalId: input.externalId,
      plan: input.plan ?? 'business',
      seats: input.seats ?? 0,
    });
    record.status = input.status ?? 1;
    if (record.status !== 0) record.reviewDueAt = undefined;
    record.licence.seatsUsed = input.seatsUsed ?? 0;
    return this.#snapshot(record);
  }

  setStatus(id: string, status: ZhumuEnterpriseStatusCode, reason?: string): ZhumuSandboxEnterprise {
    const record = this.#require(id);
    record.status = status;
    record.statusReason = reason;
    record.reviewDueAt = undefined;
    this.touch(record);
    return this.#snapshot(record);
  }

  review(id: string, outcome: 'approved' | 'rejected', reason?: string): ZhumuSandboxEnterprise {
    const record = this.#require(id);
    if (record.status !== 0) {
      throw new RangeError(`Enterprise ${id} is not pending review (status ${record.status}).`);
    }
    return this.setStatus(id, outcome === 'approved' ? 1 : 2, outcome === 'rejected' ? reason : undefined);
  }

  setSeatsUsed(id: string, count: number): ZhumuSandboxEnterprise {
    const record = this.#require(id);
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError('Seats in use must be a whole number, 0 or more.');
    record.licence.seatsUsed = count;
    this.touch(record);
    return this.#snapshot(record);
  }

  addUser(email: string): void {
    this.#users.add(email.toLowerCase());
  }
}
