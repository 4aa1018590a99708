import type { UmeetSandboxCredentials } from './umeet-controls';

/** Options of the in-memory Umeet: `umeetSandboxPlatform(options)`. */
export interface UmeetSandboxOptions {
  /** Overrides of the accepted OAuth credentials. Default `UMEET_SANDBOX_CREDENTIALS`. */
  readonly credentials?: Partial<UmeetSandboxCredentials>;
  /** Lifetime of issued access tokens, seconds. Default 7200. */
  readonly tokenTtlSeconds?: number;
  /**
   * How long provisioning runs after `POST /accounts` answers 202, in milliseconds of the sandbox clock. Default 0:
   * the first poll of the status URL finds it finished.
   */
  readonly provisioningDelayMs?: number;
  /**
   * How long Systec takes to verify a provisioned account's business licence, in milliseconds of the sandbox clock,
   * or `'manual'` to leave accounts `pending_verification` until `controls.verify()` or `controls.reject()`.
   * Default 0: verified as soon as provisioned.
   */
  readonly verificationDelayMs?: number | 'manual';
  /** The seat cap of new accounts, the partner's default under its agreement with Systec. Default 500. */
  readonly defaultSeatCap?: number;
}
