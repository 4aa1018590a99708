import type { SandboxWebhookNotification, SandboxWebhookScheme } from '../platform/webhook-scheme';
import type { SandboxWebhookTarget, WebhookDeliveryRecord } from './webhook-target';

/** What a dispatcher needs from the sandbox. */
export interface WebhookDispatcherContext {
  /** The platform's name. */
  readonly platform: string;
  /** The platform's scheme. */
  readonly scheme: SandboxWebhookScheme;
  /** Where to deliver. */
  readonly target: SandboxWebhookTarget;
  /** A seeded PRNG in [0, 1) of its own, for duplicates and reordering. */
  readonly random: () => number;
  /** The sandbox clock. */
  readonly now: () => number;
  /** Records each attempt. */
  record(attempt: WebhookDeliveryRecord): void;
}

/**
 * Delivers one platform's webhooks as the platform does: each signed at the time of sending, retried on the
 * platform's schedule when no 2xx answer comes within its deadline, sometimes twice at once, sometimes after the next
 * one. Delivery is asynchronous; `settled()` waits for everything under way, retries included.
 */
export class WebhookDispatcher {
  readonly #context: WebhookDispatcherContext;
  readonly #retryDelaysMs: readonly number[];
  readonly #deadlineMs: number;
  readonly #running = new Set<Promise<void>>();
  readonly #aborts = new Set<() => void>();
  #held: SandboxWebhookNotification | undefined;
  #stopped = false;

  constructor(context: WebhookDispatcherContext) {
    this.#context = context;
    this.#retryDelaysMs = context.target.retryDelaysMs ?? context.scheme.retryDelaysMs;
    this.#deadlineMs = context.target.deadlineMs ?? context.scheme.deadlineMs;
  }

  /** Queues a notification for delivery. */
  publish(notification: SandboxWebhookNotification): void {
    if (this.#stopped) return;
    const held = this.#held;
    if (held !== undefined) {
      // The held-back delivery goes out once the newer one has had its first answer: out of order.
      this.#held = undefined;
      this.#start(notification, () => this.#start(held));
      return;
    }
    if (this.#draw(this.#context.target.outOfOrderRate)) {
      this.#held = notification;
      return;
    }
    this.#start(notification);
  }

  /** Resolves once every delivery under way (a held-back one included) has succeeded or been given up. */
  async settled(): Promise<void> {
    const held = this.#held;
    if (held !== undefined) {
      this.#held = undefined;
      this.#start(held);
    }
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  /** Stops delivering: pending retries are dropped and attempts under way aborted. */
  stop(): void {
    this.#stopped = true;
    this.#held = undefined;
    for (const abort of this.#aborts) abort();
  }

  #draw(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.#context.random() < rate;
  }

  #start(notification: SandboxWebhookNotification, afterFirstAttempt?: () => void): void {
    this.#track(this.#deliver(notification, false, afterFirstAttempt));
    if (this.#draw(this.#context.target.duplicateRate)) this.#track(this.#deliver(notification, true));
  }

  #track(delivery: Promise<void>): void {
    this.#running.add(delivery);
    void delivery.finally(() => this.#running.delete(delivery));
  }

  async #deliver(
    notification: SandboxWebhookNotification,
    duplicate: boolean,
    afterFirstAttempt?: () => void,
  ): Promise<void> {
    for (let attempt = 1; !this.#stopped; attempt++) {
      const delivered = await this.#attempt(notification, attempt, duplicate);
      if (attempt === 1) afterFirstAttempt?.();
      const delay = this.#retryDelaysMs[attempt - 1];
      if (delivered || delay === undefined) return;
      await this.#wait(delay);
    }
  }

  async #attempt(
    notification: SandboxWebhookNotification,
    attempt: number,
    duplicate: boolean,
  ): Promise<boolean> {
    const { platform, scheme, target, now } = this.#context;
    const at = now();
    const controller = new AbortController();
    const abort = () => controller.abort();
    this.#aborts.add(abort);
    const deadline = setTimeout(abort, this.#deadlineMs);
    let status: number | undefined;
    let error: string | undefined;
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { ...notification.headers, ...scheme.sign(notification.body, target.secret, at) },
        body: notification.body,
        signal: controller.signal,
        redirect: 'manual',
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (failure) {
      error = controller.signal.aborted
        ? `no answer within ${this.#deadlineMs} ms`
        : failure instanceof Error
          ? failure.message
          : String(failure);
    } finally {
      clearTimeout(deadline);
      this.#aborts.delete(abort);
    }
    this.#context.record({
      platform,
      id: notification.id,
      event: notification.event,
      attempt,
      duplicate,
      status,
      error,
      at,
    });
    return status !== undefined && status >= 200 && status < 300;
  }

  /** Waits `ms` before a retry; `stop()` ends the wait at once. */
  #wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.#aborts.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.#aborts.add(finish);
    });
  }
}
