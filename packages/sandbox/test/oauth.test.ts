import { type RunningSandbox, startSandbox, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { basic, manualClock, zoomClient } from './helpers';

let running: RunningSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

function tokenRequest(oauthUrl: string, body: Record<string, string>, authorization = basic()) {
  return fetch(oauthUrl, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  });
}

const grant = { grant_type: 'account_credentials', account_id: ZOOM_SANDBOX_CREDENTIALS.accountId };

describe('Server-to-Server OAuth', () => {
  it('issues a bearer token for good credentials', async () => {
    running = await startSandbox();
    const response = await tokenRequest(running.zoom.oauthUrl, grant);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-zm-trackingid')).toBeTruthy();
    const body = (await response.json()) as { access_token: unknown; scope: string };
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3600, api_url: 'https://api.zoom.us' });
    expect(body.access_token).toEqual(expect.any(String));
    expect(body.scope).toContain('account:master');
  });

  it('accepts the parameters in the query string, as Zoom documents', async () => {
    running = await startSandbox();
    const url = `${running.zoom.oauthUrl}?${new URLSearchParams(grant)}`;
    const response = await fetch(url, { method: 'POST', headers: { authorization: basic() } });
    expect(response.status).toBe(200);
  });

  it.each([
    ['a wrong secret', basic(ZOOM_SANDBOX_CREDENTIALS.clientId, 'nope')],
    ['a wrong client id', basic('other', ZOOM_SANDBOX_CREDENTIALS.clientSecret)],
    ['no credentials', ''],
    ['a bearer header', 'Bearer abc'],
  ])('answers 401 invalid_client for %s', async (_name, authorization) => {
    running = await startSandbox();
    const response = await tokenRequest(running.zoom.oauthUrl, grant, authorization);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body).toEqual({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    expect(JSON.stringify(body)).not.toContain(ZOOM_SANDBOX_CREDENTIALS.clientSecret);
  });

  it('answers 400 unsupported_grant_type for another grant type', async () => {
    running = await startSandbox();
    const response = await tokenRequest(running.zoom.oauthUrl, {
      ...grant,
      grant_type: 'client_credentials',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      reason: 'unsupported grant type',
      error: 'unsupported_grant_type',
    });
  });

  it.each([
    ['a wrong', { ...grant, account_id: 'someone-else' }],
    ['a missing', { grant_type: 'account_credentials' }],
  ])('answers 400 invalid_request for %s account id', async (_name, body) => {
    running = await startSandbox();
    const response = await tokenRequest(running.zoom.oauthUrl, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ reason: 'Invalid account_id', error: 'invalid_request' });
  });

  it('honours custom credentials and token lifetime', async () => {
    running = await startSandbox({
      zoom: { tokenTtlSeconds: 60, credentials: { clientSecret: 'other-secret' } },
    });
    expect(running.credentials.zoom).toMatchObject({
      clientId: 'sandbox-client',
      clientSecret: 'other-secret',
    });
    expect((await tokenRequest(running.zoom.oauthUrl, grant)).status).toBe(401);
    const response = await tokenRequest(
      running.zoom.oauthUrl,
      grant,
      basic('sandbox-client', 'other-secret'),
    );
    expect(await response.json()).toMatchObject({ expires_in: 60 });
  });
});

describe('bearer tokens on API calls', () => {
  it('rejects a missing or unknown token with code 124', async () => {
    running = await startSandbox();
    const missing = await fetch(`${running.zoom.baseUrl}/accounts`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ code: 124, message: 'Invalid access token.' });
    const client = zoomClient(running.zoom);
    client.token = 'forged';
    expect(await client.call('GET', '/accounts')).toMatchObject({
      status: 401,
      body: { code: 124, message: 'Invalid access token.' },
    });
  });

  it('expires tokens after their lifetime, while several stay valid at once', async () => {
    const clock = manualClock();
    running = await startSandbox({ now: clock.now, zoom: { tokenTtlSeconds: 3600 } });
    const first = zoomClient(running.zoom);
    expect((await first.call('GET', '/accounts')).status).toBe(200);
    clock.advance(1800_000);
    const second = zoomClient(running.zoom);
    expect((await second.call('GET', '/accounts')).status).toBe(200);
    expect((await first.call('GET', '/accounts')).status).toBe(200);
    clock.advance(1800_000);
    expect(await first.call('GET', '/accounts')).toMatchObject({
      status: 401,
      body: { code: 124, message: 'Access token is expired.' },
    });
    expect((await second.call('GET', '/accounts')).status).toBe(200);
  });

  it('expires every token on expireTokens()', async () => {
    running = await startSandbox();
    const client = zoomClient(running.zoom);
    expect((await client.call('GET', '/accounts')).status).toBe(200);
    running.sandbox.zoom.expireTokens();
    expect((await client.call('GET', '/accounts')).body).toEqual({
      code: 124,
      message: 'Access token is expired.',
    });
    client.token = running.sandbox.zoom.issueToken();
    expect((await client.call('GET', '/accounts')).status).toBe(200);
  });
});
