import { spawn } from 'node:child_process';

/** What a finished command printed. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** Options of {@link run}. */
export interface RunOptions {
  cwd?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Show the command's output as it runs instead of capturing it (long installs and test runs). */
  inherit?: boolean | undefined;
}

/**
 * Runs a command without a shell and resolves with its output; rejects with an error that carries the command
 * line, the exit code and what it printed, so a failure explains itself.
 */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve({ stdout, stderr });
      const printed = `${stdout}${stderr}`.trim();
      const how = signal ? `was killed by ${signal}` : `exited with ${code}`;
      reject(new Error(`\`${[command, ...args].join(' ')}\` ${how}${printed ? `:\n${printed}` : ''}`));
    });
  });
}
