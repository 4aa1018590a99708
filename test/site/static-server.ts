import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A static file server for a built site, on a free port of 127.0.0.1. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir` as it would be hosted: files by path, 404 for anything else, loopback only. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  // Cacheable, as a host would serve it: every page shares typedoc's scripts and styles, which the browser then
  // loads once instead of once per page.
  const serve = sirv(dir, { maxAge: 3600 });
  const server: Server = createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
