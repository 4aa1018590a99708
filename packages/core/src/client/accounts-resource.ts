import {
  type EnterpriseAccount,
  enterpriseAccountSchema,
  type ListAccountsQuery,
  listAccountsQuerySchema,
  type ProvisionAccountInput,
  provisionAccountInputSchema,
} from '@channelkit/types';
import { type Paginator, paginatorOf } from '../pagination/paginator';
import type { PartnerAdapter } from '../port/adapter-port';
import { accountIdSchema } from './account-id';
import type { RequestOptions } from './client-options';
import { enforceCustomerPolicy } from './customer-policy-check';
import type { OperationRunner } from './operation-runner';

/** Enterprise customer accounts on one platform: `client.accounts`. */
export interface AccountsResource {
  /**
   * Creates an enterprise customer account, with its first licences when `seats` is given. Input is validated before
   * anything is sent. Repeating the call with the same `idempotencyKey` returns the same account, never a second one.
   * @example
   * const account = await client.accounts.provision(
   *   { profile, admin, seats: 25 },
   *   { idempotencyKey: 'crm-4711-provision' },
   * );
   */
  provision(input: ProvisionAccountInput, options?: RequestOptions): Promise<EnterpriseAccount>;
  /** Reads one account by its platform-scoped id. */
  get(accountId: string, options?: RequestOptions): Promise<EnterpriseAccount>;
  /**
   * Iterates over accounts page by page, in constant memory.
   * @example
   * for await (const account of client.accounts.list({ status: 'active' })) console.log(account.name);
   */
  list(
    query?: ListAccountsQuery,
    options?: Omit<RequestOptions, 'idempotencyKey'>,
  ): Paginator<EnterpriseAccount>;
  /** Suspends an account; throws `UnsupportedOperationError` where the platform cannot (see `client.capabilities`). */
  suspend(accountId: string, options?: RequestOptions): Promise<EnterpriseAccount>;
  /** Lifts a suspension; throws `UnsupportedOperationError` where the platform cannot. */
  resume(accountId: string, options?: RequestOptions): Promise<EnterpriseAccount>;
  /** Ends the relationship with an account (what that means per platform is in its guide). */
  close(accountId: string, options?: RequestOptions): Promise<EnterpriseAccount>;
}

type StatusChange = 'suspend' | 'resume' | 'close';

const statusChangeEvents = {
  suspend: 'account.suspended',
  resume: 'account.activated',
  close: 'account.closed',
} as const;

/** Builds `client.accounts` over an adapter. */
export function createAccountsResource(adapter: PartnerAdapter, run: OperationRunner): AccountsResource {
  const { accounts } = adapter;
  const { capabilities } = adapter;

  async function changeStatus(change: StatusChange, accountId: string, options?: RequestOptions) {
    const operation = `accounts.${change}`;
    const method = run.require(accounts[change], capabilities.accounts[change], operation);
    const id = run.argument(accountIdSchema, accountId, 'accountId', operation);
    return run.write(
      { operation, input: { accountId: id }, output: enterpriseAccountSchema, resourceId: id },
      options,
      (context) => method.call(accounts, id, context),
      (account, key) => run.emit(statusChangeEvents[change], key, { account }),
    );
  }

  return {
    async provision(input, options) {
      run.require(accounts.provision, capabilities.accounts.provision, 'accounts.provision');
      const parsed: ProvisionAccountInput = run.input(provisionAccountInputSchema, input, 'provision input');
      enforceCustomerPolicy(parsed, adapter.customerPolicy, adapter.displayName ?? adapter.partner);
      return run.write(
        { operation: 'accounts.provision', input: parsed, output: enterpriseAccountSchema },
        options,
        (context) => accounts.provision(parsed, context),
        (account, key) => run.emit('account.provisioned', key, { account }),
      );
    },

    async get(accountId, options) {
      const id = run.argument(accountIdSchema, accountId, 'accountId', 'accounts.get');
      const context = run.context(options);
      return run.output(enterpriseAccountSchema, await accounts.get(id, context), 'accounts.get');
    },

    list(query = {}, options) {
      run.require(accounts.list, capabilities.accounts.list, 'accounts.list');
      const parsed = run.input(listAccountsQuerySchema, query, 'list query');
      const context = run.context(options);
      const listed = accounts.list(parsed, context);
      // Each page is validated as it is read, so a malformed item fails where it is met, without buffering.
      return paginatorOf(async function* pages() {
        for await (const page of listed.pages()) {
          yield page.map((account) => run.output(enterpriseAccountSchema, account, 'accounts.list'));
        }
      });
    },

    suspend: (accountId, options) => changeStatus('suspend', accountId, options),
    resume: (accountId, options) => changeStatus('resume', accountId, options),
    close: (accountId, options) => changeStatus('close', accountId, options),
  };
}
