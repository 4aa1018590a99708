import { type Random, randomId } from '../internal/prng';
import { CommerceStore } from '../zoom-commerce/commerce-store';
import type {
  ZoomPlanStatus,
  ZoomPlanType,
  ZoomSandboxAccount,
  ZoomSandboxAccountInput,
  ZoomSandboxControls,
  ZoomSandboxCredentials,
  ZoomSandboxPlan,
  ZoomSandboxPlanInput,
  ZoomSandboxUser,
  ZoomSandboxUserInput,
  ZoomUserStatus,
  ZoomUserType,
} from './zoom-controls';
import type { UserProfile } from './zoom-user-profile';

/** Zoom's default roles: every sub-account has an Owner (its owner user) and Members. */
export const ZOOM_ROLES = { owner: { id: '0', name: 'Owner' }, member: { id: '2', name: 'Member' } } as const;

/** Mutable user record. */
export interface UserRecord {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  type: ZoomUserType;
  status: ZoomUserStatus;
  role: (typeof ZOOM_ROLES)[keyof typeof ZOOM_ROLES];
  createdAt: number;
  /** Personal meeting id: ten digits. */
  pmi: number;
  /** Documented profile fields set through `PATCH /users/{userId}`, by wire name, as sent. */
  profile: UserProfile;
}

/** A user before the store gives it an id, a creation time and a personal meeting id. */
export type NewUser = Pick<UserRecord, 'email' | 'firstName' | 'lastName' | 'type' | 'status'> &
  Partial<Pick<UserRecord, 'role'>>;

/** Mutable plan record. */
export interface PlanRecord {
  type: ZoomPlanType;
  hosts: number;
  status: ZoomPlanStatus;
  startedAt: number;
  nextInvoiceAt: number;
}

/** Mutable account record. */
export interface AccountRecord {
  id: string;
  accountName: string;
  ownerId: string;
  ownerEmail: string;
  createdAt: number;
  accountNumber: number;
  payMode: 'master' | 'sub';
  shareRc: boolean;
  shareMc: boolean;
  billingAutoRenew: boolean;
  associated: boolean;
  plan: PlanRecord | undefined;
  users: Map<string, UserRecord>;
}

interface PageCursor {
  scope: string;
  offset: number;
  expiresAt: number;
}

const PAGE_TOKEN_TTL_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Plan types the sandbox accepts on `POST /plans` and `PUT /plans/base`. */
export const PLAN_TYPES: readonly ZoomPlanType[] = [
  'monthly',
  'yearly',
  'business_monthly',
  'business_yearly',
  'trial',
];

/** Zoom timestamps carry no milliseconds. */
export function zoomTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `YYYY-MM-DD` in UTC. */
export function zoomDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function nextInvoice(type: ZoomPlanType, from: number): number {
  const date = new Date(from);
  if (type === 'trial') return from + 30 * DAY_MS;
  if (type.endsWith('yearly')) date.setUTCFullYear(date.getUTCFullYear() + 1);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return date.getTime();
}

/** The in-memory state of one Zoom master account: sub-accounts, users, plans, tokens, page cursors. */
export class ZoomStore implements ZoomSandboxControls {
  readonly credentials: ZoomSandboxCredentials;
  readonly tokenTtlSeconds: number;
  readonly now: () => number;
  /** The partner's Commerce API state (end customers, orders, subscriptions, deal registrations). */
  readonly commerce: CommerceStore;
  readonly #random: Random;
  readonly #accounts = new Map<string, AccountRecord>();
  readonly #tokens = new Map<string, number>();
  readonly #cursors = new Map<string, PageCursor>();
  #nextAccountNumber = 100_000_001;
  // Personal meeting ids come from a counter, not the PRNG, so that adding users does not shift the seeded ids.
  #nextPmi = 8_100_000_001;

  constructor(options: {
    credentials: ZoomSandboxCredentials;
    tokenTtlSeconds: number;
    now: () => number;
    random: Random;
    pendingAccountLookups?: number | undefined;
  }) {
    this.credentials = options.credentials;
    this.tokenTtlSeconds = options.tokenTtlSeconds;
    this.now = options.now;
    this.#random = options.random;
    this.commerce = new CommerceStore({
      now: options.now,
      random: options.random,
      pendingAccountLookups: options.pendingAccountLookups,
    });
  }

  // --- tokens -------------------------------------------------------------------------------------------------

  issueToken(): string {
    const token = `sbx.${globalThis.crypto.randomUUID()}`;
    this.#tokens.set(token, this.now() + this.tokenTtlSeconds * 1000);
    return token;
  }

  /** `valid`, `expired`, or `unknown` for a bearer token. */
  tokenState(token: string | undefined): 'valid' | 'expired' | 'unknown' {
    const expiresAt = token === undefined ? undefined : this.#tokens.get(token);
    if (expiresAt === undefined) return 'unknown';
    return this.now() < expiresAt ? 'valid' : 'expired';
  }

  expireToken(token: string): void {
    if (this.#tokens.has(token)) this.#tokens.set(token, Number.NEGATIVE_INFINITY);
  }

  expireTokens(): void {
    for (const token of this.#tokens.keys()) this.#tokens.set(token, Number.NEGATIVE_INFINITY);
  }

  // --- pagination ---------------------------------------------------------------------------------------------

  /**
   * Pages `items` from the offset of `token`, or else from page `pageNumber` (1-based; Zoom's deprecated way);
   * `undefined` when the token is unknown, expired or foreign. The answer tells which page it is.
   */
  page<T>(
    scope: string,
    items: readonly T[],
    pageSize: number,
    at: { token?: string | undefined; pageNumber?: number | undefined } = {},
  ): { items: T[]; nextPageToken: string; pageNumber: number } | undefined {
    let offset = ((at.pageNumber ?? 1) - 1) * pageSize;
    if (at.token) {
      const cursor = this.#cursors.get(at.token);
      if (!cursor || cursor.scope !== scope || this.now() >= cursor.expiresAt) return undefined;
      offset = cursor.offset;
    }
    const end = offset + pageSize;
    let nextPageToken = '';
    if (end < items.length) {
      this.#pruneCursors();
      nextPageToken = randomId(this.#random, 32);
      this.#cursors.set(nextPageToken, { scope, offset: end, expiresAt: this.now() + PAGE_TOKEN_TTL_MS });
    }
    return { items: items.slice(offset, end), nextPageToken, pageNumber: Math.floor(offset / pageSize) + 1 };
  }

  #pruneCursors(): void {
    const now = this.now();
    for (const [token, cursor] of this.#cursors) if (now >= cursor.expiresAt) this.#cursors.delete(token);
  }

  // --- accounts and users -------------------------------------------------------------------------------------

  /** Sub-accounts currently associated with the master, in creation order. */
  associatedAccounts(): AccountRecord[] {
    return [...this.#accounts.values()].filter((account) => account.associated);
  }

  /** An associated sub-account, or `undefined` (Zoom then answers 2001). */
  account(id: string): AccountRecord | undefined {
    const account = this.#accounts.get(id);
    return account?.associated ? account : undefined;
  }

  findOwnedAccount(email: string): AccountRecord | undefined {
    const wanted = email.toLowerCase();
    return this.associatedAccounts().find((account) => account.ownerEmail.toLowerCase() === wanted);
  }

  insertAccount(input: {
    email: string;
    firstName: string;
    lastName: string;
    accountName: string;
    payMode: 'master' | 'sub';
    shareRc: boolean;
    shareMc: boolean;
    billingAutoRenew: boolean;
  }): AccountRecord {
    const owner = this.#newUser({
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      type: 1,
      status: 'active',
      role: ZOOM_ROLES.owner,
    });
    const account: AccountRecord = {
      id: randomId(this.#random),
      accountName: input.accountName,
      ownerId: owner.id,
      ownerEmail: input.email,
      createdAt: this.now(),
      accountNumber: this.#nextAccountNumber++,
      payMode: input.payMode,
      shareRc: input.shareRc,
      shareMc: input.shareMc,
      billingAutoRenew: input.billingAutoRenew,
      associated: true,
      plan: undefined,
      users: new Map([[owner.id, owner]]),
    };
    this.#accounts.set(account.id, account);
    return account;
  }

  insertUser(account: AccountRecord, input: NewUser): UserRecord {
    const user = this.#newUser(input);
    account.users.set(user.id, user);
    return user;
  }

  #newUser(input: NewUser): UserRecord {
    return {
      id: randomId(this.#random),
      role: ZOOM_ROLES.member,
      ...input,
      createdAt: this.now(),
      pmi: this.#nextPmi++,
      profile: {},
    };
  }

  findUserByEmail(account: AccountRecord, email: string): UserRecord | undefined {
    const wanted = email.toLowerCase();
    return [...account.users.values()].find((user) => user.email.toLowerCase() === wanted);
  }

  /** A user by id or, as Zoom also accepts, by email address. */
  findUser(account: AccountRecord, idOrEmail: string): UserRecord | undefined {
    return account.users.get(idOrEmail) ?? this.findUserByEmail(account, idOrEmail);
  }

  /** Licensed users: `usage` counts active ones, `pending` invited ones; inactive users hold no licence. */
  licences(account: AccountRecord, except?: UserRecord): { usage: number; pending: number } {
    let usage = 0;
    let pending = 0;
    for (const user of account.users.values()) {
      if (user === except || user.type !== 2) continue;
      if (user.status === 'active') usage++;
      else if (user.status === 'pending') pending++;
    }
    return { usage, pending };
  }

  /** Whether one more licensed user fits in the base plan. */
  hasFreeLicence(account: AccountRecord, except?: UserRecord): boolean {
    const { usage, pending } = this.licences(account, except);
    return usage + pending < (account.plan?.hosts ?? 0);
  }

  subscribe(
    account: AccountRecord,
    type: ZoomPlanType,
    hosts: number,
    status: ZoomPlanStatus = 'active',
  ): void {
    const startedAt = this.now();
    account.plan = { type, hosts, status, startedAt, nextInvoiceAt: nextInvoice(type, startedAt) };
  }

  // --- controls -----------------------------------------------------------------------------------------------

  listAccounts(): ZoomSandboxAccount[] {
    return [...this.#accounts.values()].map(snapshotAccount);
  }

  getAccount(id: string): ZoomSandboxAccount | undefined {
    const account = this.#accounts.get(id);
    return account && snapshotAccount(account);
  }

  createAccount(input: ZoomSandboxAccountInput): ZoomSandboxAccount {
    const firstName = input.firstName ?? 'Sandbox';
    const lastName = input.lastName ?? 'Owner';
    return snapshotAccount(
      this.insertAccount({
        email: input.email,
        firstName,
        lastName,
        accountName: input.accountName ?? `${firstName} ${lastName}`,
        payMode: input.payMode ?? 'master',
        shareRc: false,
        shareMc: false,
        billingAutoRenew: false,
      }),
    );
  }

  setPlan(accountId: string, plan: ZoomSandboxPlanInput | undefined): ZoomSandboxAccount {
    const account = this.#require(accountId);
    if (plan) this.subscribe(account, plan.type, plan.hosts, plan.status);
    else account.plan = undefined;
    return snapshotAccount(account);
  }

  addUser(accountId: string, input: ZoomSandboxUserInput): ZoomSandboxUser {
    const user = this.insertUser(this.#require(accountId), {
      email: input.email,
      firstName: input.firstName ?? '',
      lastName: input.lastName ?? '',
      type: input.type ?? 1,
      status: input.status ?? 'active',
    });
    return snapshotUser(user);
  }

  #require(accountId: string): AccountRecord {
    const account = this.#accounts.get(accountId);
    if (!account) throw new Error(`No sandbox Zoom account ${accountId}`);
    return account;
  }
}

function snapshotUser(user: UserRecord): ZoomSandboxUser {
  const { id, email, firstName, lastName, type, status } = user;
  return { id, email, firstName, lastName, type, status };
}

function snapshotPlan(plan: PlanRecord): ZoomSandboxPlan {
  return {
    type: plan.type,
    hosts: plan.hosts,
    status: plan.status,
    serviceEffectiveDate: zoomDate(plan.startedAt),
    nextInvoiceDate: zoomDate(plan.nextInvoiceAt),
  };
}

function snapshotAccount(account: AccountRecord): ZoomSandboxAccount {
  return {
    id: account.id,
    accountName: account.accountName,
    ownerId: account.ownerId,
    ownerEmail: account.ownerEmail,
    createdAt: zoomTime(account.createdAt),
    accountNumber: account.accountNumber,
    payMode: account.payMode,
    shareRc: account.shareRc,
    shareMc: account.shareMc,
    billingAutoRenew: account.billingAutoRenew,
    associated: account.associated,
    plan: account.plan && snapshotPlan(account.plan),
    users: [...account.users.values()].map(snapshotUser),
  };
}
