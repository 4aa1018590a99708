import { createHmac } from 'node:crypto';
import type { SandboxPlatformContext } from '../platform/sandbox-platform';
import { statusChanges } from '../platform/status-changes';
import type { SandboxWebhookScheme } from '../platform/webhook-scheme';
import { timestamp } from './umeet-http';
import type { LeadRecord, RegistrationRecord } from './umeet-referral-store';
import { licenceJson } from './umeet-representations';
import type { UmeetStore } from './umeet-store';

/**
 * The header Umeet signs an event with (contract v1): `Umeet-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "{t}.{body}">`. Use it to sign deliveries in your own tests.
 *
 * @example
 * ```ts
 * import { signUmeetWebhook } from '@channelkit/sandbox';
 *
 * const body = JSON.stringify({ id: 'evt_1', type: 'account.activated', created_at: new Date().toISOString(), data: { account_id: 'acc_1' } });
 * const headers = signUmeetWebhook(body, 'my-endpoint-secret');
 * ```
 */
export function signUmeetWebhook(
  body: string,
  secret: string,
  timestampMs: number = Date.now(),
): Record<string, string> {
  const t = String(Math.floor(timestampMs / 1000));
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');
  return { 'content-type': 'application/json', 'umeet-signature': `t=${t},v1=${v1}` };
}

/**
 * Umeet's delivery (contract v1): signed as {@link signUmeetWebhook} does, an answer expected within 10 seconds, and
 * retried with backoff for 3 days (1 and 5 minutes, half an hour, 2, 6 and 12 hours, then daily) until a 2xx.
 */
export const umeetWebhookScheme: SandboxWebhookScheme = {
  sign: (body, secret, timestampMs) => signUmeetWebhook(body, secret, timestampMs),
  retryDelaysMs: [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000, 86_400_000],
  deadlineMs: 10_000,
};

/** The account event contract v1 sends for a move to `status`, from `previous`. */
function accountEventType(status: string, previous: string | undefined): string | undefined {
  switch (status) {
    case 'active':
      return previous === 'suspended' ? 'account.resumed' : 'account.activated';
    case 'suspended':
      return 'account.suspended';
    case 'terminated':
      return 'account.terminated';
    case 'rejected':
      return 'account.rejected';
    default:
      return undefined;
  }
}

/**
 * Compares the in-memory Umeet before and after each request and notifies what changed, as contract v1 describes:
 * `account.provisioned` for a new account, an account event for each status change, `licence.updated` (the licence
 * as `GET /accounts/{id}/licence` answers it) for each licence change, `deal_registration.status_changed` when a
 * registration's status moves (not when the partner submits it: the answer told it), `lead.offered` for a new lead
 * and `lead.status_changed` when a lead's status moves (answered, expired, converted, lost, withdrawn). Changes made
 * through the test controls are notified after the next request.
 */
export function umeetChangeWatcher(
  store: UmeetStore,
  publish: NonNullable<SandboxPlatformContext['publishWebhook']>,
): () => void {
  const seen = new Map<string, { status: string; licence: string }>();
  const registrations = statusChanges(
    (registration: RegistrationRecord) => registration.id,
    (registration) => registration.status,
    'pending_review',
  );
  const leads = statusChanges(
    (lead: LeadRecord) => lead.id,
    (lead) => lead.status,
    'offered',
  );
  let sequence = 0;
  const licenceOf = (licence: {
    plan: string;
    purchased: number;
    assigned: number;
    cap: number;
    status: string;
  }) => JSON.stringify([licence.plan, licence.purchased, licence.assigned, licence.cap, licence.status]);
  const send = (type: string, data: Record<string, unknown>) => {
    const id = `evt_${String(++sequence).padStart(12, '0')}`;
    const body = JSON.stringify({ id, type, created_at: timestamp(store.settings.now()), data });
    publish({ id, event: type, body });
  };
  return () => {
    for (const account of store.accounts()) {
      const before = seen.get(account.id);
      const licence = licenceOf(account.licence);
      seen.set(account.id, { status: account.status, licence });
      if (before === undefined) {
        send('account.provisioned', { account_id: account.id, status: account.status });
      }
      if (before === undefined ? account.status !== 'provisioning' : before.status !== account.status) {
        const type = accountEventType(account.status, before?.status);
        const data: Record<string, unknown> = { account_id: account.id, status: account.status };
        if (before) data.previous_status = before.status;
        if (type) send(type, data);
      }
      if (before !== undefined && before.licence !== licence) {
        send('licence.updated', licenceJson(account, store.settings.now()));
      }
    }
    // A new registration was submitted by the partner itself, which the answer told: only its moves are notified.
    for (const { item, status, previous } of registrations(store.referrals.registrations())) {
      if (status === previous) continue;
      const { id, status_reason } = item;
      send('deal_registration.status_changed', {
        deal_registration_id: id,
        status,
        previous_status: previous,
        status_reason,
      });
    }
    // Reading the leads lets an unanswered one expire by the sandbox clock, as Umeet's own sweep would.
    for (const { item, status, previous, first } of leads(store.referrals.leads())) {
      if (first) send('lead.offered', { lead_id: item.id, status: previous, respond_by: item.respond_by });
      if (status === previous) continue;
      send('lead.status_changed', {
        lead_id: item.id,
        status,
        previous_status: previous,
        status_reason: item.status_reason,
      });
    }
  };
}
