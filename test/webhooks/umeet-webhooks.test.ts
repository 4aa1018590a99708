import { createClient, type Logger } from '@channelkit/core';
import { type RunningSandbox, startSandbox, umeetSandboxPlatform } from '@channelkit/sandbox';
import { mainlandChinaCustomer } from '@channelkit/sandbox/conformance';
import { umeet } from '@channelkit/umeet';
import { afterEach, describe, expect, it } from 'vitest';
import { emitted, receive } from './webhook-receiver';

// End to end over HTTP: the sandbox's Umeet signs its events (Umeet-Signature t=,v1=) and delivers them, with
// duplicates, reordering and retries, to a real node handler.

const SECRET = 'umeet-endpoint-secret';
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setUp(target: Record<string, unknown> = {}, secret = SECRET) {
  const receiver = await receive(
    createClient(umeet({ clientId: 'n/a', clientSecret: 'n/a', webhookSecret: SECRET }), { logger: quiet }),
  );
  closers.push(receiver.close);
  const running: RunningSandbox = await startSandbox({
    platforms: [umeetSandboxPlatform()],
    webhooks: { umeet: { url: receiver.url, secret, retryDelaysMs: [5, 5], ...target } },
  });
  closers.push(() => running.close());
  const env = running.environment();
  const platform = createClient(
    umeet({
      clientId: env.UMEET_CLIENT_ID,
      clientSecret: env.UMEET_CLIENT_SECRET,
      baseUrl: env.UMEET_API_URL,
      tokenUrl: env.UMEET_TOKEN_URL,
    }),
    { logger: quiet },
  );
  return { receiver, running, platform };
}

describe('Umeet webhooks from the sandbox to a node handler', () => {
  it('delivers an account lifecycle and a licence change as typed events, each once', async () => {
    const { receiver, running, platform } = await setUp({ duplicateRate: 0.5, outOfOrderRate: 0.3 });
    const account = await platform.accounts.provision(mainlandChinaCustomer(1, 10));
    await platform.licences.set(account.id, { seats: 25 });
    await platform.accounts.suspend(account.id);
    await platform.accounts.resume(account.id);
    await platform.accounts.close(account.id);
    await platform.accounts.list().collect({ limit: 5 }); // one more request: the sandbox notices the last change
    await running.sandbox.webhooks.settled();
    await emitted(receiver.events, 7);
    const seen = receiver.events.map((event) =>
      event.type === 'account.changed'
        ? `${event.change}:${event.status ?? ''}`
        : event.type === 'licence.changed'
          ? `licence:${event.current.seats.purchased}:${event.current.status}`
          : event.type,
    );
    expect([...seen].sort()).toEqual(
      [
        'closed:closed',
        'created:active',
        'licence:25:active',
        'licence:25:cancelled',
        'status_changed:active',
        'status_changed:active',
        'status_changed:suspended',
      ].sort(),
    );
    expect(new Set(receiver.events.map((event) => event.id)).size).toBe(receiver.events.length);
    for (const event of receiver.events) expect(event).toMatchObject({ partner: 'umeet' });
    expect(
      receiver.events.every((event) => event.type !== 'account.changed' || event.accountId === account.id),
    ).toBe(true);
  });

  it('retries failed deliveries and gives up on a wrong secret', async () => {
    const { receiver, running, platform } = await setUp({}, 'not-the-endpoint-secret');
    await platform.accounts.provision(mainlandChinaCustomer(2, 5));
    await running.sandbox.webhooks.settled();
    const attempts = running.sandbox.webhooks.deliveries.filter(
      (delivery) => delivery.event === 'account.provisioned',
    );
    expect(attempts.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 401],
      [2, 401],
      [3, 401],
    ]);
    expect(receiver.events).toEqual([]);
  });
});
