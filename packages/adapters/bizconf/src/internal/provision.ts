import {
  BadRequestError,
  ensureSameCustomer,
  isChannelError,
  type OperationContext,
  PartiallyAppliedError,
  ResponseValidationError,
  sleep,
} from '@channelkit/core';
import type { EnterpriseAccount, ProvisionAccountInput } from '@channelkit/types';
import { bizNoFor } from './biz-no';
import { findLiveEnterprise } from './lookup';
import { toEnterpriseAccount } from './mapping';
import { checkProvisionInput, createBody } from './provision-input';
import { enterpriseCall } from './read-enterprise';
import { type BizconfScope, checkSameId, exchange, segment } from './request';
import { type BizconfTask, taskSchema } from './wire-schemas';

const OPERATION = 'accounts.provision';

function isAbort(error: unknown): boolean {
  return isChannelError(error) && error.code === 'aborted';
}

function isEnterpriseExists(error: unknown): boolean {
  return (
    isChannelError(error) &&
    error.code === 'conflict' &&
    Number((error as { platformCode?: unknown }).platformCode) === 40901
  );
}

/** Everything after the create was accepted: a failure here leaves a task running on Bizconf. */
function stoppedAfterSubmit(task: BizconfTask, polls: number, cause: unknown): PartiallyAppliedError {
  return new PartiallyAppliedError({
    platform: 'bizconf',
    operation: OPERATION,
    resourceId: task.taskId,
    applied: [`submitted provisioning task ${task.taskId} (bizNo ${task.bizNo})`],
    remaining: ['Bizconf finishes creating the enterprise account', 'read the new account'],
    advice:
      `Bizconf keeps working on task ${task.taskId} (${polls} polls so far). Repeat the same call with the same ` +
      'idempotency key to wait for it: the same bizNo finds the same task, and nothing is created twice.',
    cause,
  });
}

/**
 * Polls the task until it is no longer `PROCESSING`: after `pollIntervalMs`, then twice as long each time up to
 * `maxPollIntervalMs`, at most `maxPolls` polls and until `timeoutMs` after `startedAt`, the last poll at the deadline.
 * The signal stops the waiting at once (`AbortError`; the task goes on, and a repeat with the same key finds it).
 */
async function waitForTask(
  scope: BizconfScope,
  submitted: BizconfTask,
  context: OperationContext,
  startedAt: number,
): Promise<BizconfTask> {
  const { pollIntervalMs, maxPollIntervalMs, timeoutMs, maxPolls } = scope.provisioning;
  const deadline = startedAt + timeoutMs;
  let task = submitted;
  let interval = pollIntervalMs;
  let polls = 0;
  while (task.status === 'PROCESSING') {
    const remaining = deadline - performance.now();
    if (polls >= maxPolls || remaining <= 0) {
      throw stoppedAfterSubmit(
        task,
        polls,
        `task ${task.taskId} was still PROCESSING after ${polls} polls in ${Math.round((performance.now() - startedAt) / 1000)} s ` +
          `(provisioning.maxPolls ${maxPolls}, provisioning.timeoutMs ${timeoutMs})`,
      );
    }
    await sleep(Math.min(interval, remaining), context.signal);
    const path = `/tasks/${segment(task.taskId)}`;
    try {
      const { data } = await exchange(
        context,
        'query',
        { operation: OPERATION, method: 'GET', path },
        taskSchema,
      );
      checkSameId(
        { operation: OPERATION, method: 'GET', path, field: 'data.taskId' },
        task.taskId,
        data.taskId,
      );
      task = data;
    } catch (error) {
      if (isAbort(error)) throw error;
      throw stoppedAfterSubmit(task, polls, error);
    }
    polls += 1;
    interval = Math.min(interval * 2, maxPollIntervalMs);
    context.logger.debug('bizconf: provisioning task polled', {
      taskId: task.taskId,
      status: task.status,
      polls,
    });
  }
  return task;
}

function provisioningFailed(scope: BizconfScope, task: BizconfTask): BadRequestError {
  const reason = task.failReason ?? 'no reason given';
  const code = task.failCode ?? 'none';
  return new BadRequestError({
    status: 422,
    platform: 'bizconf',
    request: { method: 'GET', url: `${scope.apiUrl}/tasks/${segment(task.taskId)}`, headers: {} },
    platformCode: task.failCode ?? undefined,
    platformMessage: reason,
    message:
      `bizconf: provisioning task ${task.taskId} failed: ${reason} (code ${code}). Nothing was created. Correct the ` +
      "customer's details and provision again with a new idempotency key: this key's bizNo stays tied to the failed task.",
  });
}

/** An "already exists" (40901) resolved to the existing account, when it is this customer's. */
async function existingAccount(
  scope: BizconfScope,
  input: ProvisionAccountInput,
  context: OperationContext,
  conflict: unknown,
): Promise<EnterpriseAccount> {
  const creditCode = input.profile.creditCode ?? '';
  const found = await findLiveEnterprise(context, creditCode);
  // Another provisioning of this credit code is still running (under another idempotency key): nothing to return yet.
  if (found === undefined) throw conflict;
  ensureSameCustomer({
    platform: 'bizconf',
    foundBy: 'profile.creditCode',
    existing: {
      id: found.enterpriseId,
      name: found.enterpriseName,
      externalId: found.externalId ?? undefined,
    },
    input,
    request: { method: 'POST', url: `${scope.apiUrl}/enterprises` },
    requestId: (conflict as { requestId?: string }).requestId,
  });
  context.logger.info('bizconf: the credit code already holds this customer’s account; continuing with it', {
    accountId: found.enterpriseId,
  });
  return toEnterpriseAccount(found);
}

/**
 * Creates an enterprise account: `POST /enterprises` with a `bizNo` derived from the idempotency key (so the transport
 * may repeat it, and a repeated call finds the same task), then polls the task until Bizconf has created the account
 * or refused it, and reads the account. A credit code that already holds this customer's account resolves to it.
 */
export async function provisionAccount(
  scope: BizconfScope,
  input: ProvisionAccountInput,
  context: OperationContext,
): Promise<EnterpriseAccount> {
  checkProvisionInput(input);
  const startedAt = performance.now();
  const bizNo = bizNoFor(scope.appId, OPERATION, '', context.idempotencyKey);
  let task: BizconfTask;
  try {
    ({ data: task } = await exchange(
      context,
      'write',
      {
        operation: OPERATION,
        method: 'POST',
        path: '/enterprises',
        body: createBody(input, bizNo, scope.defaultPlan),
        // The bizNo makes a repeat return the same task: safe to retry after a timeout or a lost answer.
        idempotent: true,
      },
      taskSchema,
    ));
  } catch (error) {
    if (!isEnterpriseExists(error)) throw error;
    return existingAccount(scope, input, context, error);
  }
  if (task.bizNo !== bizNo) {
    const message = `must be the bizNo sent (${bizNo}), not ${task.bizNo}`;
    throw new ResponseValidationError(
      `bizconf returned an unexpected response to ${OPERATION} (POST /enterprises): bizNo: ${message}. ` +
        'The platform API may have changed; upgrade channelkit or report it',
      { platform: 'bizconf', operation: `${OPERATION} (POST /enterprises)` },
      [{ path: 'data.bizNo', message }],
    );
  }
  context.logger.info('bizconf: provisioning task submitted', { taskId: task.taskId, status: task.status });
  const finished = await waitForTask(scope, task, context, startedAt);
  if (finished.status === 'FAILED') throw provisioningFailed(scope, finished);
  const enterpriseId = finished.enterpriseId as string;
  context.logger.info('bizconf: provisioning task finished', {
    taskId: finished.taskId,
    accountId: enterpriseId,
  });
  try {
    return toEnterpriseAccount(await enterpriseCall(context, { operation: OPERATION, enterpriseId }));
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new PartiallyAppliedError({
      platform: 'bizconf',
      operation: OPERATION,
      resourceId: enterpriseId,
      applied: [`created enterprise ${enterpriseId} (task ${finished.taskId})`],
      remaining: ['read the new account'],
      advice:
        `Repeat the same call with the same idempotency key: its bizNo finds task ${finished.taskId} and ` +
        `enterprise ${enterpriseId} again, and nothing is created twice. Or read it with accounts.get('${enterpriseId}').`,
      cause: error,
    });
  }
}
