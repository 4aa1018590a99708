import { createHash } from 'node:crypto';

/**
 * The queue of one platform and master account (the adapter's idempotency scope): `channelkit-<partner>-<scope>`,
 * the scope reduced to safe characters and followed by a short hash of itself, so that two scopes never share a
 * queue and any scope makes a valid queue name.
 */
export function queueNameOf(partner: string, scope: string | undefined): string {
  const raw = scope ?? '';
  const safe = raw.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const digest = createHash('sha256').update(`${partner}\0${raw}`).digest('hex').slice(0, 10);
  return `channelkit-${partner.replace(/[^A-Za-z0-9_-]/g, '_')}-${safe}-${digest}`;
}

/** A BullMQ job id from an idempotency key: BullMQ refuses ':' in custom ids, so separators become '.'. */
export function jobIdOf(idempotencyKey: string): string {
  return idempotencyKey.replaceAll(':', '.');
}

/** The job id of a provisioning: a digest of the platform, master account and the caller's idempotency key. */
export function provisionJobIdOf(partner: string, scope: string | undefined, idempotencyKey: string): string {
  return `provision.${createHash('sha256')
    .update(`${partner}\0${scope ?? ''}\0${idempotencyKey}`)
    .digest('hex')
    .slice(0, 40)}`;
}
