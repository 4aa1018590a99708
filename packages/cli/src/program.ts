import { ACCOUNT_STATUSES, type AccountStatus } from '@channelkit/types';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version } from '../package.json';
import { accountsGet, accountsList, accountsProvision } from './commands/accounts';
import { licencesApply } from './commands/licences-apply';
import { licencesGet } from './commands/licences-get';
import { licencesPlan } from './commands/licences-plan';
import { sandboxCommand } from './commands/sandbox';
import { worker } from './commands/worker';
import { EXIT_CODES } from './exit-codes';
import { UsageError } from './internal/cli-errors';
import {
  type CommandContext,
  DEFAULT_STATE_FILE,
  type Invocation,
  prepareContext,
} from './internal/command-context';
import { describeError } from './internal/describe-error';
import { createOutput } from './output/output';
import { CLI_PLATFORMS, knownPartners } from './platforms/registry';

/** A whole-number option between `min` and `max`. */
function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) {
      throw new InvalidArgumentError(`It must be a whole number from ${min} to ${max}.`);
    }
    return number;
  };
}

const EXIT_CODE_HELP = `
Exit codes:
  0    done
  1    failed (network, authentication, the platform, the state file)
  2    refused before any request: arguments, an input file or the configuration
  3    needs a person: plan rows that break a rule, or accounts changed since the plan (stale)
  4    partly done: some actions failed or were not done; run the same command again
  130  interrupted (Ctrl-C); what was done is recorded`;

function environmentHelp(): string {
  const lines = CLI_PLATFORMS.map((platform) => {
    const variables = platform.settings
      .map((setting) => `${setting.env}${setting.required ? '' : ' (optional)'}`)
      .join(', ');
    const choose = platform.configuredByEnvironment
      ? ''
      : ` (chosen by partners["${platform.id}"] in the file)`;
    return `  ${platform.displayName}, --partner ${platform.partner}${choose}:\n    ${variables}`;
  });
  return (
    '\nConfiguration: channelkit.config.json (or .mjs, .js, .ts) in this folder, or --config <file>, and these\n' +
    `environment variables, which win over the file (their values are never printed):\n${lines.join('\n')}`
  );
}

/**
 * Runs the `channelkit` command line with `argv` (the arguments after the command's name) and resolves to its exit
 * code. Results go to stdout, progress and messages to stderr; with `--json`, results and errors are JSON.
 */
export async function runCli(
  argv: readonly string[],
  invocation: Omit<Invocation, 'output'>,
): Promise<number> {
  const output = createOutput({ json: argv.includes('--json') });
  // Credentials in the environment are scrubbed from everything, help and errors included.
  const context = { ...invocation, output };
  let exitCode: number = EXIT_CODES.ok;
  let prepared: CommandContext | undefined;
  const program = new Command('channelkit');
  const withContext =
    <Args extends unknown[]>(run: (context: CommandContext, ...args: Args) => Promise<number>) =>
    async (...args: Args) => {
      prepared ??= await prepareContext(context, program.opts<{ config?: string }>().config);
      exitCode = await run(prepared, ...args);
    };

  program
    .description(
      'Accounts and licences on Zoom and the platforms that embed it: licence sync plans you review, then apply;\n' +
        'and a sandbox to try it all without credentials.',
    )
    .version(version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .option(
      '-c, --config <file>',
      'the configuration file (default: channelkit.config.json, .mjs, .js or .ts here)',
    )
    .addHelpText('after', `${environmentHelp()}\n${EXIT_CODE_HELP}\n`)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.out(text),
      writeErr: (text) => output.err(text),
      // Errors are reported once, below, in the output's format (text or JSON).
      outputError: () => {},
    });
  const json = () => new Option('--json', 'print the result as JSON (see the guide for its shape)');
  const partner = () =>
    new Option(
      '-p, --partner <partner>',
      `the platform (${knownPartners()}); needed when several are configured`,
    );
  const state = () =>
    new Option(
      '--state <file>',
      `the state file (default: the configuration's "state", else ${DEFAULT_STATE_FILE})`,
    );
  const progress = () => new Option('--no-progress', 'show no progress on stderr');
  const concurrency = () =>
    new Option('--concurrency <n>', 'accounts read or changed at once per platform (default 16)').argParser(
      wholeNumber(1, 1000),
    );

  program
    .command('sandbox')
    .description(
      'serve the sandbox (in-memory platforms) on 127.0.0.1 and print the variables that point channelkit at it',
    )
    .option('--port <n>', 'TCP port (default: a free one)', wholeNumber(0, 65_535), 0)
    .option('--seed <n>', 'seed of its generated ids and faults', wholeNumber(0, 2 ** 32 - 1), 1)
    .addOption(json())
    .action(async (options: { port: number; seed: number }) => {
      exitCode = await sandboxCommand(output, options);
    });

  const accounts = program.command('accounts').description('enterprise customer accounts');
  accounts
    .command('list')
    .description('list accounts (of every configured platform unless --partner)')
    .addOption(partner())
    .addOption(new Option('--status <status>', 'only accounts in this state').choices(ACCOUNT_STATUSES))
    .addOption(new Option('--limit <n>', 'at most this many accounts').argParser(wholeNumber(1, 10_000_000)))
    .addOption(json())
    .action(
      withContext(
        (ctx, options: { partner?: string; status?: AccountStatus; limit?: number; json?: boolean }) =>
          accountsList(ctx, options),
      ),
    );
  accounts
    .command('get')
    .description('show one account')
    .argument('<accountId>', "the platform's id of the account")
    .addOption(partner())
    .addOption(json())
    .action(withContext((ctx, id: string, options: { partner?: string }) => accountsGet(ctx, id, options)));
  accounts
    .command('provision')
    .description('create an account from a JSON file of its profile, admin and seats (safe to run again)')
    .argument('<input.json>', 'the account to create: { "profile": …, "admin": …, "seats": 25 }')
    .addOption(partner())
    .option(
      '--idempotency-key <key>',
      "the write's idempotency key (default: derived from the file's content)",
    )
    .addOption(state())
    .addOption(json())
    .action(
      withContext(
        (ctx, file: string, options: { partner?: string; idempotencyKey?: string; state?: string }) =>
          accountsProvision(ctx, file, options),
      ),
    );

  const licences = program.command('licences').description('licences (seats): read, plan a sync, apply it');
  licences
    .command('get')
    .description('show the plan and seats of accounts')
    .argument('<accountId...>', "the platform's ids of the accounts")
    .addOption(partner())
    .addOption(json())
    .action(
      withContext((ctx, ids: string[], options: { partner?: string }) => licencesGet(ctx, ids, options)),
    );
  licences
    .command('plan')
    .description(
      'plan a licence sync from a desired list: what would change, and what breaks a rule (reads only)',
    )
    .requiredOption(
      '-d, --desired <file>',
      'the desired list: CSV (partner,accountId,seats,plan,name) or JSON',
    )
    .option('-o, --out <plan.json>', 'save the plan, to review and then apply')
    .addOption(partner())
    .addOption(concurrency())
    .addOption(progress())
    .addOption(json())
    .addHelpText(
      'after',
      '\nExample:\n  channelkit licences plan --desired seats.csv --out plan.json\n  channelkit licences apply plan.json',
    )
    .action(
      withContext(
        (
          ctx,
          options: {
            desired: string;
            out?: string;
            partner?: string;
            concurrency?: number;
            progress: boolean;
          },
        ) => licencesPlan(ctx, options),
      ),
    );
  licences
    .command('apply')
    .description('apply a saved plan; run it again to resume, and nothing done is repeated')
    .argument('<plan.json>', 'a plan saved by licences plan --out')
    .addOption(concurrency())
    .addOption(state())
    .addOption(
      new Option(
        '--queue <url>',
        'enqueue the plan for `channelkit worker` processes (redis://… or postgres://…) and follow it',
      ),
    )
    .addOption(new Option('--no-wait', 'with --queue: enqueue, print the plan hash and return'))
    .addOption(progress())
    .addOption(json())
    .addHelpText(
      'after',
      '\nOn several machines:\n  channelkit worker --queue postgres://db.internal/channelkit   (on each worker machine)\n' +
        '  channelkit licences apply plan.json --queue postgres://db.internal/channelkit',
    )
    .action(
      withContext(
        (
          ctx,
          file: string,
          options: { concurrency?: number; state?: string; progress: boolean; queue?: string; wait: boolean },
        ) => licencesApply(ctx, file, options),
      ),
    );
  program
    .command('worker')
    .description(
      'run the jobs enqueued with licences apply --queue for the configured platforms, until SIGTERM or Ctrl-C',
    )
    .requiredOption('--queue <url>', 'where the jobs are: redis://… or postgres://…')
    .addOption(
      new Option('--concurrency <n>', 'jobs run at once per platform (default 16)').argParser(
        wholeNumber(1, 1000),
      ),
    )
    .action(withContext((ctx, options: { queue: string; concurrency?: number }) => worker(ctx, options)));
  for (const group of [accounts, licences]) group.addHelpCommand(false);

  try {
    if (argv.length === 0) {
      // No command is a usage error: the help goes to stderr, so that nothing reads it as a result.
      program.outputHelp({ error: true });
      return EXIT_CODES.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      if (error.exitCode === 0) return EXIT_CODES.ok;
      return report(output, new UsageError(`${error.message.replace(/^error: /, '')} (see --help)`));
    }
    return report(output, error);
  }
}

function report(output: ReturnType<typeof createOutput>, error: unknown): number {
  const described = describeError(error);
  if (output.json) output.err(`${JSON.stringify({ error: described })}\n`);
  else output.err(`channelkit: ${described.message}\n`);
  return described.exitCode;
}
