import {
  ChannelError,
  ConflictError,
  createApiError,
  ensureSameCustomer,
  isChannelError,
  type OperationContext,
  PartiallyAppliedError,
  parseRetryAfter,
  ResponseValidationError,
  type TransportResponse,
} from '@channelkit/core';
import type { EnterpriseAccount, ProvisionAccountInput } from '@channelkit/types';
import { followOperation } from './follow-operation';
import { checkUmeetLimits } from './input-limits';
import { readLicence } from './licence-read';
import { findLiveAccountByAdminEmail } from './list-accounts';
import { toEnterpriseAccount } from './mapping';
import { readProblem, UMEET_PROBLEMS } from './parse-problem';
import { readUmeetAccount } from './read-account';
import { exchange, hasProblemCode, idempotencyHeaderKey, isCode, parseAnswer } from './request';
import type { UmeetScope } from './scope';
import { checkStatusUrl } from './status-url';
import { type UmeetAccount, type UmeetOperation, umeetOperationSchema } from './wire-schemas';

const OPERATION = 'accounts.provision';

/** The `POST /accounts` body of contract v1. */
export function provisionBody(input: ProvisionAccountInput, defaultPlan: string) {
  const { profile, admin } = input;
  const address = profile.address;
  return {
    name: profile.legalName,
    credit_code: profile.creditCode,
    country: profile.country,
    industry: profile.industry,
    employee_count: profile.employeeCount,
    website: profile.website,
    address: address && {
      line1: address.line1,
      line2: address.line2,
      city: address.city,
      region: address.region,
      postal_code: address.postalCode,
      country: address.country,
    },
    admin: {
      first_name: admin.firstName,
      last_name: admin.lastName,
      email: admin.email,
      mobile: admin.mobile,
      job_title: admin.jobTitle,
    },
    external_id: input.externalId,
    // Umeet bills in renminbi only; the client has refused any other currency already.
    currency: input.currency ?? 'CNY',
    licence: { plan: input.plan ?? defaultPlan, seats: input.seats ?? 0 },
  };
}

function stoppedHalfway(
  scope: UmeetScope,
  accountId: string,
  applied: string[],
  remaining: string,
  cause: unknown,
): PartiallyAppliedError {
  const id = scope.redactor.string(accountId);
  return new PartiallyAppliedError({
    platform: 'umeet',
    operation: OPERATION,
    resourceId: id,
    applied,
    remaining: [remaining],
    advice:
      `Umeet goes on with the account by itself: read it later with accounts.get('${id}'), or repeat the same call ` +
      'with the same idempotency key to wait for it again; Umeet answers the repeated create with the same account ' +
      'and creates no other.',
    cause,
  });
}

/** The error of a provisioning operation that ended `failed`, from the problem it carries (redacted). */
function provisioningFailed(
  scope: UmeetScope,
  accountId: string,
  statusPath: string,
  operation: UmeetOperation,
): Error {
  const info = readProblem(operation.error) ?? {};
  const redact = (text: string | undefined) => (text === undefined ? undefined : scope.redactor.string(text));
  const embedded = operation.error?.status;
  const status = typeof embedded === 'number' && embedded >= 400 && embedded <= 599 ? embedded : 422;
  const code = typeof info.code === 'string' ? redact(info.code) : info.code;
  const reason = redact(info.message) ?? 'no reason given';
  const id = scope.redactor.string(accountId);
  return createApiError({
    status,
    platform: 'umeet',
    request: { method: 'GET', url: `${scope.baseUrl}${statusPath}`, headers: {} },
    platformCode: code,
    platformMessage: reason,
    details: info.details?.map((detail) => ({
      ...(detail.field === undefined ? {} : { field: scope.redactor.string(detail.field) }),
      message: scope.redactor.string(detail.message),
    })),
    message:
      `Umeet could not provision account ${id}: ${reason}${code === undefined ? '' : ` (code ${code})`}. The ` +
      'account is rejected and releases its admin email: correct the input, then provision again with a new ' +
      'idempotency key.',
  });
}

/**
 * Finishes a provisioning once Umeet has accepted it: follows the status URL (checked to be the API's own) until the
 * operation ends, then reads the account. Anything that stops it after the acceptance, other than the caller's abort,
 * is a `PartiallyAppliedError` naming the account, which Umeet goes on provisioning.
 */
async function finishProvisioning(
  scope: UmeetScope,
  context: OperationContext,
  accepted: TransportResponse<unknown>,
  operation: UmeetOperation,
): Promise<EnterpriseAccount> {
  const accountId = operation.account_id;
  const applied = [`Umeet accepted account ${scope.redactor.string(accountId)} for provisioning`];
  const waitFor = 'provisioning to finish on Umeet';
  let finished = operation;
  let statusPath = '/operations';
  if (operation.status === 'running') {
    const check = checkStatusUrl(scope.baseUrl, accepted.headers.location, `${scope.baseUrl}/accounts`);
    if (!check.ok) {
      const message = scope.redactor.string(
        `umeet returned an unexpected response to accounts.provision (POST /accounts): ${check.problem}`,
      );
      const cause = new ResponseValidationError(
        message,
        { platform: 'umeet', operation: `${OPERATION} (POST /accounts)` },
        [{ path: 'headers.location', message: 'must be {baseUrl}/operations/{id} on the API origin' }],
      );
      throw stoppedHalfway(scope, accountId, applied, waitFor, cause);
    }
    statusPath = check.path;
    let outcome: Awaited<ReturnType<typeof followOperation>>;
    try {
      outcome = await followOperation(scope, context, {
        operation,
        path: check.path,
        retryAfterMs: parseRetryAfter(accepted.headers['retry-after']),
      });
    } catch (error) {
      if (isCode(error, 'aborted')) throw error;
      throw stoppedHalfway(scope, accountId, applied, waitFor, error);
    }
    if (outcome.kind === 'unfinished') {
      const bound =
        outcome.reason === 'deadline'
          ? `the provisioning deadline of ${scope.provisioningTimeoutMs} ms (option provisioningTimeoutMs)`
          : `${outcome.polls} status polls (option maxStatusPolls)`;
      const cause = new ChannelError(
        `umeet: operation ${scope.redactor.string(operation.id)} was still running after ${bound}`,
      );
      throw stoppedHalfway(scope, accountId, applied, waitFor, cause);
    }
    if (outcome.kind === 'finished') finished = outcome.operation;
    else
      context.logger.info('umeet: the status URL no longer knows the operation; reading the account', {
        accountId: scope.redactor.string(accountId),
      });
  }
  if (finished.status === 'failed') throw provisioningFailed(scope, accountId, statusPath, finished);
  let account: UmeetAccount;
  try {
    account = await readUmeetAccount(accountId, OPERATION, context);
  } catch (error) {
    if (isCode(error, 'aborted')) throw error;
    throw stoppedHalfway(
      scope,
      accountId,
      [...applied, 'provisioning finished'],
      'read the provisioned account',
      error,
    );
  }
  if (account.status === 'provisioning') {
    throw stoppedHalfway(
      scope,
      accountId,
      applied,
      waitFor,
      new ChannelError(`umeet: account ${scope.redactor.string(accountId)} is still provisioning`),
    );
  }
  context.logger.info('umeet: account provisioned', {
    accountId: scope.redactor.string(accountId),
    status: account.status,
  });
  return toEnterpriseAccount(account);
}

/**
 * Umeet says the admin email already administers an account. If it is one of this partner's accounts and the
 * customer the input describes (same name, same externalId), provisioning resolves to it, provided its licence is the
 * one asked for; otherwise the conflict stands.
 */
async function adoptExisting(
  scope: UmeetScope,
  input: ProvisionAccountInput,
  context: OperationContext,
  conflict: unknown,
): Promise<EnterpriseAccount> {
  const existing = await findLiveAccountByAdminEmail(context, input.admin.email);
  // Another partner's account (or one this client cannot see): the email cannot be used here.
  if (!existing) throw conflict;
  ensureSameCustomer({
    platform: 'umeet',
    foundBy: 'admin.email',
    existing: { id: existing.id, name: existing.name, externalId: existing.external_id ?? undefined },
    input,
    request: { method: 'POST', url: `${scope.baseUrl}/accounts` },
    requestId: isChannelError(conflict) ? (conflict as { requestId?: string }).requestId : undefined,
  });
  if (existing.status !== 'provisioning' && (input.seats !== undefined || input.plan !== undefined)) {
    const { licence } = await readLicence(existing.id, OPERATION, context);
    const seatsDiffer = input.seats !== undefined && licence.seats.purchased !== input.seats;
    const planDiffers = input.plan !== undefined && licence.plan !== input.plan;
    if (seatsDiffer || planDiffers) {
      throw new ConflictError({
        status: 409,
        platform: 'umeet',
        request: { method: 'POST', url: `${scope.baseUrl}/accounts`, headers: {} },
        platformCode: UMEET_PROBLEMS.adminEmailTaken,
        message:
          `umeet: this customer's account ${existing.id} exists already, with ${licence.seats.purchased} seats on ` +
          `plan ${scope.redactor.string(licence.plan)}, not ${input.seats ?? licence.seats.purchased} on ` +
          `${input.plan ?? licence.plan}. Change its licence with licences.set('${existing.id}', ...).`,
      });
    }
  }
  context.logger.info('umeet: the admin email already administers this customer’s account; using it', {
    accountId: existing.id,
  });
  return toEnterpriseAccount(existing);
}

/**
 * `POST /accounts` with the operation's `Idempotency-Key` (the transport repeats it safely after a lost answer, and
 * Umeet answers a repeat with its first answer), then the `202 Accepted` followed to its end.
 */
export async function provisionAccount(
  scope: UmeetScope,
  input: ProvisionAccountInput,
  context: OperationContext,
): Promise<EnterpriseAccount> {
  checkUmeetLimits(input);
  let accepted: TransportResponse<unknown>;
  try {
    accepted = await exchange(context, {
      method: 'POST',
      path: '/accounts',
      body: provisionBody(input, scope.defaultPlan),
      idempotencyKey: idempotencyHeaderKey(context.idempotencyKey),
    });
  } catch (error) {
    if (hasProblemCode(error, UMEET_PROBLEMS.adminEmailTaken))
      return adoptExisting(scope, input, context, error);
    throw error;
  }
  const operation = parseAnswer(umeetOperationSchema, accepted.data, OPERATION, {
    method: 'POST',
    path: '/accounts',
  });
  context.logger.info('umeet: account accepted for provisioning', {
    accountId: scope.redactor.string(operation.account_id),
    operationId: scope.redactor.string(operation.id),
    replayed: accepted.headers['idempotent-replayed'] === 'true',
  });
  return finishProvisioning(scope, context, accepted, operation);
}
