import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

// The README's quick start, as a new user meets it: the packages built and packed as npm would publish them,
// installed into a fresh `npm init -y` project (CommonJS by default), the code block saved verbatim as the README
// says, and run with the README's own command against the sandbox. The README cannot drift from what works.

const execute = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['packages/types', 'packages/core', 'packages/adapters/zoom', 'packages/sandbox'];
let workspace: string | undefined;

afterAll(async () => {
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

/** The child environment: no pnpm script variables (npm would read them as its own configuration). */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|https?_proxy|proxy|noproxy|cafile|strict_ssl)$/i;
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_)/i.test(name) || keep.test(name)),
  ) as NodeJS.ProcessEnv;
}

async function sh(command: string, args: string[], cwd: string, timeout = 300_000) {
  return execute(command, args, { cwd, timeout, env: cleanEnvironment(), maxBuffer: 16 * 1024 * 1024 });
}

/** The Quick start section of the README: its JavaScript block and its `channelkit-sandbox run` command. */
async function readQuickStart() {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Quick start\n');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  const file = /Save this as `([\w.-]+\.mjs)`/.exec(section)?.[1];
  const command = /^npx channelkit-sandbox run .+$/m.exec(section)?.[0];
  if (start < 0 || !code || !file || !command) {
    throw new Error(
      'README.md has no Quick start with a js block, a "Save this as `<file>.mjs`" and a run command',
    );
  }
  return { code, file, command };
}

async function registryReachable(): Promise<string | undefined> {
  try {
    await sh('npm', ['ping', '--fetch-timeout=20000', '--fetch-retries=0'], root, 60_000);
    return undefined;
  } catch (error) {
    return String((error as { stderr?: string }).stderr || error)
      .trim()
      .split('\n')
      .slice(-3)
      .join(' ');
  }
}

it('runs the README quick start as written, from packed packages in a fresh npm project, against the sandbox (and ships documented types)', async (context) => {
  const quickStart = await readQuickStart();
  const unreachable = await registryReachable();
  if (unreachable !== undefined) {
    const reason = `npm cannot reach its registry, which the quick-start test needs to install zod, axios and msw: ${unreachable}`;
    console.warn(`skipped: ${reason}`);
    context.skip(reason);
  }

  // Build and pack exactly what would be published.
  await sh(
    'pnpm',
    [
      '--filter',
      '@channelkit/types',
      '--filter',
      '@channelkit/core',
      '--filter',
      '@channelkit/zoom',
      '--filter',
      '@channelkit/sandbox',
      'run',
      'build',
    ],
    root,
  );
  workspace = await mkdtemp(join(tmpdir(), 'channelkit-quickstart-'));
  const tarballs = join(workspace, 'tarballs');
  await mkdir(tarballs);
  for (const dir of packages) await sh('pnpm', ['pack', '--pack-destination', tarballs], join(root, dir));
  const packed = (await readdir(tarballs))
    .filter((name) => name.endsWith('.tgz'))
    .map((name) => join(tarballs, name));
  expect(packed).toHaveLength(4);

  // A fresh project, as `npm init -y` makes it: CommonJS unless told otherwise, hence the README's `.mjs`.
  const app = join(workspace, 'app');
  await mkdir(app);
  await sh('npm', ['init', '-y'], app);
  const manifest = JSON.parse(await readFile(join(app, 'package.json'), 'utf8')) as { type?: string };
  expect(manifest.type).not.toBe('module');
  await sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packed], app);

  // What editors show on hover: the published declarations keep the named interfaces and their field docs.
  for (const flavour of ['d.ts', 'd.cts']) {
    const types = await readFile(join(app, `node_modules/@channelkit/types/dist/index.${flavour}`), 'utf8');
    expect(types).toMatch(
      /interface ProvisionAccountInput \{\n\s+\/\*\* The customer: [^\n]*\*\/\n\s+profile: EnterpriseProfile;/,
    );
    expect(types).toMatch(/interface Contact \{\n\s+\/\*\* Given name, [^\n]*\*\/\n\s+firstName: string;/);
    const core = await readFile(join(app, `node_modules/@channelkit/core/dist/index.${flavour}`), 'utf8');
    expect(core).toContain(
      'provision(input: ProvisionAccountInput, options?: RequestOptions): Promise<EnterpriseAccount>;',
    );
    expect(core).toContain(
      'set(accountId: string, change: LicenceChange, options?: RequestOptions): Promise<LicenceState>;',
    );
  }

  await writeFile(join(app, quickStart.file), quickStart.code);
  const { stdout, stderr } = await sh('sh', ['-c', quickStart.command], app, 120_000);

  const lines = stdout.trim().split('\n');
  expect(lines[0]).toBe('account.provisioned: Example Pte. Ltd.');
  expect(lines[1]).toMatch(/^listed: \S+ Example Pte\. Ltd\.$/);
  expect(lines[2]).toBe('licence.changed: seats 40');
  expect(lines).toHaveLength(3);
  // The sandbox hosts every platform of the package by default, Zoom first.
  expect(stderr).toMatch(/channelkit-sandbox: zoom(, [a-z-]+)* sandbox at http:\/\/127\.0\.0\.1:/);
}, 900_000);
