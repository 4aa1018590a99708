import type { ChannelEvent, PartnerId } from '@channelkit/types';
import { isChannelError } from '../errors/channel-error';
import {
  WebhookVerificationError,
  type WebhookVerificationReason,
} from '../errors/webhook-verification-error';
import type { JsonValue } from '../idempotency/idempotency-store';
import type { Logger } from '../logging/logger';
import type { DeliveryDeduplicator } from './delivery-deduplicator';
import { RAW_BODY_HINT } from './raw-body';
import type { WebhookRequestHeaders } from './webhook-headers';
import type { WebhookVerification } from './webhook-verifier';

/** Options of `client.webhooks.nodeHandler()`. */
export interface NodeHandlerOptions {
  /**
   * The largest body read, in bytes; a larger one is answered 413 without being read further.
   * @default 1048576 (1 MiB, far above any platform's event)
   */
  maxBodyBytes?: number | undefined;
}

/**
 * The parts of Node's `http.IncomingMessage` the handler uses; Express's and Connect's requests are such messages.
 * Declared here so that the package's types need no Node type definitions.
 */
export interface NodeWebhookRequest {
  /** The HTTP method. */
  readonly method?: string | undefined;
  /** The request headers, names in lower case. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Whether the body has been read to its end already (by a body parser, say). */
  readonly readableEnded: boolean;
  /** Subscribes to a stream event (`data`, `end`, `error`, `close`). */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Subscribes to the next occurrence of a stream event. */
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Unsubscribes a listener. */
  off(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Stops reading the body. */
  pause(): unknown;
  /** Closes the connection. */
  destroy(): unknown;
}

/** The parts of Node's `http.ServerResponse` the handler uses. */
export interface NodeWebhookResponse {
  /** Whether the status line and headers were sent. */
  readonly headersSent: boolean;
  /** Sends the status line and headers. */
  writeHead(status: number, headers: Record<string, string>): unknown;
  /** Sends the body and ends the response. */
  end(body?: string): unknown;
  /** Subscribes to the next occurrence of an event (`finish`). */
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Closes the connection. */
  destroy(): unknown;
}

/** A request handler for `http.createServer`, Express, Connect and anything else that passes Node's `(req, res)`. */
export type NodeWebhookHandler = (req: NodeWebhookRequest, res: NodeWebhookResponse) => void;

/** Default body limit of the node handler: 1 MiB. */
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 1_048_576;

/** What the handler needs from the client. */
export interface NodeHandlerContext {
  /** The platform. */
  partner: PartnerId;
  /** The adapter's scheme name, for logs. */
  scheme: string;
  /** The body of a 200 answer the platform expects, if it expects one. */
  acknowledgement: JsonValue | undefined;
  /** Verifies a delivery (the client's `webhooks.verify`). */
  verify(body: unknown, headers: WebhookRequestHeaders): WebhookVerification;
  /** De-duplicates deliveries through the client's idempotency store. */
  deduplicator: DeliveryDeduplicator;
  /** Emits one event on the client. */
  emit(event: ChannelEvent): void;
  /** The client's logger. */
  logger: Logger;
}

/** The HTTP status for each reason a delivery is refused. */
const STATUS_OF: Record<WebhookVerificationReason, number> = {
  missing_header: 401,
  malformed_header: 401,
  bad_signature: 401,
  stale_timestamp: 401,
  malformed_body: 400,
  body_too_large: 413,
  // The server, not the sender, is at fault: a body parser ran before the handler.
  parsed_body: 500,
};

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function isJson(contentType: unknown): boolean {
  const type = typeof contentType === 'string' ? (contentType.split(';')[0]?.trim().toLowerCase() ?? '') : '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

function send(
  res: NodeWebhookResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Reads the raw body, or takes the one a raw-body middleware left on `req.body`; refuses a parsed one. */
async function readBody(req: NodeWebhookRequest, maxBodyBytes: number): Promise<Buffer | string> {
  const preread = (req as { body?: unknown }).body;
  if (Buffer.isBuffer(preread) || typeof preread === 'string') return preread;
  if (preread !== undefined && preread !== null) {
    throw new WebhookVerificationError(
      `A body parser read the request before the handler. ${RAW_BODY_HINT}`,
      {
        reason: 'parsed_body',
      },
    );
  }
  if (req.readableEnded) {
    throw new WebhookVerificationError(`The request body was consumed before the handler. ${RAW_BODY_HINT}`, {
      reason: 'parsed_body',
    });
  }
  const declared = req.headers['content-length'];
  if (typeof declared === 'string' && Number(declared) > maxBodyBytes) {
    throw new WebhookVerificationError(
      `The body declares ${declared} bytes, over the limit of ${maxBodyBytes}.`,
      {
        reason: 'body_too_large',
      },
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: unknown): void => {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += bytes.length;
      if (size > maxBodyBytes) {
        // Stop reading: the rest is never buffered. The socket is closed once the 413 is sent.
        stop();
        req.pause();
        reject(
          new WebhookVerificationError(`The body is over the limit of ${maxBodyBytes} bytes.`, {
            reason: 'body_too_large',
          }),
        );
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: unknown): void => {
      stop();
      reject(error);
    };
    // A sender that hangs up half-way leaves nothing to answer.
    const onClose = (): void => onError(new Error('the sender closed the connection before the body ended'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('close', onClose);
  });
}

/** Builds the handler behind `client.webhooks.nodeHandler()`. */
export function createNodeHandler(
  context: NodeHandlerContext,
  options: NodeHandlerOptions = {},
): NodeWebhookHandler {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new RangeError(
      `nodeHandler: maxBodyBytes must be a positive whole number of bytes (got ${maxBodyBytes})`,
    );
  }
  const { partner, scheme, logger, acknowledgement } = context;

  function refuse(res: NodeWebhookResponse, refusal: Refusal): void {
    // Reasons and messages name what failed, never a secret, a signature or the body.
    logger.warn(`webhook refused with ${refusal.status}: ${refusal.message}`, {
      partner,
      scheme,
      status: refusal.status,
      reason: refusal.reason,
    });
    const close = refusal.status === 413 ? { connection: 'close' } : {};
    send(res, refusal.status, { error: refusal.reason }, { ...refusal.headers, ...close });
  }

  async function handle(req: NodeWebhookRequest, res: NodeWebhookResponse): Promise<void> {
    if (req.method !== 'POST') {
      throw new Refusal(405, 'method_not_allowed', `method ${String(req.method)} (webhooks are POSTed)`, {
        allow: 'POST',
      });
    }
    if (!isJson(req.headers['content-type'])) {
      throw new Refusal(415, 'unsupported_media_type', 'content type is not application/json');
    }
    const body = await readBody(req, maxBodyBytes);
    const verification = context.verify(body, req.headers);
    if (verification.kind === 'challenge') {
      logger.info('webhook URL validation answered', { partner, scheme });
      send(res, verification.response.status, verification.response.body);
      return;
    }
    const { deliveryId, platformEvent, events } = verification;
    if (events.length === 0) {
      logger.debug('webhook acknowledged; it maps to no channel event', {
        partner,
        platformEvent,
        deliveryId,
      });
      send(res, 200, acknowledgement ?? { received: true });
      return;
    }
    const claim = await context.deduplicator.claim(deliveryId).catch((error: unknown) => {
      logger.error('webhook not processed: the idempotency store failed; the platform will retry', {
        partner,
        deliveryId,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      throw new Refusal(503, 'store_unavailable', 'the idempotency store failed', { 'retry-after': '60' });
    });
    if (claim.status === 'duplicate') {
      logger.info('duplicate webhook acknowledged without emitting', { partner, platformEvent, deliveryId });
      send(res, 200, acknowledgement ?? { received: true, duplicate: true });
      return;
    }
    if (claim.status === 'in_progress') {
      // Another copy is being processed; a 409 makes the platform retry later, when it is answered as a duplicate,
      // so the delivery is not lost if the other instance dies first.
      throw new Refusal(409, 'in_progress', `delivery ${deliveryId} is being processed by another handler`, {
        'retry-after': '60',
      });
    }
    logger.info('webhook received', { partner, platformEvent, deliveryId, events: events.length });
    send(res, 200, acknowledgement ?? { received: true });
    // The platform has its answer (Zoom waits 3 s at most); listeners run after it, however slow they are.
    setImmediate(() => {
      for (const event of events) context.emit(event);
      claim.done().then(
        (held) => {
          if (!held) logger.warn('webhook processed after its claim expired', { partner, deliveryId });
        },
        (error: unknown) =>
          logger.error('webhook processed but not recorded: a redelivery may be emitted again', {
            partner,
            deliveryId,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          }),
      );
    });
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      let refusal: Refusal;
      if (error instanceof Refusal) refusal = error;
      else if (error instanceof WebhookVerificationError) {
        refusal = new Refusal(STATUS_OF[error.reason], error.reason, error.message);
      } else {
        logger.error('webhook handler failed', {
          partner,
          error:
            isChannelError(error) || error instanceof Error
              ? `${error.name}: ${error.message}`
              : String(error),
        });
        refusal = new Refusal(500, 'internal_error', 'the handler failed');
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      refuse(res, refusal);
      if (refusal.status === 413) res.once('finish', () => req.destroy());
    });
  };
}
