/** The partner API key and secret the sandbox's Zhumu accepts. */
export interface ZhumuSandboxCredentials {
  /** Partner API key, the `api_key` form field. */
  readonly apiKey: string;
  /** Partner API secret, the `api_secret` form field. */
  readonly apiSecret: string;
}

/**
 * An enterprise's status code on Zhumu: `0` pending review of the business licence (待审核), `1` active (正常), `2`
 * review rejected (审核未通过), `3` suspended by the partner (已停用), `4` locked by Zhumu (已锁定), `5` cancelled
 * (已注销).
 */
export type ZhumuEnterpriseStatusCode = 0 | 1 | 2 | 3 | 4 | 5;

/** Licence plans the sandbox's Zhumu sells: `business` (monthly, no seat limit) and `trial` (30 days, 10 seats). */
export type ZhumuPlan = 'business' | 'trial';

/** A licence's status code: `1` active, `2` expired (a trial past its end), `3` cancelled (with its enterprise). */
export type ZhumuLicenceStatusCode = 1 | 2 | 3;

/** The licence of an enterprise: one plan, a seat count and the seats in use. */
export interface ZhumuSandboxLicence {
  /** Plan code. */
  readonly plan: ZhumuPlan;
  /** Seats bought. */
  readonly seats: number;
  /** Seats held by the enterprise's users; seats can never be set below it. */
  readonly seatsUsed: number;
  /** The most seats the plan allows (`trial`: 10), `undefined` for no limit. */
  readonly seatLimit: number | undefined;
  /** First day, `YYYY-MM-DD` in Beijing time. */
  readonly startDate: string;
  /** Last day (`trial`: 29 days after the start), `undefined` for open-ended. */
  readonly endDate: string | undefined;
  /** Whether the licence renews by itself (`business`: monthly, yes; `trial`: no). */
  readonly autoRenew: boolean;
  /** Licence status. */
  readonly status: ZhumuLicenceStatusCode;
}

/** An enterprise account of the sandbox's Zhumu, as stored. */
export interface ZhumuSandboxEnterprise {
  /** Enterprise id. */
  readonly id: string;
  /** Legal name. */
  readonly name: string;
  /** Unified Social Credit Code, upper case. */
  readonly creditCode: string;
  /** Status code. */
  readonly status: ZhumuEnterpriseStatusCode;
  /** Why the review was rejected or the enterprise locked, when it was. */
  readonly statusReason: string | undefined;
  /** The administrator's e-mail (a Zhumu user, unique across Zhumu). */
  readonly adminEmail: string;
  /** The administrator's given name. */
  readonly adminFirstName: string;
  /** The administrator's family name. */
  readonly adminLastName: string;
  /** The administrator's mainland mobile number, 11 digits without `+86`. */
  readonly adminMobile: string;
  /** Industry. */
  readonly industry: string;
  /** Employee-count band, e.g. `51-250`, when given. */
  readonly employeeCount: string | undefined;
  /** Web site, when given. */
  readonly website: string | undefined;
  /** Province, when given. */
  readonly province: string | undefined;
  /** City, when given. */
  readonly city: string | undefined;
  /** Street address, when given. */
  readonly address: string | undefined;
  /** Six-digit postal code, when given. */
  readonly postalCode: string | undefined;
  /** The partner's own reference, when given. */
  readonly externalId: string | undefined;
  /** Creation time, epoch milliseconds. */
  readonly createdAt: number;
  /** Last change, epoch milliseconds. */
  readonly updatedAt: number;
  /** The licence. */
  readonly licence: ZhumuSandboxLicence;
}

/** Input of {@link ZhumuSandboxControls.createEnterprise}; everything but the name and code has a default. */
export interface ZhumuSandboxEnterpriseInput {
  /** Legal name. */
  readonly name: string;
  /** Unified Social Credit Code (not checked here). */
  readonly creditCode: string;
  /** Status code. Default `1` (active). */
  readonly status?: ZhumuEnterpriseStatusCode;
  /** Administrator e-mail. Default `admin@<id>.example.cn`. */
  readonly adminEmail?: string;
  /** Partner reference. */
  readonly externalId?: string;
  /** Plan. Default `business`. */
  readonly plan?: ZhumuPlan;
  /** Seats. Default 0. */
  readonly seats?: number;
  /** Seats in use. Default 0. */
  readonly seatsUsed?: number;
}

/** Options of the sandbox's Zhumu: `zhumuSandboxPlatform(options)`. */
export interface ZhumuSandboxOptions {
  /** Overrides of the accepted API key and secret. Default `ZHUMU_SANDBOX_CREDENTIALS`. */
  readonly credentials?: Partial<ZhumuSandboxCredentials>;
  /** The path prefix the API answers under. Default `/v3`. */
  readonly pathPrefix?: string;
  /**
   * How business-licence reviews end: `auto` approves each new enterprise once `reviewDelayMs` has passed (seen by
   * the next request that reads it); `manual` leaves every review to {@link ZhumuSandboxControls.review}.
   * Default `auto`.
   */
  readonly review?: 'auto' | 'manual';
  /** Milliseconds (of the sandbox clock) an automatic review takes. Default 0: approved by the next request. */
  readonly reviewDelayMs?: number;
}

/**
 * Test controls of the sandbox's Zhumu: seed and inspect enterprises without the API. Controls skip the API's
 * validation and rules on purpose, so tests can build any state. Returned objects are snapshots.
 */
export interface ZhumuSandboxControls {
  /** The partner credentials this Zhumu accepts. */
  readonly credentials: ZhumuSandboxCredentials;
  /** The path prefix the API answers under, e.g. `/v3`. */
  readonly pathPrefix: string;
  /** Every enterprise ever created, in creation order, cancelled ones included. */
  listEnterprises(): ZhumuSandboxEnterprise[];
  /** One enterprise by id, or `undefined`. */
  getEnterprise(id: string): ZhumuSandboxEnterprise | undefined;
  /** Creates an enterprise directly, as if the partner had created it earlier (no review, unless `status` is 0). */
  createEnterprise(input: ZhumuSandboxEnterpriseInput): ZhumuSandboxEnterprise;
  /** Sets an enterprise's status code (and reason), whatever the transition. */
  setStatus(id: string, status: ZhumuEnterpriseStatusCode, reason?: string): ZhumuSandboxEnterprise;
  /** Ends the business-licence review of an enterprise pending review: approved (active) or rejected. */
  review(id: string, outcome: 'approved' | 'rejected', reason?: string): ZhumuSandboxEnterprise;
  /** Sets how many seats the enterprise's users hold (may exceed the seats, as after a seat decrease elsewhere). */
  setSeatsUsed(id: string, count: number): ZhumuSandboxEnterprise;
  /** Registers an e-mail as an existing Zhumu user outside any of the partner's enterprises. */
  addUser(email: string): void;
}
