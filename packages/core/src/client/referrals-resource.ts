import {
  canTransitionReferral,
  isFinalReferralStatus,
  type ListReferralsQuery,
  listReferralsQuerySchema,
  REFERRAL_ACTIONS,
  type Referral,
  type ReferralAction,
  type ReferralInput,
  type ReferralPatch,
  type ReferralStatus,
  type ReferralTransitionInput,
  referralInputSchema,
  referralPatchSchema,
  referralSchema,
  referralTransitionInputSchema,
} from '@channelkit/types';
import { ReferralTransitionError } from '../errors/referral-transition-error';
import { type Paginator, paginatorOf } from '../pagination/paginator';
import type { OperationContext, PartnerAdapter, ReferralsPort } from '../port/adapter-port';
import { referralIdSchema } from './account-id';
import type { RequestOptions } from './client-options';
import { enforceReferralMarket } from './customer-policy-check';
import type { OperationRunner } from './operation-runner';

/**
 * Referrals on one platform: `client.referrals`. Outbound referrals are deals you register with the platform
 * (`submit`); inbound ones are leads it hands you. Every lifecycle call (`accept`, `decline`, `markWon`, `markLost`,
 * `cancel`, `resubmit`) reads the referral's current state first and is refused with `ReferralTransitionError`, before
 * any write, when `REFERRAL_TRANSITIONS` does not allow the move; a referral already in the target state is returned
 * as it is, without a write. Operations the platform lacks throw `UnsupportedOperationError` (see
 * `client.capabilities.referrals`).
 */
export interface ReferralsResource {
  /**
   * Submits a referral: registers a deal with the platform. Input is validated before anything is sent, including the
   * customer's country against the platform's market (`customerPolicy`: a mainland-Chinese customer is refused on Zoom).
   * Repeating the call with the same `idempotencyKey` returns the same referral, never a second one. Emits
   * `referral.submitted`.
   * @example
   * const referral = await client.referrals.submit(input, { idempotencyKey: 'crm-deal-981-submit' });
   */
  submit(input: ReferralInput, options?: RequestOptions): Promise<Referral>;
  /** Reads one referral by its platform-scoped id, with its contacts and products. */
  get(referralId: string, options?: Omit<RequestOptions, 'idempotencyKey'>): Promise<Referral>;
  /**
   * Iterates over referrals page by page, in constant memory. Listed referrals may carry no contacts or products;
   * `get` reads them in full.
   * @example
   * for await (const referral of client.referrals.list({ status: 'accepted' })) console.log(referral.name);
   */
  list(query?: ListReferralsQuery, options?: Omit<RequestOptions, 'idempotencyKey'>): Paginator<Referral>;
  /**
   * Changes an open referral's details (at least one field). A referral in a final state (`won`, `lost`, `declined`,
   * `expired`, `cancelled`) is refused with `ReferralTransitionError` before any write. Emits `referral.updated`.
   */
  update(referralId: string, patch: ReferralPatch, options?: RequestOptions): Promise<Referral>;
  /** Accepts an inbound lead: moves it to `accepted`. Emits `referral.updated`. */
  accept(referralId: string, input?: ReferralTransitionInput, options?: RequestOptions): Promise<Referral>;
  /** Declines an inbound lead: moves it to `declined`, with your `reason`. Emits `referral.updated`. */
  decline(referralId: string, input?: ReferralTransitionInput, options?: RequestOptions): Promise<Referral>;
  /** Reports an accepted deal as won: moves it to `won`. Emits `referral.updated`. */
  markWon(referralId: string, input?: ReferralTransitionInput, options?: RequestOptions): Promise<Referral>;
  /** Reports an accepted deal as lost: moves it to `lost`, with your `reason`. Emits `referral.updated`. */
  markLost(referralId: string, input?: ReferralTransitionInput, options?: RequestOptions): Promise<Referral>;
  /** Withdraws a referral: moves it to `cancelled`. Emits `referral.updated`. */
  cancel(referralId: string, input?: ReferralTransitionInput, options?: RequestOptions): Promise<Referral>;
  /**
   * Submits again a referral the platform returned for more information (`action_required`), with the changes it
   * asked for. The platform decides the new state; the referral returned says which. Emits `referral.updated`.
   * @example
   * await client.referrals.resubmit(referral.id, { notes: 'Decision maker met on 12 May' });
   */
  resubmit(referralId: string, patch?: ReferralPatch, options?: RequestOptions): Promise<Referral>;
}

type PlainAction = Exclude<ReferralAction, 'resubmit'>;

function hasFields(patch: ReferralPatch): boolean {
  return Object.values(patch).some((value) => value !== undefined);
}

/** Builds `client.referrals` over an adapter. */
export function createReferralsResource(adapter: PartnerAdapter, run: OperationRunner): ReferralsResource {
  const port: ReferralsPort | undefined = adapter.referrals;
  const capabilities = adapter.capabilities.referrals;

  /** The referral as the platform reports it now: the state every check is made against. */
  async function readCurrent(
    read: ReferralsPort['get'],
    id: string,
    operation: string,
    context: OperationContext,
  ): Promise<Referral> {
    const current = await read.call(port, id, context);
    return run.output(referralSchema, current, `${operation} (reading the referral's current state)`);
  }

  async function move(
    action: ReferralAction,
    referralId: string,
    input: ReferralTransitionInput | undefined,
    patch: ReferralPatch | undefined,
    options: RequestOptions | undefined,
  ): Promise<Referral> {
    const operation = `referrals.${action}`;
    const transition = run.require(port?.transition, capabilities[action], operation);
    const read = run.require(port?.get, true, operation);
    const id = run.argument(referralIdSchema, referralId, 'referralId', operation);
    const { reason } =
      input === undefined ? {} : run.input(referralTransitionInputSchema, input, `${action} input`);
    const changes = patch === undefined ? undefined : run.input(referralPatchSchema, patch, 'referral patch');
    const to = REFERRAL_ACTIONS[action];
    let previous: ReferralStatus | undefined;
    let changed = false;
    return run.write(
      {
        operation,
        input: { referralId: id, reason, patch: changes },
        output: referralSchema,
        resourceId: id,
      },
      options,
      async (context) => {
        const current = await readCurrent(read, id, operation, context);
        previous = current.status;
        if (current.status === to && (changes === undefined || !hasFields(changes))) {
          context.logger.info('referral already in the state asked for; nothing sent', {
            referralId: id,
            status: to,
          });
          return current;
        }
        if (!canTransitionReferral(current.status, to)) {
          throw new ReferralTransitionError({
            platform: adapter.partner,
            referralId: id,
            operation,
            from: current.status,
            to,
          });
        }
        changed = true;
        return transition.call(port, current, { action, to, reason, patch: changes }, context);
      },
      (referral, key) => {
        if (changed) run.emit('referral.updated', key, { referral, previousStatus: previous });
      },
    );
  }

  const plain =
    (action: PlainAction) =>
    (referralId: string, input?: ReferralTransitionInput, options?: RequestOptions) =>
      move(action, referralId, input, undefined, options);

  return {
    async submit(input, options) {
      const submit = run.require(port?.submit, capabilities.outbound, 'referrals.submit');
      const parsed: ReferralInput = run.input(referralInputSchema, input, 'referral input');
      enforceReferralMarket(parsed, adapter.customerPolicy, adapter.displayName ?? adapter.partner);
      return run.write(
        { operation: 'referrals.submit', input: parsed, output: referralSchema },
        options,
        (context) => submit.call(port, parsed, context),
        (referral, key) => run.emit('referral.submitted', key, { referral }),
      );
    },

    async get(referralId, options) {
      const read = run.require(port?.get, capabilities.get, 'referrals.get');
      const id = run.argument(referralIdSchema, referralId, 'referralId', 'referrals.get');
      const context = run.context(options);
      return run.output(referralSchema, await read.call(port, id, context), 'referrals.get');
    },

    list(query = {}, options) {
      const list = run.require(port?.list, capabilities.list, 'referrals.list');
      const parsed = run.input(listReferralsQuerySchema, query, 'referral list query');
      const context = run.context(options);
      const listed = list.call(port, parsed, context);
      // Each page is validated as it is read, so a malformed item fails where it is met, without buffering.
      return paginatorOf(async function* pages() {
        for await (const page of listed.pages()) {
          yield page.map((referral) => run.output(referralSchema, referral, 'referrals.list'));
        }
      });
    },

    async update(referralId, patch, options) {
      const operation = 'referrals.update';
      const update = run.require(port?.update, capabilities.update, operation);
      const read = run.require(port?.get, true, operation);
      const id = run.argument(referralIdSchema, referralId, 'referralId', operation);
      const changes = run.input(referralPatchSchema, patch, 'referral patch');
      if (!hasFields(changes)) {
        run.refuse('Invalid referral patch: give at least one field to change, e.g. { expectedCloseDate }', [
          { path: '', message: 'must change at least one field' },
        ]);
      }
      let previous: ReferralStatus | undefined;
      return run.write(
        { operation, input: { referralId: id, patch: changes }, output: referralSchema, resourceId: id },
        options,
        async (context) => {
          const current = await readCurrent(read, id, operation, context);
          previous = current.status;
          if (isFinalReferralStatus(current.status)) {
            throw new ReferralTransitionError({
              platform: adapter.partner,
              referralId: id,
              operation,
              from: current.status,
              to: undefined,
            });
          }
          return update.call(port, current, changes, context);
        },
        (referral, key) => run.emit('referral.updated', key, { referral, previousStatus: previous }),
      );
    },

    accept: plain('accept'),
    decline: plain('decline'),
    markWon: plain('markWon'),
    markLost: plain('markLost'),
    cancel: plain('cancel'),
    resubmit: (referralId, patch, options) => move('resubmit', referralId, undefined, patch ?? {}, options),
  };
}
