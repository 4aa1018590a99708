import { createHmac, randomBytes } from 'node:crypto';
import type { SandboxPlatformContext } from '../platform/sandbox-platform';
import { statusChanges } from '../platform/status-changes';
import type { SandboxWebhookScheme } from '../platform/webhook-scheme';
import type { BizconfSandboxEnterprise, BizconfSandboxTask } from './bizconf-controls';
import type { LeadRecord, OpportunityRecord } from './bizconf-referral-store';
import type { BizconfStore } from './bizconf-store';
import { beijingTime } from './bizconf-time';

/**
 * The headers Bizconf signs a callback with (contract v1): `X-Bizconf-Timestamp` (Unix milliseconds),
 * `X-Bizconf-Nonce` and `X-Bizconf-Signature`, the lower-case hex HMAC-SHA256 with the application secret of
 * `<timestamp>\n<nonce>\n<body>`, with the application's `X-Bizconf-App-Id`. Use it to sign callbacks in your own
 * tests.
 *
 * @example
 * ```ts
 * import { signBizconfCallback } from '@channelkit/sandbox';
 *
 * const body = JSON.stringify({ eventId: 'E1', eventType: 'ENTERPRISE_CREATED', occurTime: '2026-01-15 10:00:00', data: { enterpriseId: 'E2026' } });
 * const headers = signBizconfCallback(body, { appId: 'my-app', appSecret: 'my-secret' });
 * ```
 */
export function signBizconfCallback(
  body: string,
  application: { readonly appId: string; readonly appSecret: string },
  timestampMs: number = Date.now(),
  nonce: string = randomBytes(16).toString('hex'),
): Record<string, string> {
  const timestamp = String(Math.floor(timestampMs));
  return {
    'content-type': 'application/json',
    'x-bizconf-app-id': application.appId,
    'x-bizconf-timestamp': timestamp,
    'x-bizconf-nonce': nonce,
    'x-bizconf-signature': createHmac('sha256', application.appSecret)
      .update(`${timestamp}\n${nonce}\n${body}`, 'utf8')
      .digest('hex'),
  };
}

/**
 * Bizconf's callback delivery (contract v1): signed as {@link signBizconfCallback} does (the application id comes with
 * each notification), answered within 5 seconds or retried after 1 minute, 5 minutes, 30 minutes, 2 hours and
 * 6 hours, then dropped.
 */
export const bizconfWebhookScheme: SandboxWebhookScheme = {
  sign: (body, secret, timestampMs) => {
    const { 'x-bizconf-app-id': _appId, ...signed } = signBizconfCallback(
      body,
      { appId: '', appSecret: secret },
      timestampMs,
    );
    return signed;
  },
  retryDelaysMs: [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000],
  deadlineMs: 5_000,
};

function licenceOf(enterprise: BizconfSandboxEnterprise) {
  const { licence } = enterprise;
  return {
    planCode: licence.planCode,
    commitment: 'ANNUAL',
    seats: licence.seats,
    usedSeats: licence.usedSeats,
    renewalSeats: licence.renewalSeats ?? null,
    termStart: licence.termStart,
    termEnd: licence.termEnd,
    autoRenew: licence.autoRenew,
    status: licence.status,
  };
}

/**
 * Compares the in-memory Bizconf before and after each request and calls back what changed, as contract v1
 * describes: `ENTERPRISE_CREATED` when an enterprise appears (with its provisioning task), `TASK_FAILED` when a task
 * fails, `ENTERPRISE_STATUS_CHANGED` for each status change, `LICENCE_CHANGED` (or `LICENCE_RENEWED` when a new term
 * starts) for each licence change, `OPPORTUNITY_STATUS_CHANGED` when an opportunity's state moves (not when the
 * partner registers it: the answer told it), `LEAD_ASSIGNED` for a new lead and `LEAD_STATUS_CHANGED` when a lead's
 * state moves (answered, expired, won, lost, recalled). Changes made through the test controls are called back after
 * the next request.
 */
export function bizconfChangeWatcher(
  store: BizconfStore,
  publish: NonNullable<SandboxPlatformContext['publishWebhook']>,
): () => void {
  const enterprises = new Map<string, { status: string; licence: string; termStart: string }>();
  const failedTasks = new Set<string>();
  const opportunities = statusChanges(
    (opportunity: OpportunityRecord) => opportunity.opportunityId,
    (opportunity) => opportunity.status,
    'PENDING',
  );
  const leads = statusChanges(
    (lead: LeadRecord) => lead.leadId,
    (lead) => lead.status,
    'ASSIGNED',
  );
  let sequence = 0;
  const send = (eventType: string, data: Record<string, unknown>) => {
    const eventId = `EVT${String(++sequence).padStart(16, '0')}`;
    const body = JSON.stringify({ eventId, eventType, occurTime: beijingTime(store.now()), data });
    publish({
      id: eventId,
      event: eventType,
      body,
      headers: { 'x-bizconf-app-id': store.credentials.appId },
    });
  };
  return () => {
    const tasks: BizconfSandboxTask[] = store.listTasks();
    for (const task of tasks) {
      if (task.status === 'FAILED' && !failedTasks.has(task.taskId)) {
        failedTasks.add(task.taskId);
        send('TASK_FAILED', {
          taskId: task.taskId,
          bizNo: task.bizNo,
          failCode: task.failCode ?? null,
          failReason: task.failReason ?? null,
        });
      }
    }
    for (const enterprise of store.listEnterprises()) {
      const before = enterprises.get(enterprise.enterpriseId);
      const licence = licenceOf(enterprise);
      const licenceText = JSON.stringify(licence);
      enterprises.set(enterprise.enterpriseId, {
        status: enterprise.status,
        licence: licenceText,
        termStart: licence.termStart,
      });
      if (before === undefined) {
        const task = tasks.find((candidate) => candidate.enterpriseId === enterprise.enterpriseId);
        send('ENTERPRISE_CREATED', {
          enterpriseId: enterprise.enterpriseId,
          ...(task ? { taskId: task.taskId, bizNo: task.bizNo } : {}),
        });
        continue;
      }
      if (before.status !== enterprise.status) {
        send('ENTERPRISE_STATUS_CHANGED', {
          enterpriseId: enterprise.enterpriseId,
          status: enterprise.status,
          previousStatus: before.status,
        });
      }
      if (before.licence !== licenceText) {
        send(before.termStart !== licence.termStart ? 'LICENCE_RENEWED' : 'LICENCE_CHANGED', {
          enterpriseId: enterprise.enterpriseId,
          licence,
        });
      }
    }
    // A new opportunity was registered by the partner itself, which the answer told: only its moves are called back.
    for (const { item, status, previous } of opportunities(store.referrals.opportunities())) {
      if (status === previous) continue;
      const { opportunityId, bizNo, reason } = item;
      send('OPPORTUNITY_STATUS_CHANGED', { opportunityId, bizNo, status, previousStatus: previous, reason });
    }
    // Reading the leads lets an unanswered one expire by the sandbox clock, as Bizconf's own sweep would.
    for (const { item, status, previous, first } of leads(store.referrals.leads())) {
      if (first) send('LEAD_ASSIGNED', { leadId: item.leadId, status: previous, deadline: item.deadline });
      if (status === previous) continue;
      send('LEAD_STATUS_CHANGED', {
        leadId: item.leadId,
        status,
        previousStatus: previous,
        reason: item.reason,
      });
    }
  };
}
