import { randomUUID } from 'node:crypto';
import type { Capabilities, ChannelEventOf, ChannelEventType, PartnerId } from '@channelkit/types';
import type EventEmitter from 'eventemitter3';
import type { z } from 'zod';
import { PartiallyAppliedError, type PartialProgress } from '../errors/partially-applied-error';
import { ResponseValidationError } from '../errors/response-validation-error';
import { UnsupportedOperationError } from '../errors/unsupported-operation-error';
import { ValidationError, zodIssues } from '../errors/validation-error';
import type { IdempotencyGuard } from '../idempotency/idempotency-guard';
import type { JsonValue } from '../idempotency/idempotency-store';
import type { Logger } from '../logging/logger';
import type { PaginationBounds } from '../pagination/pagination-bounds';
import type { OperationContext } from '../port/adapter-port';
import type { HttpTransport } from '../transport/http-transport';
import type { RequestOptions } from './client-options';

/** What the client knows of a write before running it. */
export interface WriteSpec<Schema extends z.ZodType> {
  /** The operation, e.g. `licences.set`. */
  operation: string;
  /** The validated input; with a caller's idempotency key, its fingerprint binds the key. */
  input: unknown;
  /** The schema of what the adapter returns. */
  output: Schema;
  /** The resource the write concerns, when known before it runs (e.g. the account whose seats change). */
  resourceId?: string | undefined;
  /**
   * Keep a caller's key in the client's idempotency store (the default). The licence sync engine passes `false`: its
   * key still reaches the adapter and names the event, but its own checkpoints and fresh reads do the store's job.
   */
  remember?: boolean | undefined;
}

/** Everything the runner is built with. */
export interface OperationRunnerSettings {
  partner: PartnerId;
  /** The adapter's capabilities, carried by every `UnsupportedOperationError` as data. */
  capabilities: Capabilities;
  transport: HttpTransport;
  logger: Logger;
  emitter: EventEmitter;
  guard: IdempotencyGuard;
  pagination: PaginationBounds;
}

// Printable, as a key also becomes part of event ids and idempotency store keys: no control characters and no
// unpaired surrogates (which cannot be encoded).
const KEY_FORBIDDEN = /[\p{Cc}\p{Cs}]/u;

/**
 * The steps every client call shares: validate the input before anything is sent, build the operation context,
 * run writes under their idempotency key, validate what the adapter returns, and emit domain events. One place, so
 * every resource behaves the same.
 */
export class OperationRunner {
  readonly #settings: OperationRunnerSettings;

  constructor(settings: OperationRunnerSettings) {
    this.#settings = settings;
  }

  /** The client's logger. */
  get logger(): Logger {
    return this.#settings.logger;
  }

  /** Parses caller input with a schema; failures become a `ValidationError` naming the field. */
  input<Schema extends z.ZodType>(schema: Schema, value: unknown, subject: string): z.output<Schema> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error, subject);
    return parsed.data;
  }

  /**
   * Parses one positional argument (e.g. `accountId`); failures become a `ValidationError` whose `field` is the
   * argument's name, e.g. `Invalid accountId for accounts.close: must not be ".."...`.
   */
  argument<Schema extends z.ZodType>(
    schema: Schema,
    value: unknown,
    name: string,
    operation: string,
  ): z.output<Schema> {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issues = zodIssues(parsed.error).map((issue) => ({
      path: issue.path === '' ? name : `${name}.${issue.path}`,
      message: issue.message,
    }));
    return this.#refuse(
      `Invalid ${name} for ${operation}: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
  }

  /** Parses what an adapter returned; failures become a `ResponseValidationError`, never a half-filled object. */
  output<Schema extends z.ZodType>(schema: Schema, value: unknown, operation: string): z.output<Schema> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw ResponseValidationError.fromZod(parsed.error, { platform: this.#settings.partner, operation });
    }
    return parsed.data;
  }

  /** Returns the adapter method, or throws `UnsupportedOperationError` when the platform lacks it. */
  require<Method>(method: Method | undefined, supported: boolean, operation: string): Method {
    if (method === undefined || !supported) {
      const { partner, capabilities } = this.#settings;
      throw new UnsupportedOperationError({ platform: partner, operation, capabilities });
    }
    return method;
  }

  /** Builds the context one adapter operation runs with. */
  context(options: RequestOptions | undefined): OperationContext {
    const idempotencyKey = options?.idempotencyKey ?? randomUUID();
    if (
      typeof idempotencyKey !== 'string' ||
      idempotencyKey.trim() === '' ||
      idempotencyKey.length > 255 ||
      KEY_FORBIDDEN.test(idempotencyKey)
    ) {
      this.#refuse(
        'Invalid request options: idempotencyKey must be 1 to 255 printable characters; pass a stable id such as ' +
          'your CRM id plus the action.',
        [{ path: 'idempotencyKey', message: 'must be 1 to 255 printable characters' }],
      );
    }
    return {
      transport: this.#settings.transport,
      idempotencyKey,
      signal: options?.signal,
      timeoutMs: options?.timeoutMs,
      logger: this.#settings.logger,
      pagination: this.#settings.pagination,
    };
  }

  /**
   * Runs a write. With a caller's idempotency key it runs under the client's idempotency store: the same key and
   * input replays the stored result (no request, no event), another input is refused with
   * `IdempotencyKeyReuseError`, and a call already running in this client is waited for. `announce` emits the domain
   * event of a write that ran; a listener that throws does not fail the write.
   */
  async write<Schema extends z.ZodType>(
    spec: WriteSpec<Schema>,
    options: RequestOptions | undefined,
    execute: (context: OperationContext) => Promise<unknown>,
    announce: (value: z.output<Schema>, idempotencyKey: string) => void,
  ): Promise<z.output<Schema>> {
    const context = this.context(options);
    const run = async (resume: PartialProgress | undefined): Promise<z.output<Schema>> => {
      const value = this.#appliedOutput(spec, await execute(resume ? { ...context, resume } : context));
      announce(value, context.idempotencyKey);
      return value;
    };
    // A key the client generated protects only the retries within this call: nothing to remember.
    if (options?.idempotencyKey === undefined || spec.remember === false) return run(undefined);
    const outcome = await this.#settings.guard.run({
      operation: spec.operation,
      idempotencyKey: context.idempotencyKey,
      input: spec.input,
      signal: context.signal,
      execute: run,
      replay: (stored: JsonValue) => this.#replayed(spec, stored),
    });
    return outcome.value;
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
    const { partner, emitter } = this.#settings;
    emitter.emit(type, {
      id: `${partner}:${type}:${idempotencyKey}`,
      type,
      partner,
      occurredAt: new Date().toISOString(),
      ...fields,
    });
  }

  /**
   * What a write returned, validated. The write was applied by then, so a result that fails validation is reported
   * as applied (`PartiallyAppliedError`, with the validation error as cause) when the resource is known.
   */
  #appliedOutput<Schema extends z.ZodType>(spec: WriteSpec<Schema>, value: unknown): z.output<Schema> {
    const parsed = spec.output.safeParse(value);
    if (parsed.success) return parsed.data;
    const { partner } = this.#settings;
    const invalid = ResponseValidationError.fromZod(parsed.error, {
      platform: partner,
      operation: spec.operation,
    });
    const returnedId = (value as { id?: unknown } | null)?.id;
    const resourceId =
      spec.resourceId ?? (typeof returnedId === 'string' && returnedId !== '' ? returnedId : undefined);
    if (resourceId === undefined) throw invalid;
    throw new PartiallyAppliedError({
      platform: partner,
      operation: spec.operation,
      resourceId,
      applied: [`${spec.operation} on ${resourceId}`],
      remaining: ['a valid answer describing the result'],
      advice: `Read ${resourceId} to see its state before changing it again.`,
      cause: invalid,
    });
  }

  #replayed<Schema extends z.ZodType>(spec: WriteSpec<Schema>, stored: JsonValue): z.output<Schema> {
    const parsed = spec.output.safeParse(stored);
    if (parsed.success) return parsed.data;
    throw ResponseValidationError.fromZod(parsed.error, {
      platform: this.#settings.partner,
      operation: `${spec.operation} (the result stored under its idempotency key)`,
    });
  }

  /** Refuses input that passed its schema but breaks a rule of the call, naming the field. */
  refuse(message: string, issues: { path: string; message: string }[]): never {
    return this.#refuse(message, issues);
  }

  #refuse(message: string, issues: { path: string; message: string }[]): never {
    throw new ValidationError({ message, issues });
  }
}
