import type { Output } from '../output/output';
import { UsageError } from './cli-errors';

/** `@channelkit/bullmq`'s module, loaded only by the commands that use a queue. */
export type BullmqModule = typeof import('@channelkit/bullmq');

/**
 * Checks a `--queue` URL (Redis or PostgreSQL) before anything connects, and adds its password to the output's
 * scrubber: a connection URL often carries one, and it must not reach a message or a log line.
 */
export function checkQueueUrl(url: string, output: Output): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL('invalid:');
  }
  if (!/^(redis|rediss|postgres|postgresql):$/.test(parsed.protocol)) {
    throw new UsageError(
      '--queue must be a redis:// or rediss:// URL (Redis) or a postgres:// or postgresql:// URL (PostgreSQL), e.g. --queue redis://127.0.0.1:6379',
    );
  }
  if (parsed.password !== '') output.addSecrets([parsed.password, decodeURIComponent(parsed.password)]);
  return url;
}

/**
 * Loads `@channelkit/bullmq` on first use: the commands that need no queue do not pay for BullMQ and its database
 * clients at start-up.
 */
export function loadBullmq(): Promise<BullmqModule> {
  return import('@channelkit/bullmq');
}
