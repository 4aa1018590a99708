import { signZoomWebhook } from './zoom-webhook-scheme';

/** What {@link zoomWebhookDelivery} builds: a body and the headers Zoom would send with it. */
export interface SignedWebhookDelivery {
  /** The exact body. */
  readonly body: string;
  /** Content type, timestamp and signature headers. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Options of {@link zoomWebhookDelivery}. */
export interface ZoomWebhookDeliveryOptions {
  /** The app's webhook secret token. */
  readonly secret: string;
  /** The master account's id, `payload.account_id`. Default `'sandbox-master'`. */
  readonly accountId?: string;
  /** When the event happened and is sent, epoch milliseconds. Default: now. */
  readonly at?: number;
}

/**
 * A signed Zoom notification as Zoom sends it (`{ event, event_ts, payload: { account_id, object } }`), ready to
 * POST to your handler in tests.
 *
 * @example
 * ```ts
 * import { zoomWebhookDelivery } from '@channelkit/sandbox';
 *
 * const { body, headers } = zoomWebhookDelivery('account.created', { id: 'sub_1', owner_id: 'u1', email: 'o@example.com' }, { secret: 'my-secret-token' });
 * await fetch('http://127.0.0.1:3000/webhooks/zoom', { method: 'POST', headers, body });
 * ```
 */
export function zoomWebhookDelivery(
  event: string,
  object: Readonly<Record<string, unknown>>,
  options: ZoomWebhookDeliveryOptions,
): SignedWebhookDelivery {
  const at = options.at ?? Date.now();
  const body = JSON.stringify({
    event,
    event_ts: at,
    payload: { account_id: options.accountId ?? 'sandbox-master', operator: 'admin@example.com', object },
  });
  return { body, headers: signZoomWebhook(body, options.secret, at) };
}
