import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningSandbox, startSandbox } from '@channelkit/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres } from './start-postgres';

const script = (name: string) => fileURLToPath(new URL(`../src/${name}`, import.meta.url));
let postgres: Awaited<ReturnType<typeof startPostgres>>;
let running: RunningSandbox;
let folder: string;
beforeAll(async () => {
  [postgres, running, folder] = await Promise.all([
    startPostgres(),
    startSandbox({ seed: 3, rateLimits: { zoom: { light: 80, medium: 60, heavy: 40 } } }),
    mkdtemp(join(tmpdir(), 'channelkit-example-')),
  ]);
});
afterAll(async () => {
  await running?.close();
  await postgres?.stop();
  await rm(folder, { recursive: true, force: true });
});

function start(
  name: string,
  args: string[],
): { child: ChildProcess; output: Promise<{ code: number | null; stdout: string }> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@channelkit/source', script(name), ...args],
    {
      env: { ...process.env, ...running.environment(), DATABASE_URL: postgres.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const output = new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout: stdout + stderr })),
  );
  return { child, output };
}

it('a producer and two workers apply a licence sync through PostgreSQL, each change written once', async () => {
  const desired = Array.from({ length: 30 }, (_, n) => {
    const account = running.sandbox.zoom.createAccount({ email: `owner-${n}@example.com` });
    running.sandbox.zoom.setPlan(account.id, { type: 'business_monthly', hosts: 5 });
    return { accountId: account.id, seats: 10 + n };
  });
  const desiredFile = join(folder, 'desired.json');
  await writeFile(desiredFile, JSON.stringify(desired));

  const workers = [start('worker.ts', []), start('worker.ts', [])];
  const producer = start('producer.ts', [desiredFile]);
  const result = await producer.output;
  expect(result.code, result.stdout).toBe(0);
  expect(JSON.parse(result.stdout.split('\n').find((line) => line.startsWith('{')) ?? '{}')).toMatchObject({
    actions: 30,
    applied: 30,
    failed: 0,
    notDone: 0,
  });

  for (const worker of workers) worker.child.kill('SIGTERM');
  const outputs = await Promise.all(workers.map((worker) => worker.output));
  for (const output of outputs) {
    expect(output.code).toBe(0);
    expect(output.stdout).toContain('worker closed');
  }
  // Both workers took part, and each change was written once.
  expect(outputs.every((output) => /: applied/.test(output.stdout))).toBe(true);
  for (const row of desired) {
    expect(running.sandbox.zoom.getAccount(row.accountId)?.plan?.hosts).toBe(row.seats);
    const writes = running.sandbox.requests.filter(
      (record) =>
        record.method === 'PUT' &&
        record.path === `/v2/accounts/${row.accountId}/plans/base` &&
        record.status !== undefined &&
        record.status < 300,
    );
    expect(writes).toHaveLength(1);
  }
});
