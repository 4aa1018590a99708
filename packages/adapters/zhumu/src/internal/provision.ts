import {
  computeBackoffDelay,
  ensureSameCustomer,
  isAmbiguousFailure,
  isChannelError,
  type OperationContext,
  sleep,
} from '@channelkit/core';
import type { EnterpriseAccount, ProvisionAccountInput } from '@channelkit/types';
import { enterpriseCreateForm } from './enterprise-form';
import { conflict } from './errors';
import { readLicence } from './licences';
import { findByAdminEmail, findHolderOfCreditCode } from './lookup';
import { toEnterpriseAccount } from './mapping';
import { ZHUMU_CREDIT_CODE_REGISTERED, ZHUMU_USER_EXISTS } from './parse-zhumu-error';
import { callParsed, type ZhumuCall, type ZhumuScope } from './request';
import { type ZhumuEnterprise, zhumuEnterpriseSchema } from './wire-schemas';

/** Creates sent for one provision, at most; each one after the first follows a lookup that found nothing. */
const MAX_WRITE_ATTEMPTS = 3;
const WRITE_BACKOFF = { maxRetries: MAX_WRITE_ATTEMPTS, baseDelayMs: 500, maxDelayMs: 5_000 };
const OPERATION = 'accounts.provision';
const LOOKUP = 'accounts.provision credit-code lookup';

function platformCode(error: unknown): number | undefined {
  if (!isChannelError(error)) return undefined;
  const code = Number((error as { platformCode?: unknown }).platformCode);
  return Number.isInteger(code) ? code : undefined;
}

function requestIdOf(error: unknown): string | undefined {
  const id = (error as { requestId?: unknown }).requestId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * An enterprise found under the input's credit code is this customer's only when its name (and, where both have
 * one, its `external_id`) matches: `ensureSameCustomer`. When the input asks for seats, the licence must be the one
 * asked for too; a different one is a conflict to settle with `licences.set`, never silently kept or changed.
 */
async function adopt(
  scope: ZhumuScope,
  found: ZhumuEnterprise,
  input: ProvisionAccountInput,
  plan: string,
  context: OperationContext,
  requestId: string | undefined,
): Promise<void> {
  const url = `${scope.apiUrl}/enterprise/create`;
  ensureSameCustomer({
    platform: 'zhumu',
    foundBy: 'profile.creditCode',
    existing: { id: found.id, name: found.name, externalId: found.external_id ?? undefined },
    input,
    request: { method: 'POST', url },
    requestId,
  });
  if (input.seats === undefined) return;
  const licence = await readLicence(found.id, OPERATION, context);
  if (licence.data.seats === input.seats && licence.data.plan === plan) return;
  throw conflict(
    `Zhumu enterprise ${found.id} of this customer (credit code ${found.credit_code}) already exists with ` +
      `${licence.data.seats} seats on plan ${licence.data.plan}, not ${input.seats} on ${plan}. It was not ` +
      `changed: use licences.set('${found.id}', { seats: ${input.seats} }) to change its seats.`,
    { url: `${scope.apiUrl}/enterprise/licence/get`, requestId: licence.requestId },
    'seats',
  );
}

/** Explains a 1005 (the administrator e-mail is already a Zhumu user) that no lookup could resolve. */
async function adminEmailTaken(
  scope: ZhumuScope,
  input: ProvisionAccountInput,
  context: OperationContext,
  requestId: string | undefined,
): Promise<Error> {
  const other = await findByAdminEmail(context, input.admin.email, 'accounts.provision admin lookup');
  const where = other
    ? `administers Zhumu enterprise ${other.id} (credit code ${other.credit_code}), another company`
    : 'is already a Zhumu user outside your enterprises';
  return conflict(
    `zhumu: admin.email ${input.admin.email} ${where}; a Zhumu user belongs to one enterprise. Provision this ` +
      'customer with another administrator e-mail.',
    { url: `${scope.apiUrl}/enterprise/create`, requestId },
    'admin.email',
  );
}

/**
 * `enterprise/create` without blind retries: Zhumu has no idempotency key, and creates the enterprise and its licence
 * in one call, so provisioning is one write. After an ambiguous failure (timeout, reset, 5xx), or when Zhumu says the
 * credit code is registered (2002) or the administrator is a user already (1005), the enterprise is looked up by its
 * Unified Social Credit Code before anything is sent again; one found is used only when it is this customer's.
 */
export async function provisionEnterprise(
  scope: ZhumuScope,
  input: ProvisionAccountInput,
  context: OperationContext,
): Promise<EnterpriseAccount> {
  const fields = enterpriseCreateForm(input, scope.defaultPlan);
  const plan = String(fields.plan);
  const creditCode = String(fields.credit_code);
  const call: ZhumuCall = {
    operation: OPERATION,
    endpoint: '/enterprise/create',
    category: 'write',
    fields,
    idempotent: false,
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { data } = await callParsed(context, call, zhumuEnterpriseSchema);
      context.logger.info('zhumu: created enterprise', { accountId: data.id, attempt });
      return toEnterpriseAccount(data);
    } catch (error) {
      const code = platformCode(error);
      const taken = code === ZHUMU_CREDIT_CODE_REGISTERED || code === ZHUMU_USER_EXISTS;
      if (!taken && !isAmbiguousFailure(error)) throw error;
      const found = await findHolderOfCreditCode(context, creditCode, LOOKUP);
      if (found) {
        await adopt(scope, found, input, plan, context, requestIdOf(error));
        context.logger.info(
          taken
            ? 'zhumu: the credit code already holds this customer’s enterprise; continuing with it'
            : 'zhumu: ambiguous create resolved by lookup; the enterprise exists',
          { accountId: found.id, attempt },
        );
        return toEnterpriseAccount(found);
      }
      if (code === ZHUMU_USER_EXISTS) throw await adminEmailTaken(scope, input, context, requestIdOf(error));
      // 2002 without a holder: the holder was cancelled in between, so the code is free again; create once more.
      if (attempt >= MAX_WRITE_ATTEMPTS) throw error;
      context.logger.info('zhumu: create left no enterprise under the credit code; creating again', {
        attempt,
      });
      await sleep(computeBackoffDelay(attempt, WRITE_BACKOFF), context.signal);
    }
  }
}
