import { describe, expect, it } from 'vitest';
import { channelkit, workFolder } from './helpers';

const COMMANDS = [
  [],
  ['sandbox'],
  ['accounts'],
  ['accounts', 'list'],
  ['accounts', 'get'],
  ['accounts', 'provision'],
  ['licences'],
  ['licences', 'get'],
  ['licences', 'plan'],
  ['licences', 'apply'],
];

describe('channelkit --help', async () => {
  const cwd = await workFolder();

  it.each(COMMANDS.map((command) => [command.join(' ') || '(none)', command]))(
    'explains %s, on stdout, with exit code 0',
    async (_, command) => {
      const run = await channelkit([...(command as string[]), '--help'], { cwd });
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain(`Usage: channelkit${command.length > 0 ? ` ${command.join(' ')}` : ''}`);
      expect(run.stdout).toContain('-h, --help');
    },
  );

  it('lists the exit codes and the environment variables in the main help', async () => {
    const run = await channelkit(['--help'], { cwd });
    expect(run.stdout).toMatch(/^ {2}3 {4}needs a person/m);
    expect(run.stdout).toContain('ZOOM_CLIENT_SECRET');
  });

  it('prints the version', async () => {
    const run = await channelkit(['--version'], { cwd });
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });
});

describe('usage errors exit with 2 and say what to do', async () => {
  const cwd = await workFolder();

  it('refuses an unknown command, suggesting the near one', async () => {
    const run = await channelkit(['licences', 'aply'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("unknown command 'aply'");
    expect(run.stderr).toContain('apply');
  });

  it('refuses a missing required option and a bad number', async () => {
    const missing = await channelkit(['licences', 'plan'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '-d, --desired <file>' not specified");

    const concurrency = await channelkit(['licences', 'apply', 'plan.json', '--concurrency', '0'], { cwd });
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toContain('It must be a whole number from 1 to 1000.');
  });

  it('without a command, shows the help on stderr with exit code 2', async () => {
    const run = await channelkit([], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: channelkit');
  });

  it('names the variables to set when no platform is configured', async () => {
    const run = await channelkit(['accounts', 'list'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No platform is configured');
    expect(run.stderr).toContain('ZOOM_ACCOUNT_ID');
    expect(run.stderr).toContain('channelkit sandbox');
  });

  it('reports a usage error as JSON with --json', async () => {
    const run = await channelkit(['accounts', 'list', '--json'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const { error } = JSON.parse(run.stderr) as {
      error: { name: string; exitCode: number; message: string };
    };
    expect(error).toMatchObject({ name: 'UsageError', exitCode: 2 });
  });
});
