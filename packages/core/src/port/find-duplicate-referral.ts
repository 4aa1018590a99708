import type { ReferralInput } from '@channelkit/types';

/** A referral already registered, as the duplicate check compares it. */
export interface RegisteredReferral {
  /** The platform's id. */
  id: string;
  /** The customer's legal name as registered. */
  customerName: string;
  /** The customer's credit code, when registered with one. */
  creditCode: string | undefined;
  /** Products with quantities. */
  products: readonly {
    /** The platform's product code. */
    code: string;
    /** How many. */
    quantity: number;
  }[];
  /** When it was registered, epoch milliseconds. */
  createdMs: number;
}

/** Names compare equal regardless of letter case, spacing and Unicode compatibility forms (full-width letters...). */
function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

function sameCustomer(input: ReferralInput, registered: RegisteredReferral): boolean {
  const code = input.customer.creditCode;
  if (code !== undefined && registered.creditCode !== undefined) return code === registered.creditCode;
  return normalizeName(input.customer.legalName) === normalizeName(registered.customerName);
}

const productsKey = (products: readonly { code: string; quantity: number }[]) =>
  products
    .map((product) => `${product.code.trim().toLowerCase()}=${product.quantity}`)
    .sort()
    .join('\n');

/**
 * For adapters whose platform cannot recognise a repeated deal registration itself: the registration among
 * `candidates` (read from the platform before a submit) that a submission of `input` would duplicate: the same customer (the credit
 * code when both have one, else the legal name ignoring case, spacing and full-width forms) and the same products
 * (codes, ignoring case, with the same quantities), registered within `windowMs` before `now`. Other quantities make
 * another deal: change a registered one with `referrals.update` instead of submitting it again.
 */
export function findDuplicateReferral(
  input: ReferralInput,
  candidates: Iterable<RegisteredReferral>,
  options: { windowMs: number; now: number },
): RegisteredReferral | undefined {
  const since = options.now - options.windowMs;
  const products = productsKey(input.products);
  for (const registered of candidates) {
    if (registered.createdMs < since) continue;
    if (sameCustomer(input, registered) && productsKey(registered.products) === products) return registered;
  }
  return undefined;
}
