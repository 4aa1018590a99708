import { createRedactor, DEFAULT_TIMEOUT_MS, type Redactor } from '@channelkit/core';

/** What the operations share: where the API lives, the provisioning bounds, and a redactor for platform text. */
export class UmeetScope {
  /** API base URL without a trailing slash. */
  readonly baseUrl: string;
  /** Plan for provision inputs that name none. */
  readonly defaultPlan: string;
  /** How long provisioning is followed, in milliseconds. */
  readonly provisioningTimeoutMs: number;
  /** The most status polls per provisioning. */
  readonly maxStatusPolls: number;
  /** The transport's per-attempt timeout, so that a status poll never outlives the provisioning deadline. */
  transportTimeoutMs: number = DEFAULT_TIMEOUT_MS;
  #secrets: () => readonly string[];
  /** Hides the client secret and every access token in text that came from the platform. */
  readonly redactor: Redactor;

  constructor(settings: {
    baseUrl: string;
    defaultPlan: string;
    provisioningTimeoutMs: number;
    maxStatusPolls: number;
    clientSecret: string;
  }) {
    this.baseUrl = settings.baseUrl;
    this.defaultPlan = settings.defaultPlan;
    this.provisioningTimeoutMs = settings.provisioningTimeoutMs;
    this.maxStatusPolls = settings.maxStatusPolls;
    const { clientSecret } = settings;
    this.#secrets = () => [clientSecret];
    this.redactor = createRedactor(() => this.#secrets());
  }

  /** Uses the auth strategy's list of secrets (the client secret and recent access tokens) from now on. */
  useSecrets(secrets: () => readonly string[]): void {
    this.#secrets = secrets;
  }
}
