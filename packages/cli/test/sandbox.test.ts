import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, channelkit, workFolder } from './helpers';

/** Starts `channelkit sandbox <args>`, waits for its first line on stdout, and returns what it printed once stopped. */
async function serveUntilPrinted(args: readonly string[], cwd: string, until: RegExp) {
  const child = spawn(process.execPath, [CLI, 'sandbox', ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (until.test(stdout)) resolve();
    });
    void exited.then((code) => reject(new Error(`channelkit sandbox ended early (${code}): ${stderr}`)));
  });
  const stop = () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { stdout, stderr, stop };
}

describe('channelkit sandbox', async () => {
  const cwd = await workFolder();

  it('prints each platform’s URLs and credentials as export lines, which point the other commands at it', async () => {
    const served = await serveUntilPrinted(['--seed', '3'], cwd, /UMEET_TOKEN_URL=.*\n/);
    try {
      for (const [name, partner] of [
        ['Zoom', 'zoom'],
        ['Bizconf', 'bizconf'],
        ['Suirui Zhumu', 'zhumu'],
        ['Systec Umeet', 'umeet'],
      ]) {
        expect(served.stdout).toMatch(new RegExp(`^# ${name} \\(--partner ${partner}\\)$`, 'm'));
      }
      expect(served.stdout).toMatch(/^# {3}baseUrl {3}http:\/\/127\.0\.0\.1:\d+\/zoom\/v2$/m);
      expect(served.stdout).toMatch(/^export ZOOM_ACCOUNT_ID=sandbox-master$/m);
      for (const secret of [
        'ZOOM_CLIENT_SECRET',
        'BIZCONF_APP_SECRET',
        'ZHUMU_API_SECRET',
        'UMEET_CLIENT_SECRET',
      ]) {
        expect(served.stdout).toMatch(new RegExp(`^export ${secret}=\\S+$`, 'm'));
      }
      // Each platform's variables follow its heading: Bizconf's between its heading and Zhumu's.
      const bizconf = served.stdout.slice(
        served.stdout.indexOf('# Bizconf'),
        served.stdout.indexOf('# Suirui Zhumu'),
      );
      expect(bizconf).toMatch(/^export BIZCONF_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/bizconf$/m);
      expect(served.stderr).toMatch(
        /^channelkit sandbox: Zoom, Bizconf, Suirui Zhumu, Systec Umeet at http:\/\/127\.0\.0\.1:\d+ \(seed 3\); Ctrl-C stops it\.$/m,
      );

      // The lines, as a shell would read them, are all another command needs.
      const env = Object.fromEntries(
        [...served.stdout.matchAll(/^export (\w+)=(\S+)$/gm)].map((match) => [
          match[1] ?? '',
          match[2] ?? '',
        ]),
      );
      const listed = await channelkit(['accounts', 'list', '--json'], { cwd, env });
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual({ accounts: [], errors: [] });
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('prints one JSON document with --json', async () => {
    const served = await serveUntilPrinted(['--json'], cwd, /\n/);
    try {
      const printed = JSON.parse(served.stdout) as {
        url: string;
        platforms: { partner: string; urls: Record<string, string>; environment: Record<string, string> }[];
        environment: Record<string, string>;
      };
      expect(printed.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(printed.platforms.map((platform) => platform.partner)).toEqual([
        'zoom',
        'bizconf',
        'zhumu',
        'umeet',
      ]);
      expect(printed.platforms[0]).toEqual({
        partner: 'zoom',
        name: 'Zoom',
        urls: { baseUrl: `${printed.url}/zoom/v2`, oauthUrl: `${printed.url}/zoom/oauth/token` },
        environment: expect.objectContaining({
          ZOOM_ACCOUNT_ID: 'sandbox-master',
          ZOOM_COMMERCE_API_URL: `${printed.url}/zoom/v2`,
        }),
      });
      // Every variable is under exactly one platform.
      const merged = Object.assign({}, ...printed.platforms.map((platform) => platform.environment));
      expect(merged).toEqual(printed.environment);
      expect(Object.keys(merged)).toHaveLength(
        printed.platforms.reduce((count, platform) => count + Object.keys(platform.environment).length, 0),
      );
    } finally {
      expect(await served.stop()).toBe(0);
    }
  });

  it('refuses a port out of range with exit code 2', async () => {
    const run = await channelkit(['sandbox', '--port', '70000'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('It must be a whole number from 0 to 65535.');
  });
});
