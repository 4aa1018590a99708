import { type RunningSandbox, type SandboxOptions, startSandbox } from '@channelkit/sandbox';
import type { S2SAuthToken, TokenStore } from '@zoom/rivet/users';
import { PublishedAnswers } from './published-answers';

// How Zoom's own Node SDK, `@zoom/rivet`, is pointed at the sandbox: the loopback server, Rivet's `baseUrl` option,
// and a token store that already holds an access token the sandbox issued, so no OAuth request is made (Rivet's
// token URL is fixed to zoom.us). Every Rivet client of the S2S kind (users, accounts, commerce...) takes the same
// options, so a test of another module starts from `rivetSandbox()` too.

/** Options every Rivet S2S client takes, filled for the sandbox, plus the `baseUrl` its endpoints honour. */
export interface RivetSandboxOptions {
  clientId: string;
  clientSecret: string;
  accountId: string;
  tokenStore: TokenStore<S2SAuthToken>;
  disableReceiver: true;
  baseUrl: string;
}

/** A loopback sandbox with what Rivet needs to talk to it, and a log of answers to check. */
export interface RivetSandbox {
  /** The running sandbox: controls, request log, faults. */
  readonly running: RunningSandbox;
  /** The sandbox's Zoom API base URL, `<origin>/zoom/v2`. */
  readonly baseUrl: string;
  /** The answers to check against Zoom's published types. */
  readonly answers: PublishedAnswers;
  /**
   * Rivet client options for the sandbox. `base` defaults to the API base; a sub-account's users are reached as
   * Zoom's Master Account API documents it, under `/accounts/{accountId}`: pass {@link RivetSandbox.subAccountUrl}.
   */
  options(base?: string): RivetSandboxOptions;
  /** The base URL under which Zoom serves one sub-account's APIs, `<baseUrl>/accounts/{accountId}`. */
  subAccountUrl(accountId: string): string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** A token store holding one access token the sandbox issued, valid for the sandbox's token lifetime. */
export function sandboxTokenStore(running: RunningSandbox): TokenStore<S2SAuthToken> {
  const token: S2SAuthToken = {
    accessToken: running.sandbox.zoom.issueToken(),
    expirationTimeIso: new Date(Date.now() + 3_600_000).toISOString(),
    scopes: ['account:master', 'account:read:admin', 'billing:master', 'user:read:admin', 'user:write:admin'],
  };
  let latest = token;
  return {
    getLatestToken: () => latest,
    storeToken: (stored) => {
      latest = stored;
    },
  };
}

/** Starts a loopback sandbox (real HTTP, as Rivet's axios needs) for Rivet's clients. */
export async function rivetSandbox(options: SandboxOptions = {}): Promise<RivetSandbox> {
  const running = await startSandbox({ seed: 11, ...options });
  const { accountId, clientId, clientSecret } = running.sandbox.zoom.credentials;
  const tokenStore = sandboxTokenStore(running);
  const baseUrl = running.zoom.baseUrl;
  return {
    running,
    baseUrl,
    answers: new PublishedAnswers(),
    options: (base = baseUrl) => ({
      clientId,
      clientSecret,
      accountId,
      tokenStore,
      disableReceiver: true,
      baseUrl: base,
    }),
    subAccountUrl: (id) => `${baseUrl}/accounts/${encodeURIComponent(id)}`,
    close: () => running.close(),
  };
}
