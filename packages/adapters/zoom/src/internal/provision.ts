import {
  computeBackoffDelay,
  isAmbiguousFailure,
  isChannelError,
  type OperationContext,
  sleep,
} from '@channelkit/core';
import type { EnterpriseAccount, ProvisionAccountInput } from '@channelkit/types';
import { checkCustomerForZoom } from './customer-rules';
import { invalidField, planConflict } from './errors';
import { findAccountByOwnerEmail } from './lookup';
import { toEnterpriseAccount } from './mapping';
import { ZOOM_EMAIL_IN_USE } from './parse-zoom-error';
import { generatePassword } from './password';
import { accountPath, exchange, send, siteOf, type ZoomScope } from './request';
import type { ZoomAccount, ZoomContact, ZoomCreatedAccount, ZoomPlans } from './wire-types';

/** Zoom's limit on `account_name`. */
const ACCOUNT_NAME_MAX = 64;
/** Creates sent for one provision, at most; each one follows a lookup that found nothing. */
const MAX_WRITE_ATTEMPTS = 3;
const WRITE_BACKOFF = { maxRetries: MAX_WRITE_ATTEMPTS, baseDelayMs: 500, maxDelayMs: 5_000 };

type PlanBase = { type: string; hosts: number };

function isConflict(error: unknown): boolean {
  return isChannelError(error) && error.code === 'conflict';
}

function isEmailInUse(error: unknown): boolean {
  return (
    isConflict(error) && Number((error as { platformCode?: unknown }).platformCode) === ZOOM_EMAIL_IN_USE
  );
}

async function backoff(context: OperationContext, attempt: number): Promise<void> {
  await sleep(computeBackoffDelay(attempt, WRITE_BACKOFF), context.signal);
}

/**
 * `POST /accounts` without blind retries: Zoom has no idempotency key, so after an ambiguous failure (timeout,
 * reset, 5xx) the owner email is looked up before anything is sent again.
 */
async function createOrFindAccount(
  input: ProvisionAccountInput,
  context: OperationContext,
): Promise<{ account: ZoomAccount; created: boolean }> {
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
      const created = await send<ZoomCreatedAccount>(context, 'light', {
        method: 'POST',
        path: '/accounts',
        body,
        idempotent: false,
      });
      context.logger.info('zoom: created sub-account', { accountId: created.id, attempt });
      return { account: { ...created, account_name: profile.legalName }, created: true };
    } catch (error) {
      const inUse = isEmailInUse(error);
      if (!inUse && !isAmbiguousFailure(error)) throw error;
      const existing = await findAccountByOwnerEmail(context, admin.email);
      if (existing) {
        context.logger.info(
          inUse
            ? 'zoom: owner email already owns a sub-account; continuing with it'
            : 'zoom: ambiguous create resolved by lookup; the account exists',
          { accountId: existing.id, attempt },
        );
        return { account: existing, created: false };
      }
      if (inUse || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      context.logger.info('zoom: ambiguous create left no account; creating again', { attempt });
      await backoff(context, attempt);
    }
  }
}

/**
 * True when the account already has exactly the wanted base plan, false when it has none; a different base plan is
 * a conflict the caller must settle with `licences.set`.
 */
async function hasBasePlan(
  scope: ZoomScope,
  accountId: string,
  wanted: PlanBase,
  context: OperationContext,
): Promise<boolean> {
  const path = accountPath(accountId, '/plans');
  const response = await exchange<ZoomPlans>(context, 'medium', { method: 'GET', path });
  const current = response.data.plan_base;
  if (!current) return false;
  if (current.type === wanted.type && current.hosts === wanted.hosts) return true;
  throw planConflict(
    `Zoom sub-account ${accountId} already has base plan ${current.type} with ${current.hosts} seats, not ` +
      `${wanted.type} with ${wanted.hosts}. Use licences.set to change seats or plan.`,
    siteOf(scope, 'GET', path, response),
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
      await send(context, 'heavy', {
        method: 'POST',
        path: accountPath(accountId, '/plans'),
        body,
        idempotent: false,
      });
      context.logger.info('zoom: subscribed base plan', { accountId, attempt });
      return;
    } catch (error) {
      const exists = isConflict(error);
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

function contactOf(input: ProvisionAccountInput): ZoomContact {
  const { admin, profile } = input;
  const address = profile.address;
  const contact: ZoomContact = {
    first_name: admin.firstName,
    last_name: admin.lastName,
    email: admin.email,
    phone_number: admin.mobile,
    country: address?.country ?? profile.country,
  };
  if (address) {
    contact.address = address.line2 ? `${address.line1}, ${address.line2}` : address.line1;
    contact.city = address.city;
    if (address.region) contact.state = address.region;
    if (address.postalCode) contact.zip = address.postalCode;
  }
  return contact;
}

/** Creates a master-paid sub-account and, when seats are asked for, subscribes its base plan. */
export async function provisionAccount(
  scope: ZoomScope,
  input: ProvisionAccountInput,
  context: OperationContext,
): Promise<EnterpriseAccount> {
  checkCustomerForZoom(input);
  const nameLength = [...input.profile.legalName].length;
  if (nameLength > ACCOUNT_NAME_MAX) {
    throw invalidField(
      'profile.legalName',
      `Zoom account names are at most ${ACCOUNT_NAME_MAX} characters; this one has ${nameLength}. Shorten it.`,
    );
  }
  const { account, created } = await createOrFindAccount(input, context);
  if (input.seats !== undefined) {
    const planBase = { type: input.plan ?? scope.defaultPlan, hosts: input.seats };
    await ensureBasePlan(
      scope,
      account.id,
      { contact: contactOf(input), plan_base: planBase },
      !created,
      context,
    );
  }
  const result = toEnterpriseAccount(account);
  result.name = account.account_name ?? input.profile.legalName;
  result.owner = {
    email: account.owner_email,
    firstName: input.admin.firstName,
    lastName: input.admin.lastName,
  };
  // Zoom cannot store a caller's reference, so it is echoed, not persisted.
  if (input.externalId !== undefined) result.externalId = input.externalId;
  return result;
}
