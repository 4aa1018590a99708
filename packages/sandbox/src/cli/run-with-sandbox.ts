import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { startSandbox } from '../server/start-sandbox';

/** Options of {@link runWithSandbox}. */
export interface RunWithSandboxOptions {
  /** Sandbox seed. */
  readonly seed: number;
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Where notices go (never the child's stdout); `undefined` for none. */
  readonly notice: ((line: string) => void) | undefined;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Starts the loopback sandbox, runs `command` with the adapters' environment variables pointing at it (on top of the
 * caller's environment), stops the sandbox when the command ends, and resolves to the command's exit code (128 + the
 * signal number when a signal ended it). Signals sent to this process are passed on to the command.
 */
export async function runWithSandbox(
  command: string,
  args: readonly string[],
  options: RunWithSandboxOptions,
): Promise<number> {
  const running = await startSandbox({ seed: options.seed, port: options.port });
  try {
    const environment = running.environment();
    options.notice?.(
      `channelkit-sandbox: ${running.sandbox.platforms.join(', ')} sandbox at ${running.url}; ` +
        `${Object.keys(environment).join(', ')} set for: ${[command, ...args].join(' ')}`,
    );
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, ...environment },
      // Windows resolves `npm`, `npx` and other .cmd shims only through a shell.
      shell: process.platform === 'win32',
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of SIGNALS) process.on(signal, forward);
    try {
      return await new Promise<number>((resolve, reject) => {
        child.once('error', (error) =>
          reject(new Error(`channelkit-sandbox could not start '${command}': ${error.message}`)),
        );
        child.once('exit', (code, signal) => {
          if (code !== null) resolve(code);
          else resolve(128 + (signal ? constants.signals[signal] : 1));
        });
      });
    } finally {
      for (const signal of SIGNALS) process.off(signal, forward);
    }
  } finally {
    await running.close();
  }
}
