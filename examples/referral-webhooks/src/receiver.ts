import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChannelClient } from '@channelkit/core';
import type { ChannelEvent } from '@channelkit/types';

/** A running webhook receiver: one path per platform, e.g. `/webhooks/zoom`. */
export interface Receiver {
  /** The URL of a platform's path, e.g. `http://127.0.0.1:4321/webhooks/zoom`. */
  urlFor(platform: string): string;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Serves `POST /webhooks/<platform>` for each client given, with the client's node handler, and calls `onEvent` with
 * every typed event the clients emit. Everything else is 404.
 */
export async function startReceiver(
  clients: Readonly<Record<string, ChannelClient>>,
  onEvent: (event: ChannelEvent) => void,
): Promise<Receiver> {
  const handlers = new Map<string, ReturnType<ChannelClient['webhooks']['nodeHandler']>>(
    Object.entries(clients).map(([platform, client]) => {
      client.on('account.changed', onEvent).on('licence.changed', onEvent).on('referral.changed', onEvent);
      return [`/webhooks/${platform}`, client.webhooks.nodeHandler()] as const;
    }),
  );
  const server: Server = createServer((req, res) => {
    const handler = handlers.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    urlFor: (platform) => `${origin}/webhooks/${platform}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
