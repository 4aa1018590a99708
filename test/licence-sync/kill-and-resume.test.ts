import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHub, type HubDesiredLicence, type LicenceApplyReport } from '@channelkit/core';
import { type RunningSandbox, startSandbox } from '@channelkit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { hubOptions, PARTNER_PLATFORMS as SYNC_PLATFORMS } from './sync-platforms';

const child = fileURLToPath(new URL('./fixtures/apply-child.ts', import.meta.url));
const ACCOUNTS_PER_PLATFORM = 60; // across Zoom, Bizconf, Zhumu and Umeet

let running: RunningSandbox | undefined;
let folder: string | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Runs the apply child; with `killAfterWrites`, kills it with SIGKILL once the sandbox has applied that many writes. */
function runChild(
  args: string[],
  appliedWrites: () => number,
  killAfterWrites?: number,
): Promise<{ killed: boolean; report?: LicenceApplyReport }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@channelkit/source', child, ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    process_.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const watch =
      killAfterWrites === undefined
        ? undefined
        : setInterval(() => {
            if (appliedWrites() >= killAfterWrites) process_.kill('SIGKILL');
          }, 2);
    process_.on('exit', (code, signal) => {
      if (watch) clearInterval(watch);
      if (signal === 'SIGKILL') resolve({ killed: true });
      else if (code === 0) resolve({ killed: false, report: JSON.parse(stdout) as LicenceApplyReport });
      else reject(new Error(`apply child exited with ${String(code)}: ${stderr}`));
    });
  });
}

describe('licence apply killed with SIGKILL half-way, then resumed with the same state file', () => {
  for (const seed of [11, 12, 13]) {
    it(`ends in the desired state with no write repeated (seed ${seed})`, { timeout: 180_000 }, async () => {
      running = await startSandbox({
        seed,
        platforms: SYNC_PLATFORMS.map((platform) => platform.sandboxPlatform),
        faults: SYNC_PLATFORMS.flatMap((platform) => platform.faults(0.1)),
      });
      const { sandbox } = running;
      const urls = Object.fromEntries(
        SYNC_PLATFORMS.map((platform) => [platform.partner, running?.urls(platform.partner)]),
      );
      const desired: HubDesiredLicence[] = [];
      for (const platform of SYNC_PLATFORMS) {
        const ids = platform.seed(sandbox, ACCOUNTS_PER_PLATFORM, () => 5);
        ids.forEach((accountId, n) => {
          desired.push({ partner: platform.partner, accountId, seats: n % 4 === 0 ? 5 : 6 + (n % 9) });
        });
      }
      const hub = createHub(
        Object.fromEntries(
          SYNC_PLATFORMS.map((platform) => [platform.partner, platform.adapter(urls[platform.partner])]),
        ),
        hubOptions(SYNC_PLATFORMS),
      );
      const plan = await hub.licences.plan(desired);
      const changes = plan.actions.filter((action) => action.kind !== 'noop');
      folder = await mkdtemp(join(tmpdir(), 'channelkit-kill-'));
      const paths = {
        urls: join(folder, 'urls.json'),
        plan: join(folder, 'plan.json'),
        state: join(folder, 'state.journal'),
      };
      await writeFile(paths.urls, JSON.stringify(urls));
      await writeFile(paths.plan, JSON.stringify(plan));
      const args = [paths.urls, paths.plan, paths.state];
      const totalWrites = () =>
        SYNC_PLATFORMS.reduce((sum, platform) => sum + platform.appliedWrites(sandbox).total, 0);

      // Killed somewhere between a fifth and four fifths of the way, as drawn from the seed.
      const killAt = Math.floor(changes.length * (0.2 + ((seed * 7919) % 60) / 100));
      const first = await runChild(args, totalWrites, killAt);
      expect(first.killed).toBe(true);
      const writtenBeforeKill = totalWrites();
      expect(writtenBeforeKill).toBeGreaterThanOrEqual(killAt);
      expect(writtenBeforeKill).toBeLessThan(changes.length);

      let resumed = await runChild(args, totalWrites);
      // A change whose retries all met a fault fails; running the plan again finishes it, as a user would.
      for (let run = 0; run < 3 && !resumed.report?.complete; run += 1)
        resumed = await runChild(args, totalWrites);
      const report = resumed.report as LicenceApplyReport;
      expect(report.complete).toBe(true);
      expect(report.outcomes.filter((outcome) => outcome.resumed).length).toBeGreaterThan(0);

      for (const platform of SYNC_PLATFORMS) {
        const writes = platform.appliedWrites(sandbox);
        const actions = plan.actions.filter((item) => item.partner === platform.partner);
        for (const action of actions) {
          expect(platform.stateOf(sandbox, action.accountId)?.seats, action.id).toBe(action.after.seats);
          if (writes.byAccount === undefined) continue;
          expect(writes.byAccount.get(action.accountId) ?? 0, `writes applied to ${action.id}`).toBe(
            action.kind === 'noop' ? 0 : 1,
          );
        }
        expect(writes.total, `writes applied on ${platform.partner}`).toBe(
          actions.filter((action) => action.kind !== 'noop').length,
        );
      }
    });
  }
});
