import { json } from '../internal/json';
import type { ZoomStore } from './zoom-store';
import type { ZoomOAuthErrorAnswer, ZoomTokenAnswer } from './zoom-wire-types';

const SCOPE =
  'account:master account:read:admin account:write:admin billing:master user:read:admin user:write:admin';

function oauthError(status: number, error: string, reason: string): Response {
  return json(status, { reason, error } satisfies ZoomOAuthErrorAnswer);
}

function basicCredentials(header: string | null): { id: string; secret: string } | undefined {
  const match = header === null ? null : /^Basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return undefined;
  let decoded: string;
  try {
    decoded = atob(match[1]);
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * `POST /oauth/token` with `grant_type=account_credentials`: Basic client credentials, parameters in a form body
 * or, as Zoom's docs show, in the query string.
 */
export async function zoomOAuthToken(store: ZoomStore, request: Request, url: URL): Promise<Response> {
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'Method not allowed');
  const client = basicCredentials(request.headers.get('authorization'));
  const { clientId, clientSecret, accountId } = store.credentials;
  if (!client || client.id !== clientId || client.secret !== clientSecret) {
    return oauthError(401, 'invalid_client', 'Invalid client_id or client_secret');
  }
  const params = new URLSearchParams(url.searchParams);
  for (const [key, value] of new URLSearchParams(await request.text())) params.set(key, value);
  if (params.get('grant_type') !== 'account_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'unsupported grant type');
  }
  if (params.get('account_id') !== accountId) return oauthError(400, 'invalid_request', 'Invalid account_id');
  return json(200, {
    access_token: store.issueToken(),
    token_type: 'bearer',
    expires_in: store.tokenTtlSeconds,
    scope: SCOPE,
    api_url: 'https://api.zoom.us',
  } satisfies ZoomTokenAnswer);
}
