import { createHash } from 'node:crypto';
import { canonicalJson } from '../idempotency/fingerprint';
import type { LicenceAction, LicencePlan } from './licence-plan';

const PREFIX = 'sha256:';

/** `sha256:` and the hex SHA-256 of the canonical JSON of a plan without its `hash`. */
export function hashLicencePlan(plan: Omit<LicencePlan, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...content } = plan;
  return PREFIX + createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * The idempotency key of one action of a plan: derived from the plan's hash and the action's canonical JSON, so the
 * same action of the same plan always has the same key, in every process and run. It reaches the platform's
 * adapter (as a header where the platform honours one), names the action in the state store, and gives the
 * `licence.changed` event of its write a stable id.
 * @example
 * licenceActionKey(plan.hash, plan.actions[0]); // 'licence-sync:5f2c…:9a41…'
 */
export function licenceActionKey(planHash: string, action: LicenceAction): string {
  const plan = planHash.startsWith(PREFIX) ? planHash.slice(PREFIX.length) : planHash;
  const digest = createHash('sha256').update(canonicalJson(action)).digest('hex').slice(0, 32);
  return `licence-sync:${plan}:${digest}`;
}
