import { EXIT_CODES } from '../exit-codes';
import type { Output } from '../output/output';

/** Options of `channelkit sandbox`. */
export interface SandboxOptions {
  readonly port: number;
  readonly seed: number;
}

/** `NAME=value` quoted for a POSIX shell where needed. */
function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * `channelkit sandbox`: serves every platform the sandbox hosts on 127.0.0.1 until Ctrl-C or SIGTERM, and prints the
 * environment variables that point channelkit (or any program using the adapters) at it: as `export` lines for a
 * shell, or with `--json` as `{"url","platforms","environment"}`. The credentials printed are the sandbox's own,
 * fake ones, which is why this is the one command that prints credentials; the scrubber is bypassed for them alone.
 */
export async function sandboxCommand(output: Output, options: SandboxOptions): Promise<number> {
  // Loaded here only: the sandbox (and msw beneath it) is not needed by any other command.
  const { startSandbox } = await import('@channelkit/sandbox');
  const running = await startSandbox({ port: options.port, seed: options.seed });
  // Listen for the stop signals before printing, so a caller that reacts to the output can stop it at once.
  const stopped = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  const environment = running.environment();
  const platforms = running.sandbox.platforms;
  if (output.json) {
    output.outUnscrubbed(`${JSON.stringify({ url: running.url, platforms, environment })}\n`);
  } else {
    output.err(
      `channelkit sandbox: ${platforms.join(', ')} at ${running.url} (seed ${options.seed}); Ctrl-C stops it.\n` +
        'The credentials below are the sandbox’s own, not real ones. Paste these lines into another terminal to point\n' +
        'channelkit (or your program) at the sandbox; the environment wins over channelkit.config.json:\n\n',
    );
    output.outUnscrubbed(
      Object.entries(environment)
        .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
        .join(''),
    );
  }
  await stopped;
  await running.close();
  return EXIT_CODES.ok;
}
