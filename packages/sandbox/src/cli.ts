#!/usr/bin/env node
import { version } from '../package.json';
// `channelkit-sandbox`: run a program against the loopback sandbox, without credentials or network.
import { CliUsageError, parseCliArguments, USAGE } from './cli/cli-arguments';
import { runWithSandbox } from './cli/run-with-sandbox';
import { startSandbox } from './server/start-sandbox';

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCliArguments(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'run':
      return runWithSandbox(command.command, command.args, {
        seed: command.seed,
        port: command.port,
        notice: command.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
      });
    case 'serve': {
      const running = await startSandbox({ seed: command.seed, port: command.port });
      // Listen for the stop signal before printing, so a caller that reacts to the output can stop it at once.
      const stopped = new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      for (const [name, value] of Object.entries(running.environment())) {
        process.stdout.write(`export ${name}=${shellQuote(value)}\n`);
      }
      process.stderr.write(`channelkit-sandbox: serving at ${running.url}; Ctrl-C stops it.\n`);
      await stopped;
      await running.close();
      return 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliUsageError) {
      process.stderr.write(`channelkit-sandbox: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`channelkit-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
