import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArguments } from '../src/cli/cli-arguments';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = ['--import', 'tsx', '--conditions=@channelkit/source', 'packages/sandbox/src/cli.ts'];

/** Runs `channelkit-sandbox` from its sources; resolves with its exit code and output, whatever the code. */
async function sandboxCli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...cli, ...args], { cwd: root, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// A program that uses the environment the way an adapter does: a token from ZOOM_OAUTH_URL, then the API.
const client = `
const env = process.env;
const basic = Buffer.from(env.ZOOM_CLIENT_ID + ':' + env.ZOOM_CLIENT_SECRET).toString('base64');
const token = await fetch(env.ZOOM_OAUTH_URL, {
  method: 'POST',
  headers: { authorization: 'Basic ' + basic, 'content-type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=account_credentials&account_id=' + env.ZOOM_ACCOUNT_ID,
}).then((response) => response.json());
const listed = await fetch(env.ZOOM_API_URL + '/accounts', {
  headers: { authorization: 'Bearer ' + token.access_token },
}).then((response) => response.json());
console.log(JSON.stringify({ api: env.ZOOM_API_URL, total: listed.total_records }));
`;

describe('channelkit-sandbox run', () => {
  it('runs the command against a live sandbox, with the adapters’ variables set', async () => {
    const result = await sandboxCli('run', '--', process.execPath, '--input-type=module', '-e', client);

    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout.trim()) as { api: string; total: number };
    expect(printed.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/zoom\/v2$/);
    expect(printed.total).toBe(0);
    // Its own notice goes to stderr, so the command's output stays the command's.
    // Every platform of the package is hosted by default, Zoom first.
    expect(result.stderr).toMatch(/channelkit-sandbox: zoom(, [a-z-]+)* sandbox at http:\/\/127\.0\.0\.1:/);
    expect(result.stderr).toContain('ZOOM_API_URL');
    expect(result.stderr).toContain('BIZCONF_BASE_URL');
  });

  it('exits with the command’s exit code and prints nothing of its own with --quiet', async () => {
    const result = await sandboxCli('run', '--quiet', '--', process.execPath, '-e', 'process.exit(7)');
    expect(result).toMatchObject({ code: 7, stdout: '', stderr: '' });
  });

  it('accepts the command without --, and says when it cannot start it', async () => {
    expect((await sandboxCli('run', '--quiet', process.execPath, '-e', '')).code).toBe(0);
    const missing = await sandboxCli('run', '--quiet', '--', 'channelkit-no-such-command');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("could not start 'channelkit-no-such-command'");
  });

  it('refuses a mistake with the usage and exit code 2', async () => {
    const result = await sandboxCli('start');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown command 'start'");
    expect(result.stderr).toContain('channelkit-sandbox run');
  });
});

describe('channelkit-sandbox serve', () => {
  it('prints shell exports and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [...cli, 'serve', '--seed', '3'], { cwd: root });
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('ZOOM_OAUTH_URL')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve ended early (${code})`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');

    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^export ZOOM_ACCOUNT_ID=sandbox-master$/m);
    expect(stdout).toMatch(/^export ZOOM_API_URL=http:\/\/127\.0\.0\.1:\d+\/zoom\/v2$/m);
  });
});

describe('parseCliArguments', () => {
  it('reads run, its options and the command', () => {
    expect(
      parseCliArguments(['run', '--seed', '9', '--port', '0', '--', 'node', 'quickstart.mjs', '--flag']),
    ).toEqual({
      kind: 'run',
      seed: 9,
      port: 0,
      quiet: false,
      command: 'node',
      args: ['quickstart.mjs', '--flag'],
    });
    expect(parseCliArguments([])).toEqual({ kind: 'help' });
    expect(parseCliArguments(['serve'])).toEqual({ kind: 'serve', seed: 1, port: 0 });
  });

  it('names what is wrong', () => {
    expect(() => parseCliArguments(['run'])).toThrow(CliUsageError);
    expect(() => parseCliArguments(['run', '--port', '70000', '--', 'node'])).toThrow(
      '--port needs a whole number from 0 to 65535, got 70000.',
    );
    expect(() => parseCliArguments(['serve', '--quiet'])).toThrow("Unknown option '--quiet' for serve.");
  });
});
