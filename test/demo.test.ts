import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

// The demo is the first thing a new user runs: it must keep working, end to end, in its own process.
it('runs the demo against the sandbox and exits cleanly', async () => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--conditions=@channelkit/source', 'examples/demo/src/main.ts'],
    { cwd: root, timeout: 60_000 },
  );

  expect(stdout).toContain('repeated with the same key → same account: true');
  expect(stdout).toMatch(/↻ GET \/accounts\/\S+\/plans\/usage failed \(503\); retry 1/);
  expect(stdout).toContain('purchased=40');
  expect(stdout).toContain('ValidationError on admin.email');
  expect(stdout).toMatch(/ValidationError on profile\.country: .*Bizconf, Suirui Zhumu and Systec Umeet/);
  expect(stdout).toContain('requests sent: 0');
  expect(stdout).toContain('accounts on the platform: 3');
});
