import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelClient } from '@channelkit/core';
import type { ChannelEvent } from '@channelkit/types';

/** A real HTTP server serving one client's node handler, collecting the events it emits. */
export async function receive(
  client: ChannelClient,
  before?: (req: IncomingMessage, res: ServerResponse) => boolean,
): Promise<{ url: string; events: ChannelEvent[]; close(): Promise<void> }> {
  const events: ChannelEvent[] = [];
  for (const type of ['account.changed', 'licence.changed', 'referral.changed'] as const) {
    client.on(type, (event) => events.push(event));
  }
  const handler = client.webhooks.nodeHandler();
  const server = createServer((req, res) => {
    if (before?.(req, res)) return;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until `events` holds `count` events (emission follows each answer). */
export async function emitted(events: readonly unknown[], count: number): Promise<void> {
  while (events.length < count) await new Promise((resolve) => setImmediate(resolve));
}
