import type { ZoomCommerceSandboxControls } from '../zoom-commerce/commerce-controls';
/** Credentials of the sandbox's Zoom Server-to-Server OAuth app. */
export interface ZoomSandboxCredentials {
  /** Master account id, sent as `account_id`. */
  readonly accountId: string;
  /** OAuth app client id. */
  readonly clientId: string;
  /** OAuth app client secret. */
  readonly clientSecret: string;
}

/**
 * Zoom user licence type: `1` Basic (no paid licence), `2` Licensed (holds one of the base plan's licences), `4`
 * Unassigned without Meetings Basic (no meetings licence at all), `99` None (only through `ssoCreate`). Only type 2
 * uses a licence of the base plan.
 */
export type ZoomUserType = 1 | 2 | 4 | 99;

/** Zoom user status: `pending` users were invited (`action: 'create'`) and have not accepted yet. */
export type ZoomUserStatus = 'active' | 'pending' | 'inactive';

/** Base plan types the sandbox accepts. */
export type ZoomPlanType = 'monthly' | 'yearly' | 'business_monthly' | 'business_yearly' | 'trial';

/** Status of a base plan. */
export type ZoomPlanStatus = 'active' | 'cancelled' | 'expired';

/** A user of a sub-account, as stored by the sandbox. */
export interface ZoomSandboxUser {
  /** User id. */
  readonly id: string;
  /** Email address (unique per account, case-insensitive). */
  readonly email: string;
  /** First name, `''` when not given. */
  readonly firstName: string;
  /** Last name, `''` when not given. */
  readonly lastName: string;
  /** Licence type. */
  readonly type: ZoomUserType;
  /** Status. */
  readonly status: ZoomUserStatus;
}

/** The base plan of a sub-account. */
export interface ZoomSandboxPlan {
  /** Plan type. */
  readonly type: ZoomPlanType;
  /** Licences (seats) bought. */
  readonly hosts: number;
  /** Plan status. */
  readonly status: ZoomPlanStatus;
  /** Start of service, `YYYY-MM-DD` (UTC). */
  readonly serviceEffectiveDate: string;
  /** Next invoice date, `YYYY-MM-DD` (UTC): +1 month for monthly types, +1 year for yearly ones, +30 days for trial. */
  readonly nextInvoiceDate: string;
}

/** A sub-account of the sandbox's master account. */
export interface ZoomSandboxAccount {
  /** Account id. */
  readonly id: string;
  /** Account name (`first last` of the owner unless given). */
  readonly accountName: string;
  /** User id of the owner. */
  readonly ownerId: string;
  /** Email of the owner. */
  readonly ownerEmail: string;
  /** Creation time, ISO 8601 without milliseconds, e.g. `2026-01-02T03:04:05Z`. */
  readonly createdAt: string;
  /** Account number, sequential from 100000001. */
  readonly accountNumber: number;
  /** Who pays: the master (`master`) or the sub-account itself (`sub`); plans are only visible when `master`. */
  readonly payMode: 'master' | 'sub';
  /** Whether the master's cloud room connectors are shared. */
  readonly shareRc: boolean;
  /** Whether the master's meeting connectors are shared. */
  readonly shareMc: boolean;
  /** Whether billing renews automatically. */
  readonly billingAutoRenew: boolean;
  /** `false` once disassociated from the master with `DELETE /accounts/{id}`. */
  readonly associated: boolean;
  /** Base plan, when subscribed. */
  readonly plan: ZoomSandboxPlan | undefined;
  /** Users, in creation order (the owner first). */
  readonly users: readonly ZoomSandboxUser[];
}

/** Input of {@link ZoomSandboxControls.createAccount}. */
export interface ZoomSandboxAccountInput {
  /** Owner email. */
  readonly email: string;
  /** Owner first name. Default `Sandbox`. */
  readonly firstName?: string;
  /** Owner last name. Default `Owner`. */
  readonly lastName?: string;
  /** Account name. Default `first last`. */
  readonly accountName?: string;
  /** Who pays. Default `master`. */
  readonly payMode?: 'master' | 'sub';
}

/** Input of {@link ZoomSandboxControls.setPlan}. */
export interface ZoomSandboxPlanInput {
  /** Plan type. */
  readonly type: ZoomPlanType;
  /** Licences bought. */
  readonly hosts: number;
  /** Plan status. Default `active`. */
  readonly status?: ZoomPlanStatus;
}

/** Input of {@link ZoomSandboxControls.addUser}. */
export interface ZoomSandboxUserInput {
  /** Email. */
  readonly email: string;
  /** Licence type. Default 1. */
  readonly type?: ZoomUserType;
  /** Status. Default `active`. */
  readonly status?: ZoomUserStatus;
  /** First name. Default `''`. */
  readonly firstName?: string;
  /** Last name. Default `''`. */
  readonly lastName?: string;
}

/**
 * Test controls of the in-memory Zoom: inspect and seed state without going through the API. Controls skip
 * the API's validation and licence rules on purpose, so tests can build any state. Returned objects are snapshots.
 */
export interface ZoomSandboxControls {
  /** The partner's Commerce API: end customers, orders, subscriptions and deal registrations (`/commerce/...`). */
  readonly commerce: ZoomCommerceSandboxControls;
  /** The OAuth credentials this Zoom accepts. */
  readonly credentials: ZoomSandboxCredentials;
  /** Every sub-account ever created, in creation order, including disassociated ones. */
  listAccounts(): ZoomSandboxAccount[];
  /** One sub-account by id (also when disassociated), or `undefined`. */
  getAccount(id: string): ZoomSandboxAccount | undefined;
  /** Creates a sub-account with its owner user (type 1, active), as `POST /accounts` would. */
  createAccount(input: ZoomSandboxAccountInput): ZoomSandboxAccount;
  /** Sets, replaces or (with `undefined`) removes the base plan of an account, whatever its pay mode. */
  setPlan(accountId: string, plan: ZoomSandboxPlanInput | undefined): ZoomSandboxAccount;
  /** Adds a user to an account, bypassing the licence check. */
  addUser(accountId: string, user: ZoomSandboxUserInput): ZoomSandboxUser;
  /** Issues an access token as the OAuth endpoint would, for calling the API directly. */
  issueToken(): string;
  /** Expires every access token issued so far; calls with them answer 401 "Access token is expired.". */
  expireTokens(): void;
}
