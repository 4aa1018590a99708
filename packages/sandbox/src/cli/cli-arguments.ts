/** What `channelkit-sandbox` was asked to do. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'serve'; readonly seed: number; readonly port: number }
  | {
      readonly kind: 'run';
      readonly seed: number;
      readonly port: number;
      readonly quiet: boolean;
      readonly command: string;
      readonly args: readonly string[];
    };

/** The usage text, printed by `--help` and after a mistake. */
export const USAGE = `Usage:
  channelkit-sandbox run [--seed <n>] [--port <n>] [--quiet] -- <command> [args...]
      Starts the sandbox on 127.0.0.1, runs <command> with the environment variables that point the adapters at
      it (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET, ZOOM_API_URL, ZOOM_OAUTH_URL), stops the sandbox
      when the command ends and exits with its exit code.
      Example: channelkit-sandbox run -- node quickstart.mjs
  channelkit-sandbox serve [--seed <n>] [--port <n>]
      Starts the sandbox and prints those variables as shell exports; Ctrl-C stops it.
  channelkit-sandbox --help | --version

Options:
  --seed <n>   seed of the sandbox's pseudo-random generator (ids, fault probabilities); default 1
  --port <n>   TCP port on 127.0.0.1; default 0 (a free port)
  --quiet      (run) print nothing of its own
`;

/** A mistake on the command line; the message says what to change. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

function integer(flag: string, value: string | undefined, min: number, max: number): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new CliUsageError(`${flag} needs a whole number from ${min} to ${max}, got ${value ?? 'nothing'}.`);
  }
  return parsed;
}

/** Parses `channelkit-sandbox`'s arguments (without `node` and the script). */
export function parseCliArguments(argv: readonly string[]): CliCommand {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') return { kind: 'help' };
  if (verb === '--version' || verb === '-v') return { kind: 'version' };
  if (verb !== 'run' && verb !== 'serve') {
    throw new CliUsageError(`Unknown command '${verb}': use 'run' or 'serve'.`);
  }
  let seed = 1;
  let port = 0;
  let quiet = false;
  let index = 0;
  for (; index < rest.length; index += 1) {
    const argument = rest[index];
    if (argument === '--') break;
    if (argument === '--seed') seed = integer('--seed', rest[++index], 0, 2 ** 32 - 1);
    else if (argument === '--port') port = integer('--port', rest[++index], 0, 65_535);
    else if (argument === '--quiet' && verb === 'run') quiet = true;
    else if (verb === 'run' && argument !== undefined && !argument.startsWith('-')) break;
    else throw new CliUsageError(`Unknown option '${argument}' for ${verb}.`);
  }
  if (verb === 'serve') return { kind: 'serve', seed, port };
  const [command, ...args] = rest.slice(rest[index] === '--' ? index + 1 : index);
  if (command === undefined) {
    throw new CliUsageError(
      "run needs a command after '--', e.g. channelkit-sandbox run -- node quickstart.mjs",
    );
  }
  return { kind: 'run', seed, port, quiet, command, args };
}
