import { randomUUID } from 'node:crypto';
import type { ChannelEventOf, ChannelEventType, PartnerId } from '@channelkit/types';
import type EventEmitter from 'eventemitter3';
import type { z } from 'zod';
import { ResponseValidationError } from '../errors/response-validation-error';
import { UnsupportedOperationError } from '../errors/unsupported-operation-error';
import { ValidationError } from '../errors/validation-error';
import type { Logger } from '../logging/logger';
import type { OperationContext } from '../port/adapter-port';
import type { HttpTransport } from '../transport/http-transport';
import type { RequestOptions } from './client-options';

/**
 * The steps every client call shares: validate the input before anything is sent, build the operation context,
 * validate what the adapter returns, and emit domain events. One place, so every resource behaves the same.
 */
export class OperationRunner {
  readonly #partner: PartnerId;
  readonly #transport: HttpTransport;
  readonly #logger: Logger;
  readonly #emitter: EventEmitter;

  constructor(partner: PartnerId, transport: HttpTransport, logger: Logger, emitter: EventEmitter) {
    this.#partner = partner;
    this.#transport = transport;
    this.#logger = logger;
    this.#emitter = emitter;
  }

  /** Parses caller input with a schema; failures become a `ValidationError` naming the field. */
  input<Schema extends z.ZodType>(schema: Schema, value: unknown, subject: string): z.output<Schema> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error, subject);
    return parsed.data;
  }

  /** Parses what an adapter returned; failures become a `ResponseValidationError`, never a half-filled object. */
  output<Schema extends z.ZodType>(schema: Schema, value: unknown, operation: string): z.output<Schema> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw ResponseValidationError.fromZod(parsed.error, { platform: this.#partner, operation });
    }
    return parsed.data;
  }

  /** Returns the adapter method, or throws `UnsupportedOperationError` when the platform lacks it. */
  require<Method>(method: Method | undefined, supported: boolean, operation: string): Method {
    if (method === undefined || !supported) {
      throw new UnsupportedOperationError({ platform: this.#partner, operation });
    }
    return method;
  }

  /** Builds the context one adapter operation runs with. */
  context(options: RequestOptions | undefined): OperationContext {
    const idempotencyKey = options?.idempotencyKey ?? randomUUID();
    if (idempotencyKey.trim() === '' || idempotencyKey.length > 255) {
      throw new ValidationError({
        message:
          'Invalid request options: idempotencyKey must be 1 to 255 characters; pass a stable id such as your CRM id.',
        issues: [{ path: 'idempotencyKey', message: 'must be 1 to 255 characters' }],
      });
    }
    return {
      transport: this.#transport,
      idempotencyKey,
      signal: options?.signal,
      timeoutMs: options?.timeoutMs,
      logger: this.#logger,
    };
  }

  /**
   * Emits a domain event. Its id is derived from the operation's idempotency key, so the retry of a call that the
   * caller repeats with the same key produces an event with the same id, which listeners can de-duplicate.
   */
  emit<Type extends ChannelEventType>(
    type: Type,
    idempotencyKey: string,
    fields: Omit<ChannelEventOf<Type>, 'id' | 'type' | 'partner' | 'occurredAt'>,
  ): void {
    this.#emitter.emit(type, {
      id: `${this.#partner}:${type}:${idempotencyKey}`,
      type,
      partner: this.#partner,
      occurredAt: new Date().toISOString(),
      ...fields,
    });
  }
}
