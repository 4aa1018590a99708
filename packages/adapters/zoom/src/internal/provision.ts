import {
  computeBackoffDelay,
  ensureSameCustomer,
  isAmbiguousFailure,
  isChannelError,
  type OperationContext,
  PartiallyAppliedError,
  sleep,
} from '@channelkit/core';
import type { EnterpriseAccount, ProvisionAccountInput } from '@channelkit/types';
import type { z } from 'zod';
import { checkZoomAccountName } from './account-name';
import { billingContactOf } from './billing-contact';
import { isPlanConflict, planConflict } from './errors';
import { findAccountByOwnerEmail } from './lookup';
import { toEnterpriseAccount } from './mapping';
import { ZOOM_EMAIL_IN_USE } from './parse-zoom-error';
import { generatePassword } from './password';
import { readZoomAccount } from './read-account';
import {
  accountPath,
  exchange,
  exchangeParsed,
  sendParsed,
  siteOf,
  type ZoomAnswer,
  type ZoomScope,
} from './request';
import {
  type ZoomAccountDetails,
  type ZoomContact,
  type ZoomListedAccount,
  zoomCreatedAccountSchema,
  zoomPlansSchema,
} from './wire-schemas';

/** The account provisioning works on: its details, and its name when it was found in `GET /accounts`. */
type ProvisionedAccount = ZoomAccountDetails | ZoomListedAccount;

/** Creates sent for one provision, at most; each one follows a lookup that found nothing. */
const MAX_WRITE_ATTEMPTS = 3;
const WRITE_BACKOFF = { maxRetries: MAX_WRITE_ATTEMPTS, baseDelayMs: 500, maxDelayMs: 5_000 };
const OPERATION = 'accounts.provision';

type PlanBase = { type: string; hosts: number };

/** How provisioning came by its account: created now, found under the owner email, or left by an earlier attempt. */
type Origin = 'created' | 'found' | 'resumed';

function isCode(error: unknown, code: string): boolean {
  return isChannelError(error) && error.code === code;
}

function isEmailInUse(error: unknown): boolean {
  return (
    isCode(error, 'conflict') &&
    Number((error as { platformCode?: unknown }).platformCode) === ZOOM_EMAIL_IN_USE
  );
}

function sameEmail(left: string, right: string): boolean {
  return left.trim().toLowerCase() === right.trim().toLowerCase();
}

async function backoff(context: OperationContext, attempt: number): Promise<void> {
  await sleep(computeBackoffDelay(attempt, WRITE_BACKOFF), context.signal);
}

/**
 * The account an earlier attempt with the same idempotency key and input created before it stopped, when it is still
 * there and still owned by the admin; otherwise provisioning starts afresh (and finds it by owner email if needed).
 */
async function resumedAccount(
  input: ProvisionAccountInput,
  context: OperationContext,
): Promise<ZoomAccountDetails | undefined> {
  const accountId = context.resume?.resourceId;
  if (accountId === undefined) return undefined;
  try {
    const account = await readZoomAccount(accountId, OPERATION, context);
    if (sameEmail(account.owner_email, input.admin.email)) {
      context.logger.info('zoom: continuing with the sub-account an earlier attempt created', { accountId });
      return account;
    }
    context.logger.info(
      'zoom: the earlier attempt’s sub-account has another owner now; provisioning afresh',
      {
        accountId,
      },
    );
  } catch (error) {
    if (!isCode(error, 'not_found')) throw error;
    context.logger.info('zoom: the earlier attempt’s sub-account is gone; provisioning afresh', {
      accountId,
    });
  }
  return undefined;
}

/**
 * `POST /accounts` without blind retries: Zoom has no idempotency key, so after an ambiguous failure (timeout,
 * reset, 5xx) the owner email is looked up before anything is sent again. An account found that way, or through
 * Zoom's "email in use" (409, code 1005), is used only if it is this customer's (same name).
 */
async function createOrFindAccount(
  scope: ZoomScope,
  input: ProvisionAccountInput,
  context: OperationContext,
): Promise<{ account: ProvisionedAccount; origin: Origin }> {
  const { admin, profile } = input;
  const body = {
    first_name: admin.firstName,
    last_name: admin.lastName,
    email: admin.email,
    password: generatePassword(),
    account_name: profile.legalName,
    options: { pay_mode: 'master' },
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      // A malformed answer (no id...) is a ResponseValidationError: nothing is sent with a missing id.
      const created = await sendParsed(
        context,
        'light',
        { operation: OPERATION, method: 'POST', path: '/accounts', body, idempotent: false },
        zoomCreatedAccountSchema,
      );
      context.logger.info('zoom: created sub-account', { accountId: created.id, attempt });
      return { account: created, origin: 'created' };
    } catch (error) {
      const inUse = isEmailInUse(error);
      if (!inUse && !isAmbiguousFailure(error)) throw error;
      const existing = await findAccountByOwnerEmail(context, admin.email);
      if (existing) {
        ensureSameCustomer({
          platform: 'zoom',
          foundBy: 'admin.email',
          existing: { id: existing.id, name: existing.account_name },
          input,
          request: { method: 'POST', url: `${scope.baseUrl}/accounts` },
          requestId: (error as { requestId?: string }).requestId,
        });
        context.logger.info(
          inUse
            ? 'zoom: owner email already owns this customer’s sub-account; continuing with it'
            : 'zoom: ambiguous create resolved by lookup; the account exists',
          { accountId: existing.id, attempt },
        );
        return { account: existing, origin: 'found' };
      }
      if (inUse || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      context.logger.info('zoom: ambiguous create left no account; creating again', { attempt });
      await backoff(context, attempt);
    }
  }
}

/**
 * True when the account already has exactly the wanted base plan, false when it has none (Zoom answers an account
 * without plans with no `plan_base`, or with 404 on some platforms: the account was just created or found, so a 404
 * here means "no plan yet"). A different base plan is a conflict the caller settles with `licences.set`.
 */
async function hasBasePlan(
  scope: ZoomScope,
  accountId: string,
  wanted: PlanBase,
  context: OperationContext,
): Promise<boolean> {
  const path = accountPath(accountId, '/plans');
  let answer: ZoomAnswer<z.output<typeof zoomPlansSchema>>;
  try {
    answer = await exchangeParsed(
      context,
      'medium',
      { operation: OPERATION, method: 'GET', path },
      zoomPlansSchema,
    );
  } catch (error) {
    if (!isCode(error, 'not_found')) throw error;
    context.logger.info('zoom: plans of the sub-account not found; it has no plan yet', { accountId });
    return false;
  }
  const current = answer.data.plan_base;
  if (!current) return false;
  if (current.type === wanted.type && current.hosts === wanted.hosts) return true;
  throw planConflict(
    `Zoom sub-account ${accountId} already has base plan ${current.type} with ${current.hosts} seats, not ` +
      `${wanted.type} with ${wanted.hosts}. Use licences.set to change seats or plan.`,
    siteOf(scope, 'GET', path, answer),
  );
}

/** `POST /accounts/{id}/plans`, made idempotent by reading the plans before any second attempt. */
async function ensureBasePlan(
  scope: ZoomScope,
  accountId: string,
  body: { contact: ZoomContact; plan_base: PlanBase },
  checkFirst: boolean,
  context: OperationContext,
): Promise<void> {
  if (checkFirst && (await hasBasePlan(scope, accountId, body.plan_base, context))) {
    context.logger.info('zoom: base plan already in place', { accountId });
    return;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await exchange(context, 'heavy', {
        method: 'POST',
        path: accountPath(accountId, '/plans'),
        body,
        idempotent: false,
      });
      context.logger.info('zoom: subscribed base plan', { accountId, attempt });
      return;
    } catch (error) {
      const exists = isCode(error, 'conflict');
      if (!exists && !isAmbiguousFailure(error)) throw error;
      if (await hasBasePlan(scope, accountId, body.plan_base, context)) {
        context.logger.info('zoom: plan subscription resolved by lookup; the plan exists', {
          accountId,
          attempt,
        });
        return;
      }
      if (exists || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      context.logger.info('zoom: ambiguous plan subscription left no plan; subscribing again', {
        accountId,
        attempt,
      });
      await backoff(context, attempt);
    }
  }
}

function appliedStep(origin: Origin, accountId: string): string {
  switch (origin) {
    case 'created':
      return `created sub-account ${accountId}`;
    case 'found':
      return `sub-account ${accountId} of this customer exists (found by admin.email)`;
    case 'resumed':
      return `sub-account ${accountId} was created by an earlier attempt`;
  }
}

/**
 * Creates a master-paid sub-account and, when seats are asked for, subscribes its base plan. When the account exists
 * but its plan could not be subscribed, throws `PartiallyAppliedError` naming the account: repeating the call with
 * the same idempotency key continues with that account (`context.resume`) and creates no other.
 */
export async function provisionAccount(
  scope: ZoomScope,
  input: ProvisionAccountInput,
  context: OperationContext,
): Promise<EnterpriseAccount> {
  checkZoomAccountName(input);
  // Refused before any request: Zoom would refuse the plan only after the account exists.
  const contact = input.seats === undefined ? undefined : billingContactOf(input);
  const resumed = await resumedAccount(input, context);
  const { account, origin } = resumed
    ? { account: resumed, origin: 'resumed' as const }
    : await createOrFindAccount(scope, input, context);
  if (input.seats !== undefined && contact) {
    const planBase = { type: input.plan ?? scope.defaultPlan, hosts: input.seats };
    try {
      await ensureBasePlan(
        scope,
        account.id,
        { contact, plan_base: planBase },
        origin !== 'created',
        context,
      );
    } catch (error) {
      // A different plan on an existing account is a refusal, not a half-done step.
      if (isPlanConflict(error)) throw error;
      throw new PartiallyAppliedError({
        platform: 'zoom',
        operation: OPERATION,
        resourceId: account.id,
        applied: [appliedStep(origin, account.id)],
        remaining: [`subscribe base plan ${planBase.type} with ${planBase.hosts} seats`],
        advice:
          `Repeat the same call with the same idempotency key to finish it: it continues with sub-account ` +
          `${account.id} and creates no other. To change the input (e.g. a plan Zoom refused), use a new key: the ` +
          'account is found again by its owner email.',
        cause: error,
      });
    }
  }
  // An account created or resumed here carries the legal name given at its creation; GET /accounts/{id} names none.
  const name = 'account_name' in account ? account.account_name : input.profile.legalName;
  const result = toEnterpriseAccount({ ...account, account_name: name });
  result.owner = {
    email: account.owner_email,
    firstName: input.admin.firstName,
    lastName: input.admin.lastName,
  };
  // Zoom cannot store a caller's reference, so it is echoed, not persisted.
  if (input.externalId !== undefined) result.externalId = input.externalId;
  return result;
}
