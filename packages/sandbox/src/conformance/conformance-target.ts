import type { PartnerAdapter } from '@channelkit/core';
import type { PartnerId } from '@channelkit/types';
import type { Sandbox } from '../create-sandbox';
import type { FaultRule } from '../faults/fault-rule';
import type { SandboxOptions, SandboxRateLimits } from '../sandbox-options';
import type { RunningSandbox } from '../server/start-sandbox';

/** Matches one kind of request in fault rules: a method and a path. */
export type RequestMatcher = Pick<FaultRule, 'method' | 'path'>;

/** Connection details of a sandboxed platform, as an adapter factory takes them. */
export interface SandboxConnection {
  /** The platform's credentials accepted by the sandbox. */
  readonly accountId: string;
  /** OAuth client id. */
  readonly clientId: string;
  /** OAuth client secret. */
  readonly clientSecret: string;
  /** API base URL. */
  readonly baseUrl: string;
  /** OAuth token URL. */
  readonly oauthUrl: string;
}

/**
 * What the conformance suite needs to know about one sandboxed platform: how its requests look and how to
 * arrange state the API itself cannot (e.g. users holding licences).
 */
export interface PlatformConformanceProfile {
  /** The platform. */
  readonly partner: PartnerId;
  /** The request that creates an account (target of the ambiguous-failure tests). */
  readonly createAccountRequest: RequestMatcher;
  /** The request `accounts.get` sends (target of the fault tests). */
  readonly getAccountRequest: RequestMatcher;
  /** Connection details when served by msw at the platform's real URLs. */
  mswConnection(): SandboxConnection;
  /** Connection details when served by `startSandbox()`. */
  httpConnection(running: RunningSandbox): SandboxConnection;
  /** Sandbox rate limits of `perSecond` requests per second in every category of the platform. */
  rateLimits(perSecond: number): SandboxRateLimits;
  /** Makes `count` licences of an account assigned, as the platform's users would. */
  assignSeats(sandbox: Sandbox, accountId: string, count: number): void;
}

/** One adapter run through the conformance suite. */
export interface ConformanceTarget {
  /** Shown in test titles. */
  readonly name: string;
  /** The sandboxed platform the adapter speaks to. */
  readonly platform: PlatformConformanceProfile;
  /** Serve the sandbox with msw in-process, or over real HTTP on loopback. */
  readonly over: 'msw' | 'http';
  /** Builds the adapter under test for a connection (e.g. `(connection) => zoom(connection)`). */
  connect(connection: SandboxConnection): PartnerAdapter;
}

/** A fresh sandbox world for one test. */
export interface ConformanceWorld {
  /** State, faults and the request log. */
  readonly sandbox: Sandbox;
  /** Connection details the adapter should use. */
  readonly connection: SandboxConnection;
  /** Stops serving. */
  close(): Promise<void>;
}

/** Options of a world: sandbox options such as rate limits. */
export type ConformanceWorldOptions = Omit<SandboxOptions, 'faults'>;
