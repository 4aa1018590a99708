import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CLI, channelkit, seededSandbox, workFolder, writeInput } from './helpers';

interface ReportJson {
  aborted: boolean;
  complete: boolean;
  totals: Record<string, number>;
}

describe('Ctrl-C during licences apply', async () => {
  const sandbox = await seededSandbox();
  const cwd = await workFolder();
  const { env, ids } = sandbox;
  const writes = () => sandbox.running.sandbox.requests.filter((request) => request.method === 'PUT');

  it('stops cleanly with exit code 130 and a report; the same command then finishes without writing twice', async () => {
    const desired = await writeInput(
      cwd,
      'seats.csv',
      `accountId,seats\n${ids.map((id) => `${id},30`).join('\n')}\n`,
    );
    expect(
      (await channelkit(['licences', 'plan', '-d', desired, '-o', 'plan.json'], { cwd, env })).code,
    ).toBe(0);
    // Every write hangs: the platform never answers, so the run is mid-write when it is interrupted.
    sandbox.running.sandbox.faults.add({ method: 'PUT', path: /\/plans\/base$/, fault: { kind: 'hang' } });

    const child = spawn(process.execPath, [CLI, 'licences', 'apply', 'plan.json', '--json'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Waits for the first write to reach the platform (an event, polled; no duration is asserted).
    while (writes().length === 0) await sleep(20);
    child.kill('SIGINT');

    expect(await exited).toBe(130);
    const report = JSON.parse(stdout) as ReportJson;
    expect(report).toMatchObject({ aborted: true, complete: false, totals: { applied: 0 } });
    expect(report.totals.notDone).toBeGreaterThan(0);

    sandbox.running.sandbox.faults.clear();
    const again = await channelkit(['licences', 'apply', 'plan.json', '--json'], { cwd, env });
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as ReportJson).complete).toBe(true);
    for (const id of ids) expect(sandbox.seatsOf(id)).toBe(30);
    // Hung writes never reached the platform's state; each account was written once, by the second run.
    const answered = writes().filter((request) => request.status !== undefined && request.status < 300);
    expect(answered).toHaveLength(ids.length);
  });
});
