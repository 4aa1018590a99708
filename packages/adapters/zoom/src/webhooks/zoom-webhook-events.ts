import type { AccountChangedEvent, AccountStatus, ChannelEvent } from '@channelkit/types';
import {
  type ZoomEnvelope,
  zoomAccountCreatedSchema,
  zoomAccountDisassociatedSchema,
  zoomAccountUpdatedSchema,
  zoomCommerceAccountStatusSchema,
} from './zoom-webhook-payload';

/** End-customer creation states of `commerce.account_status_changed`, as the Partner Commerce mode maps them. */
const COMMERCE_ACCOUNT_STATUS: Readonly<Record<string, AccountStatus>> = {
  success: 'active',
  'partial success': 'active',
  submitted: 'provisioning',
  'in review': 'provisioning',
  failure: 'failed',
};

/**
 * The id of a Zoom delivery: Zoom's `event_id` where the event has one, else the event name, its time in milliseconds,
 * the account and the object, which Zoom repeats unchanged when it retries a delivery.
 */
export function zoomDeliveryId(envelope: ZoomEnvelope): string {
  if (envelope.event_id !== undefined) return envelope.event_id;
  const { account_id: account = '', object } = envelope.payload;
  return [envelope.event, envelope.event_ts, account, String(object?.id ?? '')].join(':');
}

/**
 * Zoom's account events as channel events; every other Zoom event maps to none. Zoom reports no event for plan or
 * seat changes of a sub-account, so `licence.changed` never comes from Zoom: read `client.licences.get()` instead.
 */
export function zoomChannelEvents(envelope: ZoomEnvelope): ChannelEvent[] {
  const base = {
    id: zoomDeliveryId(envelope),
    partner: 'zoom',
    occurredAt: new Date(envelope.event_ts).toISOString(),
    platformEvent: envelope.event,
  } as const;
  const object: unknown = envelope.payload.object;
  switch (envelope.event) {
    case 'account.created': {
      const created = zoomAccountCreatedSchema.parse(object);
      const event: AccountChangedEvent = {
        ...base,
        type: 'account.changed',
        accountId: created.id,
        change: 'created',
      };
      if (created.email) event.changes = { ownerEmail: created.email };
      return [event];
    }
    case 'account.updated': {
      const updated = zoomAccountUpdatedSchema.parse(object);
      const event: AccountChangedEvent = {
        ...base,
        type: 'account.changed',
        accountId: updated.id,
        change: 'updated',
      };
      if (updated.account_name) event.changes = { name: updated.account_name };
      return [event];
    }
    case 'account.disassociated': {
      const gone = zoomAccountDisassociatedSchema.parse(object);
      return [{ ...base, type: 'account.changed', accountId: gone.id, change: 'closed', status: 'closed' }];
    }
    case 'commerce.account_status_changed': {
      // Partner Commerce: the account id is the CRM account number; a failed creation may only have its reference.
      const account = zoomCommerceAccountStatusSchema.parse(envelope.payload.account);
      const accountId = account.crm_account_number ?? account.create_reference_id;
      if (accountId === undefined) throw new TypeError('no crm_account_number nor create_reference_id');
      const event: AccountChangedEvent = {
        ...base,
        type: 'account.changed',
        accountId,
        change: 'status_changed',
      };
      const status = COMMERCE_ACCOUNT_STATUS[account.status.toLowerCase()];
      if (status) event.status = status;
      return [event];
    }
    default:
      return [];
  }
}
