import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerChildConfig } from '../fixtures/worker-child';

const child = fileURLToPath(new URL('../fixtures/worker-child.ts', import.meta.url));

/** A worker child process. */
export interface WorkerProcess {
  readonly process: ChildProcess;
  /** Resolves with the exit code and signal. */
  readonly exited: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
}

/** Starts a worker child and waits until it takes jobs. */
export async function startWorkerProcess(config: WorkerChildConfig): Promise<WorkerProcess> {
  const process_ = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@channelkit/source', child, JSON.stringify(config)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  process_.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => process_.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  await new Promise<void>((resolve, reject) => {
    process_.stdout?.on('data', (chunk) => {
      stdout += String(chunk);
      if (stdout.includes('ready\n')) resolve();
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`worker exited before it was ready (${String(code ?? signal)}): ${stderr}`)),
    );
  });
  return { process: process_, exited };
}
