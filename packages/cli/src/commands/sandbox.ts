import { EXIT_CODES } from '../exit-codes';
import type { Output } from '../output/output';
import { platformsOf } from '../platforms/registry';

/** Options of `channelkit sandbox`. */
export interface SandboxOptions {
  readonly port: number;
  readonly seed: number;
}

/** One hosted platform, as `channelkit sandbox` prints it. */
interface HostedPlatform {
  /** The partner id, e.g. `zoom`. */
  readonly partner: string;
  /** The platform's name for people. */
  readonly name: string;
  /** Its URLs on the sandbox, by name, e.g. `baseUrl` and `oauthUrl`. */
  readonly urls: Readonly<Record<string, string>>;
  /** The variables that point its adapter at the sandbox: credentials and URLs. */
  readonly environment: Readonly<Record<string, string>>;
}

/** `NAME=value` quoted for a POSIX shell where needed. */
function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}

/** Each platform's variables are those its registry entry reads; any others go with the last platform. */
function byPlatform(
  names: readonly string[],
  urlsOf: (name: string) => Readonly<Record<string, string>>,
  environment: Readonly<Record<string, string>>,
): HostedPlatform[] {
  const unclaimed = new Map(Object.entries(environment));
  const hosted = names.map((partner) => {
    // Both modes of a platform (Zoom's Master Account and Partner Commerce) read their variables from one host.
    const entries = platformsOf(partner);
    const own: Record<string, string> = {};
    for (const setting of entries.flatMap((entry) => entry.settings)) {
      const value = unclaimed.get(setting.env);
      if (value === undefined) continue;
      own[setting.env] = value;
      unclaimed.delete(setting.env);
    }
    return { partner, name: entries[0]?.displayName ?? partner, urls: urlsOf(partner), environment: own };
  });
  const last = hosted.at(-1);
  if (last !== undefined && unclaimed.size > 0) {
    hosted[hosted.length - 1] = {
      ...last,
      environment: { ...last.environment, ...Object.fromEntries(unclaimed) },
    };
  }
  return hosted;
}

/**
 * `channelkit sandbox`: serves every platform the sandbox hosts on 127.0.0.1 until Ctrl-C or SIGTERM, and prints,
 * for each, its URLs and the environment variables (credentials and URLs) that point channelkit, or any program using
 * the adapters, at it: as `export` lines for a shell, or with `--json` as `{"url","seed","platforms","environment"}`.
 * The credentials printed are the sandbox's own, fake ones, which is why this is the one command that prints
 * credentials; the scrubber is bypassed for them alone.
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
  const platforms = byPlatform(running.sandbox.platforms, (name) => running.urls(name), environment);
  if (output.json) {
    output.outUnscrubbed(
      `${JSON.stringify({ url: running.url, seed: options.seed, platforms, environment })}\n`,
    );
  } else {
    output.err(
      `channelkit sandbox: ${platforms.map((platform) => platform.name).join(', ')} at ${running.url} ` +
        `(seed ${options.seed}); Ctrl-C stops it.\n` +
        'The credentials below are the sandbox’s own, not real ones. Paste the export lines into another terminal (or\n' +
        'eval them) to point channelkit, or your program, at the sandbox; they win over channelkit.config.json.\n\n',
    );
    output.outUnscrubbed(platforms.map(describePlatform).join('\n'));
  }
  await stopped;
  await running.close();
  return EXIT_CODES.ok;
}

/** A platform's URLs as shell comments, then its variables as `export` lines. */
function describePlatform(platform: HostedPlatform): string {
  const width = Math.max(0, ...Object.keys(platform.urls).map((name) => name.length));
  return [
    `# ${platform.name} (--partner ${platform.partner})`,
    ...Object.entries(platform.urls).map(([name, url]) => `#   ${name.padEnd(width)}  ${url}`),
    ...Object.entries(platform.environment).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
    '',
  ].join('\n');
}
