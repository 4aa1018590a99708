import type {
  UmeetAccountStatus,
  UmeetLicenceEdit,
  UmeetProvisioningFailure,
  UmeetSandboxAccount,
  UmeetSandboxAccountInput,
  UmeetSandboxControls,
  UmeetSandboxCredentials,
  UmeetSuspender,
} from './umeet-controls';
import { type ProblemBody, problemBody } from './umeet-http';

/** Mutable licence record. */
export interface LicenceRecord {
  plan: string;
  purchased: number;
  assigned: number;
  cap: number;
  status: 'active' | 'cancelled';
  version: number;
  updatedAt: number;
}

/** Mutable account record. */
export interface AccountRecord {
  id: string;
  enterpriseNumber: string;
  name: string;
  creditCode: string;
  country: string;
  industry: string;
  employeeCount: string;
  website: string | undefined;
  address: Record<string, string> | undefined;
  admin: { firstName: string; lastName: string; email: string; mobile: string; jobTitle: string | undefined };
  externalId: string | undefined;
  status: UmeetAccountStatus;
  statusReason: string | undefined;
  suspendedBy: UmeetSuspender | undefined;
  /** The state a partner's suspension returns to on resume. */
  resumeTo: 'active' | 'pending_verification';
  createdAt: number;
  updatedAt: number;
  /** When provisioning finishes (sandbox clock). */
  provisionedAt: number;
  /** When Systec verifies the business licence; `undefined` while it waits for a control. */
  verifiesAt: number | undefined;
  /** The problem provisioning ends with, if it fails. */
  failure: ProblemBody | undefined;
  licence: LicenceRecord;
  /** Licence edits to apply right after the next read of the licence. */
  afterRead: UmeetLicenceEdit[];
}

/** A provisioning operation: its state follows its account's. */
export interface OperationRecord {
  id: string;
  accountId: string;
  createdAt: number;
}

/** What a `POST` remembered under its `Idempotency-Key`. */
export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  expiresAt: number;
}

/** What the store needs from its platform. */
export interface UmeetStoreSettings {
  credentials: UmeetSandboxCredentials;
  tokenTtlSeconds: number;
  provisioningDelayMs: number;
  verificationDelayMs: number | 'manual';
  defaultSeatCap: number;
  now: () => number;
  random: () => number;
}

/** Keys are remembered this long (contract v1: 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** What an inserted account starts with. */
type InsertFields = Pick<
  AccountRecord,
  | 'name'
  | 'creditCode'
  | 'country'
  | 'industry'
  | 'employeeCount'
  | 'website'
  | 'address'
  | 'admin'
  | 'externalId'
  | 'status'
  | 'provisionedAt'
  | 'failure'
> & { licence: Pick<LicenceRecord, 'plan' | 'purchased' | 'assigned' | 'cap'> };

/** The input `POST /accounts` validated, as the store takes it. */
export interface NewAccount {
  name: string;
  creditCode: string;
  country: string;
  industry: string;
  employeeCount: string;
  website: string | undefined;
  address: Record<string, string> | undefined;
  admin: AccountRecord['admin'];
  externalId: string | undefined;
  plan: string;
  seats: number;
}

/** The in-memory Umeet's state, with its clock-driven transitions applied lazily on every read. */
export class UmeetStore implements UmeetSandboxControls {
  readonly credentials: UmeetSandboxCredentials;
  readonly settings: UmeetStoreSettings;
  readonly #accounts = new Map<string, AccountRecord>();
  readonly #operations = new Map<string, OperationRecord>();
  readonly #tokens = new Map<string, number>();
  readonly #keys = new Map<string, IdempotencyRecord>();
  readonly #reservedEmails = new Set<string>();
  #nextFailure: UmeetProvisioningFailure | undefined;
  #enterpriseNumber = 80_000_000;
  #tokenCount = 0;

  constructor(settings: UmeetStoreSettings) {
    this.settings = settings;
    this.credentials = settings.credentials;
  }

  // --- ids, tokens and keys -----------------------------------------------------------------------------------

  randomId(prefix: string): string {
    let id = prefix;
    for (let i = 0; i < 16; i++) id += ID_ALPHABET[Math.floor(this.settings.random() * ID_ALPHABET.length)];
    return id;
  }

  issueToken(): string {
    this.#tokenCount += 1;
    const token = `umt_${this.#tokenCount}_${this.randomId('')}`;
    this.#tokens.set(token, this.settings.now() + this.settings.tokenTtlSeconds * 1000);
    return token;
  }

  expireTokens(): void {
    for (const token of this.#tokens.keys()) this.#tokens.set(token, 0);
  }

  expireToken(token: string): void {
    if (this.#tokens.has(token)) this.#tokens.set(token, 0);
  }

  tokenState(token: string | undefined): 'valid' | 'expired' | 'unknown' {
    const expiresAt = token === undefined ? undefined : this.#tokens.get(token);
    if (expiresAt === undefined) return 'unknown';
    return this.settings.now() < expiresAt ? 'valid' : 'expired';
  }

  remembered(key: string): IdempotencyRecord | undefined {
    const record = this.#keys.get(key);
    if (record && record.expiresAt <= this.settings.now()) {
      this.#keys.delete(key);
      return undefined;
    }
    return record;
  }

  remember(key: string, record: Omit<IdempotencyRecord, 'expiresAt'>): void {
    this.#keys.set(key, { ...record, expiresAt: this.settings.now() + IDEMPOTENCY_TTL_MS });
  }

  // --- accounts -----------------------------------------------------------------------------------------------

  /** Applies what has come due on the clock: provisioning finished, business licence verified. */
  settle(account: AccountRecord): AccountRecord {
    const now = this.settings.now();
    if (account.status === 'provisioning' && now >= account.provisionedAt) {
      if (account.failure) {
        account.status = 'rejected';
        account.statusReason = account.failure.detail;
      } else {
        account.status = 'pending_verification';
        const delay = this.settings.verificationDelayMs;
        account.verifiesAt = delay === 'manual' ? undefined : account.provisionedAt + delay;
      }
      account.updatedAt = account.provisionedAt;
    }
    if (account.verifiesAt !== undefined && now >= account.verifiesAt) {
      const verifiedAt = account.verifiesAt;
      account.verifiesAt = undefined;
      if (account.status === 'pending_verification') {
        account.status = 'active';
        account.updatedAt = verifiedAt;
      } else if (account.status === 'suspended' && account.resumeTo === 'pending_verification') {
        account.resumeTo = 'active';
      }
    }
    return account;
  }

  account(id: string): AccountRecord | undefined {
    const account = this.#accounts.get(id);
    return account && this.settle(account);
  }

  accounts(): AccountRecord[] {
    return [...this.#accounts.values()].map((account) => this.settle(account));
  }

  /** The live account `email` administers: terminated and rejected accounts release their admin email. */
  findByAdminEmail(email: string): AccountRecord | undefined {
    const wanted = email.toLowerCase();
    return this.accounts().find(
      (account) =>
        account.admin.email.toLowerCase() === wanted &&
        account.status !== 'terminated' &&
        account.status !== 'rejected',
    );
  }

  isReservedEmail(email: string): boolean {
    return this.#reservedEmails.has(email.toLowerCase());
  }

  /** Creates an account in `provisioning` and the operation that follows it. */
  create(input: NewAccount): { account: AccountRecord; operation: OperationRecord } {
    const now = this.settings.now();
    const failure = this.#nextFailure;
    this.#nextFailure = undefined;
    const { plan, seats, ...profile } = input;
    const account = this.#insert({
      ...profile,
      status: 'provisioning',
      provisionedAt: now + this.settings.provisioningDelayMs,
      failure:
        failure &&
        problemBody(422, failure.code ?? 'provisioning_failed', 'Provisioning failed', failure.detail),
      licence: {
        plan,
        purchased: seats,
        // The administrator holds a seat as soon as there is one.
        assigned: Math.min(1, seats),
        cap: this.settings.defaultSeatCap,
      },
    });
    const operation: OperationRecord = { id: this.randomId('op_'), accountId: account.id, createdAt: now };
    this.#operations.set(operation.id, operation);
    return { account, operation };
  }

  operation(id: string): OperationRecord | undefined {
    return this.#operations.get(id);
  }

  #insert(fields: InsertFields): AccountRecord {
    const now = this.settings.now();
    this.#enterpriseNumber += 1;
    const account: AccountRecord = {
      ...fields,
      id: this.randomId('acc_'),
      enterpriseNumber: String(this.#enterpriseNumber),
      statusReason: undefined,
      suspendedBy: undefined,
      resumeTo: 'active',
      createdAt: now,
      updatedAt: now,
      verifiesAt: undefined,
      licence: { ...fields.licence, status: 'active', version: 1, updatedAt: now },
      afterRead: [],
    };
    this.#accounts.set(account.id, account);
    return account;
  }

  touchLicence(account: AccountRecord): void {
    account.licence.version += 1;
    account.licence.updatedAt = this.settings.now();
  }

  /** Applies the licence edits queued for after a read (a concurrent writer). */
  afterLicenceRead(account: AccountRecord): void {
    const edits = account.afterRead.splice(0, 1);
    for (const edit of edits) this.#edit(account, edit);
  }

  #edit(account: AccountRecord, edit: UmeetLicenceEdit): void {
    const { licence } = account;
    if (edit.plan !== undefined) licence.plan = edit.plan;
    if (edit.purchased !== undefined) licence.purchased = edit.purchased;
    if (edit.assigned !== undefined) licence.assigned = edit.assigned;
    if (edit.cap !== undefined) licence.cap = edit.cap;
    this.touchLicence(account);
  }

  // --- controls -----------------------------------------------------------------------------------------------

  listAccounts(): UmeetSandboxAccount[] {
    return this.accounts().map(snapshot);
  }

  getAccount(id: string): UmeetSandboxAccount | undefined {
    const account = this.account(id);
    return account && snapshot(account);
  }

  createAccount(input: UmeetSandboxAccountInput): UmeetSandboxAccount {
    const n = this.#accounts.size + 1;
    const account = this.#insert({
      name: input.name ?? `测试企业有限公司 ${n}`,
      country: 'CN',
      creditCode: input.creditCode ?? '91310000MA1FL4B24G',
      industry: 'software',
      employeeCount: '51-250',
      website: undefined,
      address: undefined,
      admin: {
        firstName: '伟',
        lastName: '王',
        email: input.adminEmail,
        mobile: '+8613800138000',
        jobTitle: undefined,
      },
      externalId: input.externalId,
      status: input.status ?? 'active',
      provisionedAt: this.settings.now(),
      failure: undefined,
      licence: {
        plan: input.plan ?? 'business',
        purchased: input.purchased ?? 0,
        assigned: input.assigned ?? 0,
        cap: input.cap ?? this.settings.defaultSeatCap,
      },
    });
    if (account.status === 'terminated') account.licence.status = 'cancelled';
    return snapshot(account);
  }

  setStatus(
    id: string,
    status: UmeetAccountStatus,
    options: { readonly reason?: string; readonly suspendedBy?: UmeetSuspender } = {},
  ): UmeetSandboxAccount {
    const account = this.#require(id);
    account.status = status;
    account.statusReason = options.reason;
    account.suspendedBy = status === 'suspended' ? (options.suspendedBy ?? 'partner') : undefined;
    account.verifiesAt = undefined;
    account.provisionedAt = status === 'provisioning' ? Number.POSITIVE_INFINITY : account.provisionedAt;
    if (status === 'terminated') account.licence.status = 'cancelled';
    account.updatedAt = this.settings.now();
    return snapshot(account);
  }

  finishProvisioning(id: string): UmeetSandboxAccount {
    const account = this.#require(id);
    if (account.status === 'provisioning') account.provisionedAt = this.settings.now();
    return snapshot(this.settle(account));
  }

  verify(id: string): UmeetSandboxAccount {
    const account = this.#require(id);
    account.verifiesAt = this.settings.now();
    return snapshot(this.settle(account));
  }

  reject(id: string, reason: string): UmeetSandboxAccount {
    const account = this.#require(id);
    account.status = 'rejected';
    account.statusReason = reason;
    account.verifiesAt = undefined;
    account.updatedAt = this.settings.now();
    return snapshot(account);
  }

  assignSeats(id: string, count: number): UmeetSandboxAccount {
    const account = this.#require(id);
    account.licence.assigned += count;
    this.touchLicence(account);
    return snapshot(account);
  }

  editLicence(id: string, edit: UmeetLicenceEdit): UmeetSandboxAccount {
    const account = this.#require(id);
    this.#edit(account, edit);
    return snapshot(account);
  }

  editLicenceAfterNextRead(id: string, edit: UmeetLicenceEdit): void {
    this.#require(id).afterRead.push(edit);
  }

  failNextProvisioning(failure: UmeetProvisioningFailure): void {
    this.#nextFailure = failure;
  }

  reserveAdminEmail(email: string): void {
    this.#reservedEmails.add(email.toLowerCase());
  }

  #require(id: string): AccountRecord {
    const account = this.account(id);
    if (!account) throw new RangeError(`The Umeet sandbox has no account '${id}'.`);
    return account;
  }
}

function snapshot(account: AccountRecord): UmeetSandboxAccount {
  const { licence, admin } = account;
  return {
    id: account.id,
    enterpriseNumber: account.enterpriseNumber,
    name: account.name,
    creditCode: account.creditCode,
    industry: account.industry,
    employeeCount: account.employeeCount,
    admin: { firstName: admin.firstName, lastName: admin.lastName, email: admin.email, mobile: admin.mobile },
    externalId: account.externalId,
    status: account.status,
    statusReason: account.statusReason,
    suspendedBy: account.suspendedBy,
    licence: {
      plan: licence.plan,
      purchased: licence.purchased,
      assigned: licence.assigned,
      cap: licence.cap,
      status: licence.status,
      version: licence.version,
    },
    createdAt: account.createdAt,
  };
}
