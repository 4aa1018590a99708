/** The application credentials the in-memory Bizconf accepts. */
export interface BizconfSandboxCredentials {
  /** Application id, sent in `X-Bizconf-App-Id`. */
  readonly appId: string;
  /** Application secret, the HMAC-SHA256 key of request signatures. */
  readonly appSecret: string;
}

/** Options of {@link bizconfSandboxPlatform}. */
export interface BizconfSandboxOptions {
  /** Overrides of the accepted application. Default `BIZCONF_SANDBOX_CREDENTIALS`. */
  readonly credentials?: Partial<BizconfSandboxCredentials>;
  /**
   * How long a provisioning task runs, in milliseconds of the sandbox clock, before it finishes. Default 1000; 0
   * finishes it at once (the create then answers a finished task).
   */
  readonly provisioningDelayMs?: number;
  /**
   * Whether new enterprises go through Bizconf's manual qualification review: `'automatic'` (default) makes them
   * `NORMAL` (正常) as their task finishes, `'manual'` leaves them `REVIEWING` (审核中) until `approve` or `reject`.
   */
  readonly review?: 'automatic' | 'manual';
  /** How far a request's timestamp may be from the sandbox clock, in milliseconds. Default 300000 (5 minutes). */
  readonly clockSkewMs?: number;
}

/** An enterprise's state on Bizconf: 审核中, 正常, 冻结, 注销, 审核驳回. */
export type BizconfEnterpriseStatus = 'REVIEWING' | 'NORMAL' | 'FROZEN' | 'CANCELLED' | 'REJECTED';

/** A provisioning task's state: 处理中, 成功, 失败. */
export type BizconfTaskStatus = 'PROCESSING' | 'SUCCESS' | 'FAILED';

/** The plans of the Bizconf contract v1. */
export type BizconfPlanCode = 'STANDARD' | 'PREMIUM';

/** An enterprise's administrator, as Bizconf stores it. */
export interface BizconfSandboxAdmin {
  /** Family name (姓). */
  readonly familyName: string;
  /** Given name (名). */
  readonly givenName: string;
  /** E-mail address. */
  readonly email: string;
  /** Mainland mobile number, 11 digits without `+86`. */
  readonly mobile: string;
  /** Job title, when given. */
  readonly jobTitle: string | undefined;
}

/** An enterprise's annual licence. */
export interface BizconfSandboxLicence {
  /** Plan code. */
  readonly planCode: BizconfPlanCode;
  /** Seats of the current term. */
  readonly seats: number;
  /** Seats held by users. */
  readonly usedSeats: number;
  /** Seats of the next term, when a decrease is scheduled for the renewal. */
  readonly renewalSeats: number | undefined;
  /** First day of the term, `yyyy-MM-dd` (Beijing date). */
  readonly termStart: string;
  /** Last day of the term, `yyyy-MM-dd`. */
  readonly termEnd: string;
  /** Whether the term renews by itself on the day after `termEnd`. */
  readonly autoRenew: boolean;
  /** `EXPIRED` once a term without auto-renewal has ended. */
  readonly status: 'ACTIVE' | 'EXPIRED';
}

/** An enterprise account, as the in-memory Bizconf stores it. */
export interface BizconfSandboxEnterprise {
  /** Enterprise id. */
  readonly enterpriseId: string;
  /** Legal name. */
  readonly enterpriseName: string;
  /** Unified Social Credit Code. */
  readonly creditCode: string;
  /** State. */
  readonly status: BizconfEnterpriseStatus;
  /** Industry. */
  readonly industry: string;
  /** Employee-count band, e.g. `51-250`. */
  readonly scale: string;
  /** Web site, when given. */
  readonly website: string | undefined;
  /** The caller's reference, when given. */
  readonly externalId: string | undefined;
  /** Administrator. */
  readonly admin: BizconfSandboxAdmin;
  /** Why a review was rejected, for `REJECTED`. */
  readonly rejectReason: string | undefined;
  /** Creation time, epoch milliseconds of the sandbox clock. */
  readonly createdAt: number;
  /** The annual licence. */
  readonly licence: BizconfSandboxLicence;
}

/** A provisioning task. */
export interface BizconfSandboxTask {
  /** Task id. */
  readonly taskId: string;
  /** The caller's request number. */
  readonly bizNo: string;
  /** State, as of the sandbox clock. */
  readonly status: BizconfTaskStatus;
  /** The enterprise created, once `SUCCESS`. */
  readonly enterpriseId: string | undefined;
  /** Why it failed, once `FAILED`. */
  readonly failCode: string | undefined;
  /** The failure in words (Chinese, as Bizconf writes it), once `FAILED`. */
  readonly failReason: string | undefined;
}

/** Input of {@link BizconfSandboxControls.createEnterprise}. */
export interface BizconfSandboxEnterpriseInput {
  /** Legal name. */
  readonly enterpriseName: string;
  /** Unified Social Credit Code. */
  readonly creditCode: string;
  /** State. Default `NORMAL`. */
  readonly status?: BizconfEnterpriseStatus;
  /** Administrator's e-mail. Default `admin@sandbox.example.cn`. */
  readonly adminEmail?: string;
  /** Seats. Default 1. */
  readonly seats?: number;
  /** Plan. Default `STANDARD`. */
  readonly planCode?: BizconfPlanCode;
  /** The caller's reference. */
  readonly externalId?: string;
}

/**
 * Test controls of the in-memory Bizconf: seed and inspect state without the API, move terms, hold or reject
 * reviews, make provisioning fail. Controls skip the API's checks on purpose, so tests can build any state. Returned
 * objects are snapshots.
 */
export interface BizconfSandboxControls {
  /** The application this Bizconf accepts. */
  readonly credentials: BizconfSandboxCredentials;
  /** Every enterprise, in creation order, cancelled and rejected ones included. */
  listEnterprises(): BizconfSandboxEnterprise[];
  /** One enterprise by id, or `undefined`. */
  getEnterprise(enterpriseId: string): BizconfSandboxEnterprise | undefined;
  /** Every provisioning task, in creation order, as of the sandbox clock. */
  listTasks(): BizconfSandboxTask[];
  /** Creates an enterprise at once, with a one-year licence starting today (Beijing date). */
  createEnterprise(input: BizconfSandboxEnterpriseInput): BizconfSandboxEnterprise;
  /** Sets the seats held by users to `count`, as the enterprise's users would by signing in. */
  assignSeats(enterpriseId: string, count: number): void;
  /** Sets the licence term (dates `yyyy-MM-dd`), e.g. to bring its renewal window near. */
  setTerm(enterpriseId: string, term: { start: string; end: string }): void;
  /** Switches the licence's automatic renewal. */
  setAutoRenew(enterpriseId: string, autoRenew: boolean): void;
  /** Sets an enterprise's state directly. */
  setStatus(enterpriseId: string, status: BizconfEnterpriseStatus): void;
  /** Passes the qualification review of a `REVIEWING` enterprise: it becomes `NORMAL`. */
  approve(enterpriseId: string): void;
  /** Rejects the qualification review of a `REVIEWING` enterprise: it becomes `REJECTED`. */
  reject(enterpriseId: string, reason: string): void;
  /** Makes every provisioning task for this credit code fail when it finishes, with this code and reason. */
  failProvisioning(creditCode: string, failCode: string, failReason: string): void;
}
