import { createClient } from '@channelkit/core';
import { type RunningSandbox, startSandbox } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { afterEach, describe, expect, it, vi } from 'vitest';

let running: RunningSandbox | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  await running?.close();
  running = undefined;
});

function useEnvironment(variables: Record<string, string>) {
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
}

describe('zoom() reads its URLs from the environment', () => {
  it('talks to ZOOM_API_URL with a token from ZOOM_OAUTH_URL when the options name no URL', async () => {
    running = await startSandbox();
    const { accountId, clientId, clientSecret, baseUrl, oauthUrl } = running.credentials.zoom;
    useEnvironment({
      ZOOM_ACCOUNT_ID: accountId,
      ZOOM_CLIENT_ID: clientId,
      ZOOM_CLIENT_SECRET: clientSecret,
      ZOOM_API_URL: `${baseUrl}/`,
      ZOOM_OAUTH_URL: oauthUrl,
    });

    const listed = await createClient(zoom()).accounts.list().collect({ limit: 10 });

    expect(listed).toEqual([]);
    expect(running.sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /oauth/token',
      'GET /v2/accounts',
    ]);
  });

  it('prefers the options over the environment', async () => {
    running = await startSandbox();
    useEnvironment({
      ZOOM_API_URL: 'http://127.0.0.1:9/nowhere',
      ZOOM_OAUTH_URL: 'http://127.0.0.1:9/nowhere',
    });

    const listed = await createClient(zoom(running.credentials.zoom)).accounts.list().collect({ limit: 10 });

    expect(listed).toEqual([]);
    expect(running.sandbox.requests).toHaveLength(2);
  });
});
