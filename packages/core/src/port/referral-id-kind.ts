import { ValidationError } from '../errors/validation-error';

/**
 * Which kind of referral `id` names, by the prefix the platform gives each kind, e.g.
 * `{ OPP: 'opportunity', LD: 'lead' }` (prefixes are tried in order). An id with none of them is one the platform
 * never issues, so no request could find it: a `ValidationError` on `referralId` is thrown instead, whose message is
 * `Invalid referralId: ` followed by `invalid`, which should say what the platform's ids look like.
 * @example
 * const kind = referralIdKind(id, { OPP: 'opportunity', LD: 'lead' }, "is not an Acme referral id: opportunities are 'OPP…'");
 */
export function referralIdKind<Kind extends string>(
  id: string,
  prefixes: Readonly<Record<string, Kind>>,
  invalid: string,
): Kind {
  for (const [prefix, kind] of Object.entries(prefixes)) {
    if (id.startsWith(prefix)) return kind;
  }
  throw new ValidationError({
    message: `Invalid referralId: ${invalid}`,
    issues: [{ path: 'referralId', message: invalid }],
  });
}
