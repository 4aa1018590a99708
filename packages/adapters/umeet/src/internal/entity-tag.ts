import { ResponseValidationError } from '@channelkit/core';

// RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE. `If-Match` compares strongly (§13.1.1), so a weak tag
// could never match: only a strong one is usable for a conditional write.
const STRONG_TAG = /^"[\x21\x23-\x7e\x80-\xff]+"$/;

/** The strong entity tag of a licence answer, or a `ResponseValidationError` when there is none to write with. */
export function strongEntityTag(header: string | undefined, operation: string, path: string): string {
  const tag = header?.trim();
  if (tag !== undefined && STRONG_TAG.test(tag)) return tag;
  const found =
    tag === undefined ? 'no ETag header' : tag.startsWith('W/') ? 'a weak ETag' : 'a malformed ETag';
  throw new ResponseValidationError(
    `umeet returned an unexpected response to ${operation} (GET ${path}): the licence came with ${found}, so it ` +
      'cannot be changed safely (If-Match needs a strong entity tag). Nothing was written. The platform API may have ' +
      'changed; report it',
    { platform: 'umeet', operation: `${operation} (GET ${path})` },
    [{ path: 'headers.etag', message: 'must be a strong entity tag, e.g. "v7"' }],
  );
}
