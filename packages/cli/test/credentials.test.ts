import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, channelkit, seededSandbox, workFolder, writeInput } from './helpers';

// A credential of its own, so that finding it anywhere in the output can only mean it was printed.
const SECRET = 'ck-test-secret-7d41f0c29e8b4a35';
const WRONG = 'ck-wrong-secret-0b9e7c1d5a2f4e68';

function expectNoSecret(run: CliRun, ...secrets: string[]) {
  for (const secret of secrets) {
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).not.toContain(secret);
  }
}

describe('credentials are never printed', async () => {
  const sandbox = await seededSandbox(undefined, { zoom: { credentials: { clientSecret: SECRET } } });
  const cwd = await workFolder();
  const { ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_API_URL, ZOOM_OAUTH_URL } = sandbox.env;
  const zoom = {
    accountId: ZOOM_ACCOUNT_ID,
    clientId: ZOOM_CLIENT_ID,
    baseUrl: ZOOM_API_URL,
    oauthUrl: ZOOM_OAUTH_URL,
  };
  await writeInput(cwd, 'channelkit.config.json', {
    partners: { zoom: { ...zoom, clientSecret: SECRET } },
    state: 'state.journal',
  });
  const [shanghai = ''] = sandbox.ids;

  it('by any command working with a secret from the configuration file, nor in the files they write', async () => {
    const desired = await writeInput(cwd, 'seats.csv', `accountId,seats\n${shanghai},12\n`);
    const runs = [
      await channelkit(['accounts', 'list'], { cwd }),
      await channelkit(['accounts', 'list', '--json'], { cwd }),
      await channelkit(['accounts', 'get', shanghai, '--json'], { cwd }),
      await channelkit(['licences', 'get', shanghai], { cwd }),
      await channelkit(['licences', 'plan', '-d', desired, '-o', 'plan.json'], { cwd }),
      await channelkit(['licences', 'apply', 'plan.json', '--json'], { cwd }),
      await channelkit(['--help'], { cwd }),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    for (const run of runs) expectNoSecret(run, SECRET);
    for (const file of await readdir(cwd)) {
      if (file === 'channelkit.config.json') continue;
      expect(await readFile(join(cwd, file), 'utf8')).not.toContain(SECRET);
    }
  });

  it('when the platform refuses the credentials (the environment’s, which win over the file)', async () => {
    for (const args of [
      ['accounts', 'list'],
      ['accounts', 'list', '--json'],
      ['licences', 'get', shanghai, '--json'],
    ]) {
      const run = await channelkit(args, { cwd, env: { ZOOM_CLIENT_SECRET: WRONG } });
      expect(run.code).toBe(1);
      // accounts list --json reports a platform that failed in its document, beside the accounts of the others.
      expect(run.stdout + run.stderr).toMatch(/AuthenticationError|Invalid client_id or client_secret/);
      expectNoSecret(run, WRONG, SECRET);
    }
  });

  it('when a server echoes the credential back in its error', async () => {
    // A hostile token endpoint that answers with the Basic credentials it was sent, decoded.
    const server = createServer((request, response) => {
      const basic = Buffer.from(
        (request.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      ).toString();
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ reason: 'invalid_client', error: `bad credentials ${basic}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const oauthUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`;

    for (const args of [
      ['accounts', 'list'],
      ['accounts', 'list', '--json'],
    ]) {
      const run = await channelkit(args, { cwd, env: { ZOOM_OAUTH_URL: oauthUrl } });
      expect(run.code).toBe(1);
      expectNoSecret(run, SECRET);
    }
  });

  it('when the configuration file is refused', async () => {
    const folder = await workFolder();
    // An option that is not one: named by its key, its value not echoed.
    await writeInput(folder, 'channelkit.config.json', {
      partners: { zoom: { ...zoom, client_secret: SECRET } },
    });
    const unknown = await channelkit(['accounts', 'list'], { cwd: folder });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'field "partners.zoom.client_secret": is not an option of this platform',
    );
    expectNoSecret(unknown, SECRET);

    // JSON broken right after the secret: the parser's own message would quote the text around the error.
    await writeInput(
      folder,
      'channelkit.config.json',
      `{ "partners": { "zoom": { "clientSecret": "${SECRET}", } } }`,
    );
    const broken = await channelkit(['accounts', 'list', '--json'], { cwd: folder });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('channelkit.config.json');
    expect(broken.stderr).toContain('is not valid JSON');
    expectNoSecret(broken, SECRET);
  });
});

describe('configuration', async () => {
  const sandbox = await seededSandbox();
  const [shanghai = ''] = sandbox.ids;

  it('the environment wins over channelkit.config.json', async () => {
    const cwd = await workFolder();
    await writeInput(cwd, 'channelkit.config.json', {
      partners: { zoom: { accountId: 'another-master', baseUrl: 'http://127.0.0.1:9/nothing-here' } },
    });
    const run = await channelkit(['licences', 'get', shanghai, '--json'], { cwd, env: sandbox.env });
    expect(run.code).toBe(0);
  });

  it('reads channelkit.config.mjs (its default export), and the state file it names', async () => {
    const cwd = await workFolder();
    await writeInput(
      cwd,
      'channelkit.config.mjs',
      `export default { state: 'journal/sync.journal', concurrency: 2, partners: { zoom: ${JSON.stringify({
        accountId: sandbox.env.ZOOM_ACCOUNT_ID,
        clientId: sandbox.env.ZOOM_CLIENT_ID,
        clientSecret: sandbox.env.ZOOM_CLIENT_SECRET,
        baseUrl: sandbox.env.ZOOM_API_URL,
        oauthUrl: sandbox.env.ZOOM_OAUTH_URL,
      })} } };\n`,
    );
    const desired = await writeInput(cwd, 'seats.csv', `accountId,seats\n${shanghai},11\n`);
    expect((await channelkit(['licences', 'plan', '-d', desired, '-o', 'plan.json'], { cwd })).code).toBe(0);
    expect((await channelkit(['licences', 'apply', 'plan.json'], { cwd })).code).toBe(0);
    expect(await readdir(join(cwd, 'journal'))).toContain('sync.journal');
    expect(sandbox.seatsOf(shanghai)).toBe(11);
  });

  it('reads channelkit.config.ts where Node.js strips types, and says what to use where it does not', async () => {
    const cwd = await workFolder();
    await writeInput(
      cwd,
      'channelkit.config.ts',
      `const config: { partners: Record<string, Record<string, string>> } = { partners: { zoom: ${JSON.stringify(
        {
          accountId: sandbox.env.ZOOM_ACCOUNT_ID,
          clientId: sandbox.env.ZOOM_CLIENT_ID,
          clientSecret: sandbox.env.ZOOM_CLIENT_SECRET,
          baseUrl: sandbox.env.ZOOM_API_URL,
          oauthUrl: sandbox.env.ZOOM_OAUTH_URL,
        },
      )} } };\nexport default config;\n`,
    );
    const run = await channelkit(['licences', 'get', shanghai, '--json'], { cwd });
    const stripsTypes = Boolean((process.features as { typescript?: unknown }).typescript);
    if (stripsTypes) expect(run.code).toBe(0);
    else {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('channelkit.config.ts is TypeScript, which this Node.js');
      expect(run.stderr).toContain('channelkit.config.mjs');
    }
  });

  it('refuses an unknown setting by name, and two configuration files', async () => {
    const cwd = await workFolder();
    await writeInput(cwd, 'channelkit.config.json', { concurrenc: 4 });
    const unknown = await channelkit(['accounts', 'list'], { cwd, env: sandbox.env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('field "concurrenc": is not a setting');

    await writeInput(cwd, 'channelkit.config.mjs', 'export default {};\n');
    const two = await channelkit(['accounts', 'list'], { cwd, env: sandbox.env });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('Found channelkit.config.json and channelkit.config.mjs');
  });
});
