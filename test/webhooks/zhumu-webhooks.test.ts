import { createClient, type Logger } from '@channelkit/core';
import {
  type RunningSandbox,
  startSandbox,
  ZHUMU_SANDBOX_CREDENTIALS,
  zhumuSandboxPlatform,
} from '@channelkit/sandbox';
import { mainlandChinaCustomer } from '@channelkit/sandbox/conformance';
import { zhumu } from '@channelkit/zhumu';
import { afterEach, describe, expect, it } from 'vitest';
import { emitted, receive } from './webhook-receiver';

// End to end over HTTP: the sandbox's Zhumu signs its callbacks (X-Zhumu-Signature sha256=) with the api_secret and
// delivers them, with duplicates, reordering and retries, to a real node handler.

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setUp(
  target: Record<string, unknown> = {},
  secret: string = ZHUMU_SANDBOX_CREDENTIALS.apiSecret,
) {
  // The receiving side needs the partner key's secret only; it never calls Zhumu.
  const receiver = await receive(createClient(zhumu({ ...ZHUMU_SANDBOX_CREDENTIALS }), { logger: quiet }));
  closers.push(receiver.close);
  const running: RunningSandbox = await startSandbox({
    platforms: [zhumuSandboxPlatform()],
    webhooks: { zhumu: { url: receiver.url, secret, retryDelaysMs: [5, 5], ...target } },
  });
  closers.push(() => running.close());
  const env = running.environment();
  const platform = createClient(
    zhumu({
      apiKey: env.ZHUMU_API_KEY,
      apiSecret: env.ZHUMU_API_SECRET,
      baseUrl: env.ZHUMU_API_URL,
      pathPrefix: env.ZHUMU_PATH_PREFIX,
    }),
    { logger: quiet },
  );
  return { receiver, running, platform };
}

describe('Zhumu callbacks from the sandbox to a node handler', () => {
  it('delivers status and licence changes as typed events, each once', async () => {
    const { receiver, running, platform } = await setUp({ duplicateRate: 0.5, outOfOrderRate: 0.3 });
    const account = await platform.accounts.provision(mainlandChinaCustomer(1, 10));
    await platform.licences.set(account.id, { seats: 25 });
    await platform.accounts.suspend(account.id);
    await platform.accounts.resume(account.id);
    await platform.accounts.close(account.id);
    await running.sandbox.webhooks.settled();
    await emitted(receiver.events, 5);
    const kinds = receiver.events.map((event) =>
      event.type === 'account.changed'
        ? `${event.platformEvent}:${event.status ?? ''}`
        : event.type === 'licence.changed'
          ? `licence:${event.current.seats.purchased}`
          : event.type,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'enterprise.review_approved:active',
        'licence:25',
        'enterprise.suspended:suspended',
        'enterprise.resumed:active',
        'enterprise.cancelled:closed',
      ]),
    );
    expect(new Set(receiver.events.map((event) => event.id)).size).toBe(receiver.events.length);
  });

  it('gives up after the retries when the secret is wrong, emitting nothing', async () => {
    const { receiver, running, platform } = await setUp({}, 'not-the-api-secret');
    const account = await platform.accounts.provision(mainlandChinaCustomer(2, 5));
    await platform.licences.set(account.id, { seats: 8 });
    await running.sandbox.webhooks.settled();
    const attempts = running.sandbox.webhooks.deliveries.filter(
      (delivery) => delivery.event === 'licence.changed',
    );
    expect(attempts.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 401],
      [2, 401],
      [3, 401],
    ]);
    expect(receiver.events).toEqual([]);
  });
});
