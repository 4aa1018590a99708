import { createHmac, randomBytes } from 'node:crypto';
import {
  type AuthStrategy,
  ConfigurationError,
  type OutgoingRequest,
  signRequest,
  ValidationError,
} from '@channelkit/core';

// Request signing of the Bizconf contract v1 (docs/partners/bizconf.md, "Signing"). Every attempt of every request is
// signed afresh, so a retry carries a new timestamp and nonce.

/** The headers that carry the signature, lower-cased. */
export const SIGNATURE_HEADERS = {
  appId: 'x-bizconf-app-id',
  timestamp: 'x-bizconf-timestamp',
  nonce: 'x-bizconf-nonce',
  signature: 'x-bizconf-signature',
} as const;

/** What a signature covers. */
export interface SignatureInput {
  /** HTTP method. */
  method: string;
  /** The URL's path as sent, percent-encoded, without the query. */
  path: string;
  /** Query parameters, decoded. */
  query: Readonly<Record<string, string>>;
  /** The JSON body, as it is sent (a JSON object), or `undefined`. */
  body: Readonly<Record<string, unknown>> | undefined;
  /** The application id. */
  appId: string;
  /** Unix time in milliseconds, as decimal digits. */
  timestamp: string;
  /** 16 to 64 letters and digits, never reused. */
  nonce: string;
}

// A paired surrogate is one code point to a `u` regular expression; only an unpaired one is a `Cs` character.
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/** RFC 3986 percent-encoding of the UTF-8 bytes: letters, digits and `-._~` stay, every other byte is `%XX`. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Orders strings by Unicode code point, which is the order of their UTF-8 bytes. */
export function compareCodePoints(left: string, right: string): number {
  const a = [...left];
  const b = [...right];
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const difference = (a[index]?.codePointAt(0) ?? 0) - (b[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/**
 * A JSON value as it is signed: JSON without whitespace, object members sorted by name (code point order), arrays in
 * their order, strings and numbers exactly as `JSON.stringify` writes them (non-ASCII characters as they are).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value as Record<string, unknown>)
      .sort(([left], [right]) => compareCodePoints(left, right))
      .map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

function refuseUnpaired(text: string, path: string): void {
  if (!UNPAIRED_SURROGATE.test(text)) return;
  const message =
    'contains an unpaired surrogate, which is not text and cannot be encoded as UTF-8 to be signed; remove it';
  throw new ValidationError({
    message: `Cannot sign the Bizconf request: ${path} ${message}`,
    issues: [{ path, message }],
  });
}

/**
 * The signed parameters: each query parameter as `name=value`, each top-level body field as `name=<canonical JSON of
 * its value>` (so a string is signed with its quotes, and `"1"` and `1` differ), sorted by name (then value) in code
 * point order, each side percent-encoded, joined with `&`. A name must not be both a query parameter and a body field.
 */
export function canonicalParameters(
  query: Readonly<Record<string, string>>,
  body: Readonly<Record<string, unknown>> | undefined,
): string {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(query)) {
    refuseUnpaired(name, `query parameter ${JSON.stringify(name)}`);
    refuseUnpaired(value, `query parameter ${name}`);
    pairs.push([name, value]);
  }
  for (const [name, value] of Object.entries(body ?? {})) {
    refuseUnpaired(name, `body field ${JSON.stringify(name)}`);
    if (Object.hasOwn(query, name)) {
      throw new ConfigurationError({
        option: name,
        problem: 'is both a query parameter and a body field; a Bizconf request names each parameter once',
      });
    }
    pairs.push([name, canonicalJson(value)]);
  }
  pairs.sort(
    ([leftName, leftValue], [rightName, rightValue]) =>
      compareCodePoints(leftName, rightName) || compareCodePoints(leftValue, rightValue),
  );
  return pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
}

/** The string to sign: method, path, app id, timestamp, nonce and the canonical parameters, joined by line feeds. */
export function stringToSign(input: SignatureInput): string {
  return [
    input.method.toUpperCase(),
    input.path,
    input.appId,
    input.timestamp,
    input.nonce,
    canonicalParameters(input.query, input.body),
  ].join('\n');
}

/** The signature: lower-case hex of HMAC-SHA256 over the UTF-8 string to sign, keyed with the app secret. */
export function signatureOf(appSecret: string, input: SignatureInput): string {
  return createHmac('sha256', appSecret).update(stringToSign(input), 'utf8').digest('hex');
}

/** The body as it goes on the wire (what `JSON.stringify` keeps of it), which must be a JSON object. */
function wireBody(body: unknown): Record<string, unknown> | undefined {
  if (body === undefined) return undefined;
  const value: unknown = JSON.parse(JSON.stringify(body));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigurationError({
      option: 'body',
      problem: 'must be a JSON object: Bizconf signs its fields',
    });
  }
  return value as Record<string, unknown>;
}

/** Signatures sent recently: a platform that echoes one in an error message must not print it. */
const SIGNATURE_HISTORY = 64;

/** Clock and nonce source of {@link bizconfSigning}; tests replace them. */
export interface SigningSources {
  /** Unix time in milliseconds. @default Date.now */
  now?: () => number;
  /** A fresh nonce. @default 32 hex characters from the CSPRNG */
  nonce?: () => string;
}

/**
 * The auth strategy of the Bizconf contract: core's `signRequest`, signing every attempt with a fresh timestamp and
 * nonce. The secret and the recent signatures are reported as secrets, so the transport redacts them everywhere.
 * `invalidate` exists (and has nothing to forget) so that the transport repeats, once and at once, a request Bizconf
 * refused for a stale timestamp or a reused nonce: such a request was refused before being processed.
 */
export function bizconfSigning(
  credentials: { appId: string; appSecret: string },
  sources: SigningSources = {},
): AuthStrategy {
  const { appId, appSecret } = credentials;
  const now = sources.now ?? Date.now;
  const nonce = sources.nonce ?? (() => randomBytes(16).toString('hex'));
  let secrets: readonly string[] = Object.freeze([appSecret]);
  const remember = (signature: string) => {
    secrets = Object.freeze([appSecret, signature, ...secrets.slice(1, SIGNATURE_HISTORY)]);
  };
  const sign = (request: OutgoingRequest): OutgoingRequest => {
    if (request.form !== undefined) {
      throw new ConfigurationError({ option: 'form', problem: 'is not used by Bizconf: send a JSON body' });
    }
    const input: SignatureInput = {
      method: request.method,
      path: new URL(request.url).pathname,
      query: request.query,
      body: wireBody(request.body),
      appId,
      timestamp: String(now()),
      nonce: nonce(),
    };
    const signature = signatureOf(appSecret, input);
    remember(signature);
    return {
      ...request,
      headers: {
        ...request.headers,
        [SIGNATURE_HEADERS.appId]: appId,
        [SIGNATURE_HEADERS.timestamp]: input.timestamp,
        [SIGNATURE_HEADERS.nonce]: input.nonce,
        [SIGNATURE_HEADERS.signature]: signature,
      },
    };
  };
  const strategy = signRequest(sign, [appSecret]);
  return {
    name: 'bizconf-hmac-sha256',
    authenticate: strategy.authenticate,
    invalidate() {},
    secrets: () => secrets,
  };
}
