import type { ProvisionAccountInput } from '@channelkit/types';
import { ConflictError } from '../errors/api-error';

/** An account that already exists under the natural key of a provisioning input, as the platform reports it. */
export interface ExistingAccount {
  /** The platform's id of the account. */
  id: string;
  /** Its name as the platform stores it; `undefined` when the platform did not report one. */
  name: string | undefined;
  /** The caller's reference stored with it, on platforms that store one. */
  externalId?: string | undefined;
}

/** What {@link ensureSameCustomer} compares, and where the existing account was met. */
export interface SameCustomerCheck {
  /** Platform name, e.g. `zoom`. */
  platform: string;
  /** The input field by which the account was found, e.g. `admin.email` (Zoom finds accounts by owner email). */
  foundBy: string;
  /** The account found. */
  existing: ExistingAccount;
  /** The provisioning input. */
  input: ProvisionAccountInput;
  /** The request whose answer led to the account (e.g. the create answered "already exists"), for the error. */
  request: {
    /** HTTP method. */
    method: string;
    /** Absolute URL. */
    url: string;
  };
  /** The platform's request id of that answer. */
  requestId?: string | undefined;
}

/** Names compare equal regardless of letter case, spacing and Unicode compatibility forms (full-width letters...). */
function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * Lets "already exists" resolve to an existing account only when it is the customer the input describes: same legal
 * name (ignoring case and spacing) and, where the platform stores it, same `externalId`. Otherwise throws a
 * `ConflictError` naming the account, the field it was found by and what to do, so that provisioning customer B
 * with customer A's admin email never returns A's account as B's.
 * @example
 * ensureSameCustomer({
 *   platform: 'zoom',
 *   foundBy: 'admin.email',
 *   existing: { id: found.id, name: found.account_name },
 *   input,
 *   request: { method: 'POST', url: `${baseUrl}/accounts` },
 * });
 */
export function ensureSameCustomer(check: SameCustomerCheck): void {
  const { existing, input, foundBy, platform } = check;
  let field: string | undefined;
  let detail = '';
  if (
    existing.name === undefined ||
    normalizeName(existing.name) !== normalizeName(input.profile.legalName)
  ) {
    field = 'profile.legalName';
    detail =
      existing.name === undefined
        ? 'has no name the platform reports, so it cannot be confirmed as this customer'
        : `is named ${JSON.stringify(existing.name)}, not ${JSON.stringify(input.profile.legalName)}`;
  } else if (
    existing.externalId !== undefined &&
    input.externalId !== undefined &&
    existing.externalId !== input.externalId
  ) {
    field = 'externalId';
    detail = `belongs to externalId ${JSON.stringify(existing.externalId)}, not ${JSON.stringify(input.externalId)}`;
  }
  if (field === undefined) return;
  throw new ConflictError({
    status: 409,
    platform,
    request: { ...check.request, headers: {} },
    requestId: check.requestId,
    details: [{ field: foundBy, message: `already used by ${platform} account ${existing.id}` }],
    message:
      `${platform}: ${foundBy} already belongs to account ${existing.id}, which ${detail}; it is treated as ` +
      `another customer's account and was not used. Provision this customer with another ${foundBy}. If it is the ` +
      `same customer, read it with accounts.get('${existing.id}') and make ${field} of the input match.`,
  });
}
