import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

// Real servers on 127.0.0.1 for what msw cannot show: sockets closing, bodies streamed over the wire,
// requests that reach (or never reach) another origin.

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Starts a loopback server closed after the test; resolves with its origin, e.g. `http://127.0.0.1:41234`. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A request as a loopback server saw it. */
export interface SeenRequest {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
}

/** A loopback server that records every request and answers each with `respond` (404 when omitted). */
export async function recorder(respond?: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: SeenRequest[] = [];
  const origin = await listen((req, res) => {
    seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
    if (respond) respond(req, res);
    else res.writeHead(404).end();
  });
  return { origin, seen };
}
