import type { PartnerAdapter } from '@channelkit/core';
import type { PartnerId, ProvisionAccountInput, ReferralInput, ReferralStatus } from '@channelkit/types';
import type { Sandbox } from '../create-sandbox';
import type { FaultRule } from '../faults/fault-rule';
import type { PlatformUrls } from '../platform/platform-urls';
import type { SandboxPlatform } from '../platform/sandbox-platform';
import type { RequestRecord } from '../request-record';
import type { SandboxOptions } from '../sandbox-options';

/** Matches one kind of request in fault rules: a method and a path. */
export type RequestMatcher = Pick<FaultRule, 'method' | 'path'>;

/** A connection with a wrong secret, and every form of that secret that must never be printed. */
export interface WrongCredentials<Connection> {
  /** The connection, with a secret the platform refuses. */
  readonly connection: Connection;
  /**
   * The wrong secret and every form of it that could leak (e.g. the Base64 of `clientId:secret` in a Basic header):
   * the suite checks that none appears in the error's message, stack or JSON.
   */
  readonly secrets: readonly string[];
}

/**
 * What the conformance suite needs to know about one sandboxed platform: where the sandbox hosts it, how the adapter
 * connects to it, what a valid customer looks like there, how its requests look, and how to arrange state the API
 * itself cannot (e.g. users holding licences). `Connection` is whatever the adapter's factory takes.
 */
export interface PlatformConformanceProfile<Connection = unknown> {
  /** The platform, as adapters and events name it. */
  readonly partner: PartnerId;
  /** The sandbox platform that models it (hosted alone in each test's sandbox). */
  readonly sandboxPlatform: SandboxPlatform;
  /** The request that creates an account (target of the ambiguous-failure tests). */
  readonly createAccountRequest: RequestMatcher;
  /** The request `accounts.get` sends (target of the fault tests). */
  readonly getAccountRequest: RequestMatcher;
  /**
   * The adapter's connection settings for the platform served at `urls` (its real URLs under msw, the loopback URLs
   * over HTTP) by `sandbox`: credentials it accepts, and the URLs.
   */
  connection(urls: PlatformUrls, sandbox: Sandbox): Connection;
  /** The same connection with a secret the platform refuses, for the credential tests. */
  wrongCredentials(connection: Connection): WrongCredentials<Connection>;
  /**
   * A valid customer of this platform; `n` makes the admin (the account owner on most platforms) and the name
   * unique, `seats` are the first licences. Mainland platforms need a mainland customer with a Unified Social Credit
   * Code ({@link mainlandChinaCustomer}); Zoom one outside the mainland ({@link internationalCustomer}).
   */
  customer(n: number, seats?: number): ProvisionAccountInput;
  /** Makes `count` licences of an account assigned, as the platform's users would. */
  assignSeats(sandbox: Sandbox, accountId: string, count: number): void;
  /**
   * Whether a recorded request changes state, for the tests that check nothing was written. Default: every request
   * but a `GET`, a token request (category `oauth`) and the profile's `readOnlyRequests`. A platform that reads through `POST` (form or envelope APIs)
   * says which requests write, e.g. by their rate-limit category.
   */
  readonly isWrite?: ((request: RequestRecord) => boolean) | undefined;
  /**
   * Whether `licences.get` reports `seats.assigned`. @default true. Zoom Partner Commerce does not; there the suite
   * checks that it is left out, and that the platform's own refusal of fewer seats than `assignSeats` made comes back
   * as a `ValidationError` on `seats` before any write.
   */
  readonly reportsAssignedSeats?: boolean;
  /**
   * Requests that use a write method but only read (Zoom Partner Commerce: `POST /commerce/catalog` and
   * `POST /commerce/order/preview`): the suite's "nothing was written" checks ignore them.
   */
  readonly readOnlyRequests?: readonly RequestMatcher[];
  /** How the suite exercises referrals, on platforms whose adapter submits them (`capabilities.referrals.outbound`). */
  readonly referrals?: ReferralConformanceProfile;
}

/** What the conformance suite needs to exercise a platform's referrals. */
export interface ReferralConformanceProfile {
  /** A valid referral of this platform; `n` makes the opportunity and the customer unique. */
  input(n: number): ReferralInput;
  /** The request that submits a referral (target of the ambiguous-failure test). */
  readonly submitRequest: RequestMatcher;
  /**
   * Moves a referral to a unified state as only the platform can (its reviewers approving, returning or denying a
   * deal registration, a lead expiring...), through the sandbox's controls.
   */
  review(sandbox: Sandbox, referralId: string, to: ReferralStatus): void;
}

/** One adapter run through the conformance suite. */
export interface ConformanceTarget<Connection = unknown> {
  /** Shown in test titles. */
  readonly name: string;
  /** The sandboxed platform the adapter speaks to. */
  readonly platform: PlatformConformanceProfile<Connection>;
  /** Serve the sandbox with msw in-process, or over real HTTP on loopback. */
  readonly over: 'msw' | 'http';
  /** Builds the adapter under test for a connection (e.g. `(connection) => zoom(connection)`). */
  connect(connection: Connection): PartnerAdapter;
}

/** A fresh sandbox world for one test. */
export interface ConformanceWorld<Connection = unknown> {
  /** State, faults and the request log. */
  readonly sandbox: Sandbox;
  /** Connection details the adapter should use. */
  readonly connection: Connection;
  /** Stops serving. */
  close(): Promise<void>;
}

/** Options of a world: sandbox options such as rate limits (the platform is the profile's). */
export type ConformanceWorldOptions = Omit<SandboxOptions, 'faults' | 'platforms' | 'zoom'>;
