import { createClient, type Logger } from '@channelkit/core';
import { startSandbox } from '@channelkit/sandbox';
import type { ChannelEvent, ProvisionAccountInput } from '@channelkit/types';
import { zoom } from '@channelkit/zoom';
import { describeEvent } from './describe-event';
import { startReceiver } from './receiver';

// A reseller's webhook receiver, fed by the sandbox: the sandbox's platforms notify it of changes, signed as the
// real platforms sign them, with the duplicates, reordering and retries the real platforms produce, and the receiver
// prints each change once, as a typed event.

const ZOOM_SECRET = 'example-zoom-webhook-secret';
const refusals: Logger = {
  debug() {},
  info() {},
  warn: (message) => console.log(`  receiver: ${message}`),
  error: (message) => console.log(`  receiver: ${message}`),
};

const received: ChannelEvent[] = [];
const receiver = await startReceiver(
  {
    // The receiving side needs only the webhook secret; it never calls the platform.
    zoom: createClient(
      zoom({ accountId: 'n/a', clientId: 'n/a', clientSecret: 'n/a', webhookSecretToken: ZOOM_SECRET }),
      {
        logger: refusals,
      },
    ),
  },
  (event) => {
    received.push(event);
    console.log(`event: ${describeEvent(event)}`);
  },
);

const running = await startSandbox({
  seed: 7,
  webhooks: {
    zoom: {
      url: receiver.urlFor('zoom'),
      secret: ZOOM_SECRET,
      duplicateRate: 0.5,
      outOfOrderRate: 0.5,
      retryDelaysMs: [20, 40, 80],
    },
  },
});

try {
  const validation = await running.sandbox.webhooks.validate('zoom');
  console.log(`zoom URL validation answered: ${validation.valid}`);

  // Changes made on the platform (by this program here; by anyone in real life) are notified to the receiver.
  const platform = createClient(zoom(running.credentials.zoom));
  const customers: ProvisionAccountInput[] = [1, 2, 3].map((n) => ({
    profile: {
      legalName: `Example Trading ${n} Pte. Ltd.`,
      country: 'SG',
      industry: 'retail',
      employeeCount: '11-50',
    },
    admin: { firstName: 'Mei', lastName: 'Tan', email: `admin${n}@example.com.sg`, mobile: '+6591234567' },
  }));
  const accounts = [];
  for (const customer of customers) accounts.push(await platform.accounts.provision(customer));
  const closing = accounts[2];
  if (closing) await platform.accounts.close(closing.id);

  await running.sandbox.webhooks.settled();
  // Events are emitted right after each answer; let the last ones through.
  await new Promise((resolve) => setImmediate(resolve));

  const deliveries = running.sandbox.webhooks.deliveries;
  const duplicates = deliveries.filter((delivery) => delivery.duplicate).length;
  console.log(
    `deliveries: ${deliveries.length} (${duplicates} duplicates); events printed: ${received.length}`,
  );
  console.log(
    `each change printed once: ${new Set(received.map((event) => event.id)).size === received.length}`,
  );
} finally {
  await running.close();
  await receiver.close();
}
