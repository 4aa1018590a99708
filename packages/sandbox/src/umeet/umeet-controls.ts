/** OAuth client credentials of the partner the sandbox's Umeet serves. */
export interface UmeetSandboxCredentials {
  /** OAuth client id. */
  readonly clientId: string;
  /** OAuth client secret. */
  readonly clientSecret: string;
}

/**
 * An account's state on Umeet: `provisioning` while its creation runs, `pending_verification` while Systec verifies
 * the business licence, `active`, `suspended`, `terminated` (closed by the partner, final) or `rejected` (the business
 * licence failed verification or provisioning failed, final).
 */
export type UmeetAccountStatus =
  | 'provisioning'
  | 'pending_verification'
  | 'active'
  | 'suspended'
  | 'terminated'
  | 'rejected';

/** Who suspended an account: the partner through the API, or Systec (e.g. for non-payment). */
export type UmeetSuspender = 'partner' | 'systec';

/** The plans the sandbox's Umeet sells; all are flexible (pay as you go, monthly in arrears). */
export type UmeetPlan = 'standard' | 'business' | 'enterprise';

/** The flexible-seat licence of an account. */
export interface UmeetSandboxLicence {
  /** Plan code. */
  readonly plan: string;
  /** Seats bought; may move freely between `assigned` and `cap`. */
  readonly purchased: number;
  /** Seats held by users. */
  readonly assigned: number;
  /** The most seats the account may buy; only Systec changes it. */
  readonly cap: number;
  /** `cancelled` once the account is terminated. */
  readonly status: 'active' | 'cancelled';
  /** Version behind the licence's `ETag`; every change increments it. */
  readonly version: number;
}

/** An enterprise account of the sandbox's Umeet, as stored. */
export interface UmeetSandboxAccount {
  /** Account id, e.g. `acc_0k3j...`. */
  readonly id: string;
  /** Systec's enterprise number, shown in its console. */
  readonly enterpriseNumber: string;
  /** Legal name. */
  readonly name: string;
  /** Unified Social Credit Code. */
  readonly creditCode: string;
  /** Industry. */
  readonly industry: string;
  /** Employee-count band. */
  readonly employeeCount: string;
  /** The first administrator. */
  readonly admin: {
    /** Given name. */
    readonly firstName: string;
    /** Family name. */
    readonly lastName: string;
    /** E-mail address, unique on Umeet among live accounts. */
    readonly email: string;
    /** Mainland mobile number, E.164. */
    readonly mobile: string;
  };
  /** The partner's reference, when given. */
  readonly externalId: string | undefined;
  /** Lifecycle state (after any provisioning or verification that has come due). */
  readonly status: UmeetAccountStatus;
  /** Why it is suspended or rejected, when it is. */
  readonly statusReason: string | undefined;
  /** Who suspended it, when it is suspended. */
  readonly suspendedBy: UmeetSuspender | undefined;
  /** The licence. */
  readonly licence: UmeetSandboxLicence;
  /** Creation time, epoch milliseconds. */
  readonly createdAt: number;
}

/** Input of {@link UmeetSandboxControls.createAccount}. */
export interface UmeetSandboxAccountInput {
  /** Legal name. Default `测试企业有限公司 <n>`. */
  readonly name?: string;
  /** Admin e-mail (unique on Umeet). */
  readonly adminEmail: string;
  /** Unified Social Credit Code. Default `91310000MA1FL4B24G`. */
  readonly creditCode?: string;
  /** Lifecycle state. Default `active`. */
  readonly status?: UmeetAccountStatus;
  /** Plan. Default `business`. */
  readonly plan?: string;
  /** Seats bought. Default 0. */
  readonly purchased?: number;
  /** Seats assigned. Default 0. */
  readonly assigned?: number;
  /** Seat cap. Default the sandbox's `defaultSeatCap`. */
  readonly cap?: number;
  /** The partner's reference. */
  readonly externalId?: string;
}

/** A change of a licence made behind the API's back (by users, by Systec, or by another client of the partner). */
export interface UmeetLicenceEdit {
  /** New plan. */
  readonly plan?: string;
  /** New number of seats bought. */
  readonly purchased?: number;
  /** New number of seats held by users. */
  readonly assigned?: number;
  /** New seat cap (what Systec does when the partner's agreement changes). */
  readonly cap?: number;
}

/** A problem a provisioning operation ends with. */
export interface UmeetProvisioningFailure {
  /** Problem `code`. Default `provisioning_failed`. */
  readonly code?: string;
  /** Problem `detail`. */
  readonly detail: string;
}

/**
 * Test controls of the in-memory Umeet: seed and inspect state without the API, and stage what other parties do
 * (Systec verifying a business licence, users taking seats, another client changing a licence between a read and a
 * write). Controls skip the API's rules on purpose. Returned objects are snapshots.
 */
export interface UmeetSandboxControls {
  /** The OAuth credentials this Umeet accepts. */
  readonly credentials: UmeetSandboxCredentials;
  /** Every account, in creation order. */
  listAccounts(): UmeetSandboxAccount[];
  /** One account by id, or `undefined`. */
  getAccount(id: string): UmeetSandboxAccount | undefined;
  /** Creates an account directly, already provisioned (default `active`). */
  createAccount(input: UmeetSandboxAccountInput): UmeetSandboxAccount;
  /** Sets an account's state as Umeet would report it (for mapping tests); `suspendedBy` applies to `suspended`. */
  setStatus(
    id: string,
    status: UmeetAccountStatus,
    options?: { readonly reason?: string; readonly suspendedBy?: UmeetSuspender },
  ): UmeetSandboxAccount;
  /** Finishes the provisioning of an account now, whatever its delay. */
  finishProvisioning(id: string): UmeetSandboxAccount;
  /** Systec accepts the business licence: `pending_verification` becomes `active`. */
  verify(id: string): UmeetSandboxAccount;
  /** Systec refuses the business licence: the account becomes `rejected`. */
  reject(id: string, reason: string): UmeetSandboxAccount;
  /** Users take `count` more seats (without the API's checks). */
  assignSeats(id: string, count: number): UmeetSandboxAccount;
  /** Changes a licence now, as another party would; its ETag changes. */
  editLicence(id: string, edit: UmeetLicenceEdit): UmeetSandboxAccount;
  /**
   * Changes a licence right after the next `GET` of it has been answered, as a concurrent writer would between a
   * client's read and its write. Each call queues one change.
   */
  editLicenceAfterNextRead(id: string, edit: UmeetLicenceEdit): void;
  /** The next `POST /accounts` starts an operation that ends `failed` with this problem (the account `rejected`). */
  failNextProvisioning(failure: UmeetProvisioningFailure): void;
  /** Marks an admin e-mail as used by an account of another partner: creating with it answers 409. */
  reserveAdminEmail(email: string): void;
  /** Issues an access token as the token endpoint would, for calling the API directly. */
  issueToken(): string;
  /** Expires every access token issued so far. */
  expireTokens(): void;
}
