import { createHmac, timingSafeEqual } from 'node:crypto';
import { CODES } from './bizconf-envelope';

// The platform's side of request signing (Bizconf contract v1), written from the contract alone, independently of
// the adapter's signer, so that the property tests comparing the two compare two implementations.

/** The headers that carry a request's signature, lower-cased. */
export const SIGNATURE_HEADERS = {
  appId: 'x-bizconf-app-id',
  timestamp: 'x-bizconf-timestamp',
  nonce: 'x-bizconf-nonce',
  signature: 'x-bizconf-signature',
} as const;

const NONCE = /^[A-Za-z0-9]{16,64}$/;
const HEX_SIGNATURE = /^[0-9a-f]{64}$/;

/** What a refused request is answered with. */
export interface SignatureRefusal {
  readonly code: number;
  readonly msg: string;
}

/** What the verifier needs of a request: its line, its headers, and the body already parsed as a JSON object. */
export interface SignedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: Record<string, unknown> | undefined;
}

/** Unreserved characters of RFC 3986, kept as they are; every other byte of the UTF-8 encoding becomes `%XX`. */
function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2e ||
    byte === 0x5f ||
    byte === 0x7e
  );
}

function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += isUnreserved(byte)
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Orders names by their UTF-8 bytes (which is Unicode code point order). */
function byUtf8(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

/** JSON without whitespace, object members sorted by name: the form a nested value is signed in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort(byUtf8)
      .map((name) => `${JSON.stringify(name)}:${canonicalJson(record[name])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The signed parameters: every query parameter as it is, every top-level body field as the canonical JSON of its
 * value, sorted by name then value, each `name=value` percent-encoded, joined with `&`. `undefined` when a name is
 * both a query parameter and a body field (the contract forbids it).
 */
export function canonicalParameters(url: URL, body: Record<string, unknown> | undefined): string | undefined {
  const pairs: Array<[string, string]> = [...url.searchParams.entries()];
  if (body !== undefined) {
    for (const [name, value] of Object.entries(body)) {
      if (url.searchParams.has(name)) return undefined;
      pairs.push([name, canonicalJson(value)]);
    }
  }
  pairs.sort(([leftName, leftValue], [rightName, rightValue]) => {
    return byUtf8(leftName, rightName) || byUtf8(leftValue, rightValue);
  });
  return pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
}

/** The string the signature covers: method, path, app id, timestamp, nonce and the parameters, one per line. */
export function stringToSign(
  request: SignedRequest,
  auth: { appId: string; timestamp: string; nonce: string },
): string | undefined {
  const parameters = canonicalParameters(request.url, request.body);
  if (parameters === undefined) return undefined;
  return [
    request.method.toUpperCase(),
    request.url.pathname,
    auth.appId,
    auth.timestamp,
    auth.nonce,
    parameters,
  ].join('\n');
}

/**
 * Nonces seen, each kept until its request's timestamp leaves the window (a replay after that is refused as stale
 * anyway), so memory stays bounded by the requests of one window.
 */
export class NonceCache {
  readonly #expiries = new Map<string, number>();
  #prunedAt = Number.NEGATIVE_INFINITY;

  /** True when `key` was used by a request whose timestamp is still inside the window. */
  has(key: string, now: number): boolean {
    const expiresAt = this.#expiries.get(key);
    return expiresAt !== undefined && now <= expiresAt;
  }

  /** Remembers `key` until `expiresAt`; forgets the expired nonces at most once a second of the clock. */
  remember(key: string, expiresAt: number, now: number): void {
    if (now - this.#prunedAt >= 1000) {
      this.#prunedAt = now;
      for (const [seen, expiry] of this.#expiries) if (now > expiry) this.#expiries.delete(seen);
    }
    this.#expiries.set(key, expiresAt);
  }
}

/** What the verifier checks a request against. */
export interface VerifierSettings {
  readonly appId: string;
  readonly appSecret: string;
  readonly clockSkewMs: number;
  readonly now: () => number;
  readonly nonces: NonceCache;
}

/**
 * Checks a request's signature as Bizconf does, in this order: the four headers are present and well formed (40102),
 * the app id is known (40101), the timestamp is within the clock-skew window of the platform clock (40104), the
 * signature matches (40103, compared in constant time), and the nonce was not used inside the window (40105). A
 * request that passes has its nonce remembered. Returns `undefined` when the request may proceed.
 */
export function verifySignature(
  request: SignedRequest,
  settings: VerifierSettings,
): SignatureRefusal | undefined {
  const header = (name: string) => request.headers.get(name) ?? '';
  const appId = header(SIGNATURE_HEADERS.appId);
  const timestamp = header(SIGNATURE_HEADERS.timestamp);
  const nonce = header(SIGNATURE_HEADERS.nonce);
  const signature = header(SIGNATURE_HEADERS.signature);
  const missing = Object.entries(SIGNATURE_HEADERS).find(([, name]) => header(name) === '');
  if (missing) return { code: CODES.signMissing, msg: `缺少签名参数：${missing[1]}` };
  if (!/^\d{1,16}$/.test(timestamp) || !NONCE.test(nonce) || !HEX_SIGNATURE.test(signature)) {
    return { code: CODES.signMissing, msg: '签名参数格式错误：timestamp、nonce 或 signature 不合法' };
  }
  if (appId !== settings.appId) return { code: CODES.appInvalid, msg: '应用不存在或已停用' };
  const now = settings.now();
  const sentAt = Number(timestamp);
  if (Math.abs(now - sentAt) > settings.clockSkewMs) {
    return { code: CODES.timestampExpired, msg: '签名已过期：时间戳超出允许范围（±5 分钟）' };
  }
  const text = stringToSign(request, { appId, timestamp, nonce });
  if (text === undefined)
    return { code: CODES.paramInvalid, msg: '参数错误：同名参数不能同时出现在查询串和请求体中' };
  const expected = createHmac('sha256', settings.appSecret).update(text, 'utf8').digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return { code: CODES.signInvalid, msg: '签名错误' };
  }
  const key = `${appId}:${nonce}`;
  if (settings.nonces.has(key, now)) return { code: CODES.nonceReplayed, msg: 'nonce 已使用，请勿重放请求' };
  settings.nonces.remember(key, sentAt + settings.clockSkewMs, now);
  return undefined;
}
