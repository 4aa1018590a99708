import type { SandboxWebhookNotification } from '../platform/webhook-scheme';
import type { ZoomStore } from '../zoom/zoom-store';

/** A change to the sandbox's Zoom, seen around one API call, that Zoom reports by webhook. */
export interface ZoomChangeObservation {
  /** Publishes the notifications the call's answer calls for. */
  report(response: Response, publish: (notification: SandboxWebhookNotification) => void): Promise<void>;
}

const NONE: ZoomChangeObservation = { report: async () => {} };

function notification(
  store: ZoomStore,
  event: string,
  object: Record<string, unknown>,
): SandboxWebhookNotification {
  const eventTs = store.now();
  const accountId = store.credentials.accountId;
  const body = JSON.stringify({
    event,
    event_ts: eventTs,
    payload: { account_id: accountId, operator: 'admin@sandbox.zoom.us', operator_id: accountId, object },
  });
  return { id: [event, eventTs, accountId, String(object.id)].join(':'), event, body };
}

/**
 * Watches one Zoom API call for the changes Zoom notifies: `POST /accounts` creating a sub-account
 * (`account.created`, `object{id, owner_id, email}`) and `DELETE /accounts/{id}` disassociating one
 * (`account.disassociated`, `object{id, owner_id, owner_email}`). Zoom documents no event for plan changes, so none
 * is sent for them.
 */
export function observeZoomChange(store: ZoomStore, method: string, subpath: string): ZoomChangeObservation {
  if (method === 'POST' && subpath === '/accounts') {
    return {
      async report(response, publish) {
        if (response.status !== 201) return;
        const created = (await response.clone().json()) as {
          id: string;
          owner_id: string;
          owner_email: string;
        };
        publish(
          notification(store, 'account.created', {
            id: created.id,
            owner_id: created.owner_id,
            email: created.owner_email,
          }),
        );
      },
    };
  }
  const deleted = method === 'DELETE' ? /^\/accounts\/([^/]+)$/.exec(subpath) : null;
  const account = deleted?.[1] === undefined ? undefined : store.account(decodeURIComponent(deleted[1]));
  if (account === undefined) return NONE;
  const object = { id: account.id, owner_id: account.ownerId, owner_email: account.ownerEmail };
  return {
    async report(response, publish) {
      if (response.status === 204) publish(notification(store, 'account.disassociated', object));
    },
  };
}
