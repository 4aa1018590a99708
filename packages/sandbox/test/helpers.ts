import { ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';

/** `Authorization: Basic` for the default sandbox credentials (or others). */
export function basic(
  id: string = ZOOM_SANDBOX_CREDENTIALS.clientId,
  secret: string = ZOOM_SANDBOX_CREDENTIALS.clientSecret,
) {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

/** What {@link zoomClient} returns for one call. */
export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read wire bodies loosely and assert on them
  body: any;
}

/** A tiny Zoom client over fetch. */
export interface ZoomTestClient {
  call(method: string, path: string, body?: unknown, init?: RequestInit): Promise<CallResult>;
  fetchToken(): Promise<string>;
  token: string | undefined;
}

/** A tiny Zoom client over fetch, for a base URL and an OAuth URL. */
export function zoomClient(urls: { baseUrl: string; oauthUrl: string }): ZoomTestClient {
  let token: string | undefined;
  async function fetchToken(): Promise<string> {
    const response = await fetch(urls.oauthUrl, {
      method: 'POST',
      headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'account_credentials',
        account_id: ZOOM_SANDBOX_CREDENTIALS.accountId,
      }),
    });
    if (response.status !== 200) throw new Error(`token request answered ${response.status}`);
    const body = (await response.json()) as { access_token: string };
    return body.access_token;
  }
  async function call(
    method: string,
    path: string,
    body?: unknown,
    init: RequestInit = {},
  ): Promise<CallResult> {
    token ??= await fetchToken();
    const response = await fetch(`${urls.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...init,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  }
  return {
    call,
    fetchToken,
    get token() {
      return token;
    },
    set token(value: string | undefined) {
      token = value;
    },
  };
}

/** A valid `POST /accounts` body. */
export function newAccount(email: string, extra: Record<string, unknown> = {}) {
  return { first_name: 'Ada', last_name: 'Lovelace', email, password: 'Secret123', ...extra };
}

/** A billing contact with every field Zoom's published schema requires. */
export const billingContact = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  email: 'billing@example.com',
  phone_number: '+14155550100',
  address: '1 Market Street',
  city: 'San Francisco',
  state: 'CA',
  zip: '94105',
  country: 'US',
};

/** A valid `POST /accounts/{id}/plans` body. */
export function newPlan(type: string, hosts: number) {
  return { contact: billingContact, plan_base: { type, hosts } };
}

/** A settable clock for `now`. */
export function manualClock(start = Date.parse('2026-01-15T10:00:00Z')) {
  const clock = {
    ms: start,
    now: () => clock.ms,
    advance(ms: number) {
      clock.ms += ms;
    },
  };
  return clock;
}
