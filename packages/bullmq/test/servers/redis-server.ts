// Starts a real redis-server for a test file: on a free loopback port, persistence off, in a temporary directory.
// The binary comes from the machine's package manager (Debian: `apt-get install -y redis-server`); nothing is
// downloaded. Without it, Redis tests are skipped with a line saying how to install it, and fail when CI is set.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port';

/** The command that installs redis-server (Debian and Ubuntu). */
export const INSTALL_REDIS = 'apt-get install -y redis-server';

/** The redis-server on the PATH (or `REDIS_SERVER_PATH`), if any. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.REDIS_SERVER_PATH
    ? [env.REDIS_SERVER_PATH]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'redis-server'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

/** Why Redis tests cannot run here, or `undefined` when they can. With CI set, they must run: the caller fails. */
export const redisMissing: string | undefined =
  findRedisServer() === undefined ? `redis-server not found; install it with: ${INSTALL_REDIS}` : undefined;

/** A running redis-server. */
export interface RunningRedis {
  /** `redis://127.0.0.1:<port>`, or `redis://:<password>@127.0.0.1:<port>`. */
  readonly url: string;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

/** Options of {@link startRedis}. */
export interface StartRedisOptions {
  /** A password the server requires (`requirepass`); the URL then carries it. @default none */
  password?: string | undefined;
}

/** Starts redis-server on a free loopback port without persistence, and waits until it answers PING. */
export async function startRedis(options: StartRedisOptions = {}): Promise<RunningRedis> {
  const binary = findRedisServer();
  if (binary === undefined) throw new Error(`redis-server not found; install it with: ${INSTALL_REDIS}`);
  const dir = await mkdtemp(join(tmpdir(), 'channelkit-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--maxmemory-policy',
      'noeviction',
      ...(options.password === undefined ? [] : ['--requirepass', options.password]),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const auth = options.password === undefined ? '' : `:${encodeURIComponent(options.password)}@`;
  const url = `redis://${auth}127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {}); // refused until the server listens; the loop below retries
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`redis-server exited: ${stderr}`);
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch (error) {
      probe.disconnect();
      if (attempt > 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  probe.disconnect();
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
