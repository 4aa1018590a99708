import type { RateLimitFault, ServerErrorFault, TokenExpiredFault } from '../faults/fault-rule';
import type { RequestCategory, SandboxPlatformName } from '../sandbox-result';

/** A request a platform recognised as its own. */
export interface PlatformRequest {
  readonly platform: SandboxPlatformName;
  /** The path as the platform defines it, whatever the mount: `/v2/accounts`, `/oauth/token`. */
  readonly path: string;
  /** Rate-limit bucket; `undefined` for unknown endpoints. */
  readonly category: RequestCategory | undefined;
  /** Serves the request: authentication, rate limits, state changes. */
  execute(): Promise<Response>;
  /** Renders an injected fault in the platform's dialect. */
  faultResponse(fault: RateLimitFault | ServerErrorFault | TokenExpiredFault): Response;
}

/** Where a platform is mounted: its API base URL and OAuth token URL. */
export interface PlatformMount {
  readonly baseUrl: string;
  readonly oauthUrl: string;
}

/** A platform model: recognises its requests at any of its mounts. */
export interface Platform {
  readonly name: SandboxPlatformName;
  /** Returns the request's handler, or `undefined` when the URL is not under `mount`. */
  resolve(request: Request, url: URL, mount: PlatformMount): PlatformRequest | undefined;
}
