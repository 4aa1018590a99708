import {
  AccountsEndpoints,
  AccountsS2SAuthClient,
  type AccountsS2SAuthOptions,
  type HttpReceiver,
} from '@zoom/rivet/accounts';
import type {
  ZoomAccountAnswer,
  ZoomAccountListAnswer,
  ZoomCreatedAccountAnswer,
  ZoomPlansAnswer,
  ZoomPlanUsageAnswer,
  ZoomSubscribedPlansAnswer,
} from '../../src/zoom/zoom-wire-types';

// Rivet's accounts module covers account settings, roles and metrics, but not the Master Account API (sub-accounts)
// nor the Billing API (plans), which the Zoom adapter relies on. This client adds them the way each Rivet module
// declares its endpoints, with Rivet's own `buildEndpoint`: the requests are made, authenticated and checked by
// Rivet's code, and each answer is typed with Zoom's documented shape (`src/zoom/zoom-wire-types.ts`).

/** Rivet's marker for an endpoint without path, body or query. */
type None = '_NO_PARAMS_';
type AccountPath = { accountId: string };

/** What a Rivet endpoint answers (Rivet's `BaseResponse`, which it does not export). */
export interface RivetAnswer<Data> {
  data?: Data | undefined;
  statusCode: number;
  trackingId?: string | undefined;
}

/** A Rivet endpoint taking `Args`, answering `Data`. */
export type RivetEndpoint<Args, Data> = (args: Args) => Promise<RivetAnswer<Data>>;

/** `POST /accounts`. */
export interface CreateSubAccountBody {
  first_name: string;
  last_name: string;
  email: string;
  password: string;
  account_name?: string;
  options?: {
    pay_mode?: 'master' | 'sub';
    share_rc?: boolean;
    share_mc?: boolean;
    billing_auto_renew?: boolean;
  };
}

/** `POST /accounts/{accountId}/plans`. */
export interface SubscribePlansBody {
  contact: {
    first_name: string;
    last_name: string;
    email: string;
    phone_number: string;
    address: string;
    apt?: string;
    city: string;
    state: string;
    zip: string;
    country: string;
  };
  plan_base: { type: string; hosts: number };
}

/** Paging of `GET /accounts`. */
export interface ListSubAccountsQuery {
  page_size?: number;
  next_page_token?: string;
  page_number?: number;
}

/** Rivet's accounts endpoints plus the Master Account and Billing endpoints it lacks. */
export class MasterAccountEndpoints extends AccountsEndpoints {
  /** Sub-accounts: Zoom's Master Account API. */
  readonly subAccounts: {
    createSubAccount: RivetEndpoint<{ body: CreateSubAccountBody }, ZoomCreatedAccountAnswer>;
    listSubAccounts: RivetEndpoint<{ query?: ListSubAccountsQuery }, ZoomAccountListAnswer>;
    getSubAccount: RivetEndpoint<{ path: AccountPath }, ZoomAccountAnswer>;
    disassociateSubAccount: RivetEndpoint<{ path: AccountPath }, unknown>;
  } = {
    createSubAccount: this.buildEndpoint<None, CreateSubAccountBody, None, ZoomCreatedAccountAnswer>({
      method: 'POST',
      urlPathBuilder: () => '/accounts',
    }),
    listSubAccounts: this.buildEndpoint<None, None, ListSubAccountsQuery, ZoomAccountListAnswer>({
      method: 'GET',
      urlPathBuilder: () => '/accounts',
    }),
    getSubAccount: this.buildEndpoint<AccountPath, None, None, ZoomAccountAnswer>({
      method: 'GET',
      urlPathBuilder: ({ accountId }) => `/accounts/${accountId}`,
    }),
    disassociateSubAccount: this.buildEndpoint<AccountPath, None, None, unknown>({
      method: 'DELETE',
      urlPathBuilder: ({ accountId }) => `/accounts/${accountId}`,
    }),
  };

  /** Plans and seats: Zoom's Billing API for master accounts. */
  readonly plans: {
    subscribePlans: RivetEndpoint<{ path: AccountPath; body: SubscribePlansBody }, ZoomSubscribedPlansAnswer>;
    getPlans: RivetEndpoint<{ path: AccountPath }, ZoomPlansAnswer>;
    updateBasePlan: RivetEndpoint<{ path: AccountPath; body: { type: string; hosts: number } }, unknown>;
    getPlanUsage: RivetEndpoint<{ path: AccountPath }, ZoomPlanUsageAnswer>;
  } = {
    subscribePlans: this.buildEndpoint<AccountPath, SubscribePlansBody, None, ZoomSubscribedPlansAnswer>({
      method: 'POST',
      urlPathBuilder: ({ accountId }) => `/accounts/${accountId}/plans`,
    }),
    getPlans: this.buildEndpoint<AccountPath, None, None, ZoomPlansAnswer>({
      method: 'GET',
      urlPathBuilder: ({ accountId }) => `/accounts/${accountId}/plans`,
    }),
    updateBasePlan: this.buildEndpoint<AccountPath, { type: string; hosts: number }, None, unknown>({
      method: 'PUT',
      urlPathBuilder: ({ accountId }) => `/accounts/${accountId}/plans/base`,
    }),
    getPlanUsage: this.buildEndpoint<AccountPath, None, None, ZoomPlanUsageAnswer>({
      method: 'GET',
      urlPathBuilder: ({ accountId }) => `/accounts/${accountId}/plans/usage`,
    }),
  };
}

/** Rivet's accounts S2S client options, with the `baseUrl` its endpoints honour. */
export type MasterAccountClientOptions = AccountsS2SAuthOptions<HttpReceiver> & { baseUrl: string };

/** Rivet's accounts S2S client whose endpoints are {@link MasterAccountEndpoints}. */
export class MasterAccountClient extends AccountsS2SAuthClient<HttpReceiver, MasterAccountClientOptions> {
  protected override initEndpoints(
    ...[auth, options]: Parameters<
      AccountsS2SAuthClient<HttpReceiver, MasterAccountClientOptions>['initEndpoints']
    >
  ): AccountsEndpoints {
    return new MasterAccountEndpoints({ auth, ...options });
  }

  /** The endpoints, with the Master Account and Billing groups. */
  get master(): MasterAccountEndpoints {
    if (!(this.endpoints instanceof MasterAccountEndpoints)) throw new Error('initEndpoints was not used.');
    return this.endpoints;
  }
}
