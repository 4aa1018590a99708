import { type AuthStrategy, ConfigurationError, type OutgoingRequest } from '@channelkit/core';
import type { ZhumuCredentials } from '../zhumu-options';

/** Where the adapter's key and secret come from: fixed values, or a provider asked again after a refusal. */
export type CredentialSource =
  | { readonly kind: 'static'; readonly credentials: ZhumuCredentials }
  | { readonly kind: 'provider'; readonly load: () => ZhumuCredentials | Promise<ZhumuCredentials> };

/** Secrets remembered for redaction: the current one and those a rotation replaced, at most this many. */
const REMEMBERED_SECRETS = 8;

/** The forms a secret takes on the wire: as is, percent-encoded, and form-encoded (`+` for spaces, `%7E`...). */
export function wireForms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)];
}

function checked(credentials: unknown): ZhumuCredentials {
  const value = credentials as Partial<ZhumuCredentials> | null | undefined;
  for (const field of ['apiKey', 'apiSecret'] as const) {
    const item = value?.[field];
    if (typeof item !== 'string' || item.trim() === '') {
      throw new ConfigurationError({
        option: 'credentials',
        problem: `returned no ${field}: it must resolve to { apiKey, apiSecret }, both non-empty strings`,
      });
    }
  }
  return {
    apiKey: (value as ZhumuCredentials).apiKey.trim(),
    apiSecret: (value as ZhumuCredentials).apiSecret.trim(),
  };
}

/**
 * Zhumu's authentication: `api_key` and `api_secret` as form fields of every request (the public traces of Zhumu's
 * API all send them this way). The secret, in every form it takes on the wire, is reported to the transport for
 * redaction, including secrets a rotation replaced. After Zhumu refuses the credentials (code 101) the transport
 * calls `invalidate`; a provider is then asked again before the one repeat, so a rotated secret is picked up.
 */
export function zhumuCredentialsAuth(source: CredentialSource): AuthStrategy {
  let current: Promise<ZhumuCredentials> | undefined;
  let recent: string[] = [];
  let secrets: string[] = [];

  const remember = (secret: string) => {
    if (recent[0] === secret) return;
    recent = [secret, ...recent.filter((known) => known !== secret)].slice(0, REMEMBERED_SECRETS);
    secrets = [...new Set(recent.flatMap(wireForms))];
  };

  const load = async (): Promise<ZhumuCredentials> => {
    if (source.kind === 'static') return source.credentials;
    let loaded: unknown;
    try {
      loaded = await source.load();
    } catch (error) {
      throw new ConfigurationError({
        option: 'credentials',
        problem: `failed: ${error instanceof Error ? error.name : 'the provider threw'}; check the credential provider`,
      });
    }
    return checked(loaded);
  };
  if (source.kind === 'static') remember(source.credentials.apiSecret);

  return {
    name: 'zhumu-api-key-pair',
    async authenticate(request: OutgoingRequest): Promise<OutgoingRequest> {
      if (request.body !== undefined) {
        throw new ConfigurationError({
          option: 'form',
          problem: 'is required: Zhumu takes form-encoded requests only, not JSON bodies',
        });
      }
      current ??= load();
      const pending = current;
      let credentials: ZhumuCredentials;
      try {
        credentials = await pending;
      } catch (error) {
        if (current === pending) current = undefined;
        throw error;
      }
      remember(credentials.apiSecret);
      return {
        ...request,
        form: { ...request.form, api_key: credentials.apiKey, api_secret: credentials.apiSecret },
      };
    },
    invalidate() {
      // Static credentials stay what they are; a provider is asked again for the repeat.
      if (source.kind === 'provider') current = undefined;
    },
    secrets: () => secrets,
  };
}
