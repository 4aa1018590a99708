import { jsonResponse } from './umeet-http';
import type { UmeetStore } from './umeet-store';

/** The scopes a partner client holds under contract v1. */
export const UMEET_SCOPES = ['accounts', 'licences'] as const;

/** An OAuth 2.0 error answer (RFC 6749 §5.2), which is not problem+json. */
function oauthError(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
) {
  return jsonResponse(
    status,
    { error, error_description: description },
    { 'cache-control': 'no-store', ...headers },
  );
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
 * `POST /oauth2/token`, `grant_type=client_credentials` (RFC 6749 §4.4): client credentials in HTTP Basic (or, as
 * RFC 6749 §2.3.1 also allows, `client_id`/`client_secret` form fields); an optional `scope` among `accounts` and
 * `licences`.
 */
export async function umeetToken(store: UmeetStore, request: Request): Promise<Response> {
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'Use POST.', { allow: 'POST' });
  const form = new URLSearchParams(await request.text());
  const client = basicCredentials(request.headers.get('authorization')) ?? {
    id: form.get('client_id') ?? '',
    secret: form.get('client_secret') ?? '',
  };
  const { clientId, clientSecret } = store.credentials;
  if (client.id !== clientId || client.secret !== clientSecret) {
    return oauthError(401, 'invalid_client', 'Client authentication failed.', {
      'www-authenticate': 'Basic realm="umeet"',
    });
  }
  if (form.get('grant_type') !== 'client_credentials') {
    return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported.');
  }
  const requested = form.get('scope')?.split(' ').filter(Boolean) ?? [...UMEET_SCOPES];
  if (requested.some((scope) => !(UMEET_SCOPES as readonly string[]).includes(scope))) {
    return oauthError(400, 'invalid_scope', `Scopes are ${UMEET_SCOPES.join(' and ')}.`);
  }
  return jsonResponse(
    200,
    {
      access_token: store.issueToken(),
      token_type: 'Bearer',
      expires_in: store.settings.tokenTtlSeconds,
      scope: requested.join(' '),
    },
    { 'cache-control': 'no-store' },
  );
}
