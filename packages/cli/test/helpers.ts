import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningSandbox, type StartSandboxOptions, startSandbox } from '@channelkit/sandbox';
import stringWidth from 'string-width';
import { afterAll } from 'vitest';

/** The built `channelkit` binary (test/build-once.ts builds it before the tests). */
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/** What one run of the binary did. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link channelkit}. */
export interface CliRunOptions {
  /** The working folder. */
  readonly cwd: string;
  /** Environment variables, over a bare environment (only `PATH`): nothing leaks in from the test's own. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs `channelkit <args>` as a user would: the built binary in its own process, stdin closed, stdout and stderr
 * pipes (so not a terminal). Resolves with the exit code and the output, whatever the code.
 */
export function channelkit(args: readonly string[], options: CliRunOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh temporary folder, removed after the file's tests. */
export async function workFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'channelkit-cli-'));
  afterAll(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/** Writes a file in `folder` and returns its name. */
export async function writeInput(folder: string, name: string, content: string | unknown): Promise<string> {
  await writeFile(
    join(folder, name),
    typeof content === 'string' ? content : JSON.stringify(content, null, 2),
  );
  return name;
}

/** A customer seeded on the sandbox's Zoom. */
export interface SeededAccount {
  readonly name: string;
  readonly seats: number;
  readonly assigned?: number;
}

/** The customers most tests start with: Chinese (full-width) and Latin names side by side. */
export const CUSTOMERS: readonly SeededAccount[] = [
  { name: '上海示例信息技术有限公司', seats: 10, assigned: 2 },
  { name: 'Acme Ltd', seats: 5 },
  { name: '北京示例', seats: 20, assigned: 3 },
];

/** A sandbox on loopback, seeded with Zoom sub-accounts, and the environment that points `channelkit` at it. */
export interface SeededSandbox {
  readonly running: RunningSandbox;
  /** The variables that point Zoom (Master Account) at the sandbox, and only Zoom. */
  readonly env: Record<string, string>;
  /** The variables of every platform the sandbox hosts (Zoom, Bizconf, Zhumu, Umeet). */
  readonly allEnv: Record<string, string>;
  /** The ids of the seeded accounts, in the order given. */
  readonly ids: readonly string[];
  /** Seats purchased on an account, as the sandbox holds them. */
  seatsOf(id: string): number | undefined;
  /** Requests the sandbox received so far that were not token requests. */
  apiRequests(): number;
}

/** Starts a sandbox with `customers` as Zoom sub-accounts on monthly plans, closed after the file's tests. */
export async function seededSandbox(
  customers: readonly SeededAccount[] = CUSTOMERS,
  options: StartSandboxOptions = {},
): Promise<SeededSandbox> {
  const running = await startSandbox({ seed: 7, ...options });
  afterAll(() => running.close());
  const zoom = running.sandbox.zoom;
  const ids = customers.map((customer, index) => {
    const account = zoom.createAccount({ email: `owner${index}@example.cn`, accountName: customer.name });
    zoom.setPlan(account.id, { type: 'business_monthly', hosts: customer.seats });
    for (let user = 0; user < (customer.assigned ?? 0); user++) {
      zoom.addUser(account.id, { email: `user${user}@account${index}.example.cn`, type: 2 });
    }
    return account.id;
  });
  const allEnv = running.environment();
  return {
    running,
    env: Object.fromEntries(Object.entries(allEnv).filter(([name]) => /^ZOOM_(?!COMMERCE_)/.test(name))),
    allEnv,
    ids,
    seatsOf: (id) => zoom.getAccount(id)?.plan?.hosts,
    apiRequests: () => running.sandbox.requests.filter((request) => request.category !== 'oauth').length,
  };
}

/**
 * The display column at which `marker` starts on each line that contains it. In an aligned table every row's cell of
 * a column starts at the same column, whatever the width of the characters before it (a Chinese character is two).
 */
export function displayColumnsOf(lines: readonly string[], marker: RegExp): number[] {
  return lines.flatMap((line) => {
    const match = marker.exec(line);
    return match === null ? [] : [stringWidth(line.slice(0, match.index))];
  });
}
