import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox } from '../create-sandbox';
import type { PlatformUrls } from '../platform/platform-urls';
import type { SandboxPlatform } from '../platform/sandbox-platform';
import type { SandboxOptions } from '../sandbox-options';

/** Options of {@link startSandbox}. */
export interface StartSandboxOptions extends SandboxOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to bind. Default and only sensible value: `127.0.0.1`. */
  readonly host?: '127.0.0.1';
}

/** Credentials and URLs to point a Zoom client at the running sandbox, shaped for `zoom(...)`. */
export interface RunningZoomCredentials {
  /** Master account id. */
  readonly accountId: string;
  /** OAuth client id. */
  readonly clientId: string;
  /** OAuth client secret. */
  readonly clientSecret: string;
  /** API base URL, `<url>/zoom/v2`. */
  readonly baseUrl: string;
  /** OAuth token URL, `<url>/zoom/oauth/token`. */
  readonly oauthUrl: string;
}

/** A sandbox served over HTTP on the loopback interface. */
export interface RunningSandbox {
  /** Server origin, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /**
   * The URLs of a hosted platform on this server, by the names of its `urls`, e.g. for Zoom
   * `{ baseUrl: '<url>/zoom/v2', oauthUrl: '<url>/zoom/oauth/token' }`. Accepts the platform or its name.
   */
  urls(platform: SandboxPlatform | string): PlatformUrls;
  /**
   * Environment variables that point every hosted platform's adapter at this server: credentials and URLs, e.g.
   * `ZOOM_ACCOUNT_ID`, `ZOOM_CLIENT_ID`, `ZOOM_CLIENT_SECRET`, `ZOOM_API_URL`, `ZOOM_OAUTH_URL`.
   */
  environment(): Record<string, string>;
  /** Zoom URLs on this server; throws when Zoom is not hosted. */
  readonly zoom: {
    /** API base URL, `<url>/zoom/v2`. */
    readonly baseUrl: string;
    /** OAuth token URL, `<url>/zoom/oauth/token`. */
    readonly oauthUrl: string;
  };
  /** Ready-to-use client settings per platform. */
  readonly credentials: {
    /** Zoom client settings; throws when Zoom is not hosted. */
    readonly zoom: RunningZoomCredentials;
  };
  /** State, controls, faults and the request log. */
  readonly sandbox: Sandbox;
  /** Stops the server, dropping open and hanging connections; resolves promptly. */
  close(): Promise<void>;
}

async function toRequest(incoming: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0;
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(hasBody && { body: Buffer.concat(chunks) }),
  });
}

async function serve(sandbox: Sandbox, origin: string, incoming: IncomingMessage, outgoing: ServerResponse) {
  // Aborts latency waits when the client goes away, so closed connections leave no timers behind.
  const aborted = new AbortController();
  outgoing.on('close', () => {
    if (!outgoing.writableFinished) aborted.abort();
  });
  try {
    const result = await sandbox.handle(await toRequest(incoming, origin, aborted.signal));
    if (outgoing.destroyed) return;
    if (!(result instanceof Response)) {
      if (result.kind === 'reset') incoming.socket.destroy();
      return; // hang: never answer; close() frees the socket
    }
    const body = Buffer.from(await result.arrayBuffer());
    outgoing.writeHead(result.status, {
      ...Object.fromEntries(result.headers),
      'content-length': body.length,
    });
    outgoing.end(body);
  } catch {
    if (!outgoing.headersSent && !outgoing.destroyed) {
      outgoing.writeHead(500, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ code: 500, message: 'Sandbox failure.' }));
    }
  }
}

/**
 * Serves a sandbox over real HTTP on 127.0.0.1, each hosted platform under its own prefix: Zoom at
 * `<url>/zoom/v2` and `<url>/zoom/oauth/token`, a platform named `acme` at `<url>/acme/...`.
 *
 * @example
 * ```ts
 * import { createClient } from '@channelkit/core';
 * import { startSandbox } from '@channelkit/sandbox';
 * import { zoom } from '@channelkit/zoom';
 *
 * const running = await startSandbox({ seed: 42 });
 * const client = createClient(zoom(running.credentials.zoom));
 * console.log(await client.accounts.list().collect({ limit: 10 }));
 * await running.close();
 * ```
 */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox(options);
  const host = options.host ?? '127.0.0.1';
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    void serve(sandbox, origin, incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;

  const layout = sandbox.loopbackUrls(origin);
  function urls(platform: SandboxPlatform | string): PlatformUrls {
    const name = typeof platform === 'string' ? platform : platform.name;
    const found = layout[name];
    if (!found) {
      throw new RangeError(
        `This sandbox hosts no platform named '${name}' (it hosts: ${sandbox.platforms.join(', ')}).`,
      );
    }
    return found;
  }
  function zoomUrls() {
    const { baseUrl = '', oauthUrl = '' } = urls('zoom');
    return { baseUrl, oauthUrl };
  }

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    urls,
    environment: () => sandbox.environment(layout),
    get zoom() {
      return zoomUrls();
    },
    credentials: {
      get zoom() {
        const { accountId, clientId, clientSecret } = sandbox.zoom.credentials;
        return { accountId, clientId, clientSecret, ...zoomUrls() };
      },
    },
    sandbox,
    close: () => {
      sandbox.webhooks.stop();
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
