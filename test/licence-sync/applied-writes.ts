// How the tests count the writes a platform applied, from the sandbox's own records.

/** The writes of seats a platform applied, as its sandbox records them. */
export interface AppliedWrites {
  /** Every write applied on the platform. */
  total: number;
  /**
   * Writes applied per account, where the sandbox's records name the account (`undefined` where they do not: then
   * `total`, with every changed account at its desired figures, is what proves each change was written once).
   */
  byAccount: Map<string, number> | undefined;
}

/** Sums per-account counts of request records into {@link AppliedWrites}. */
export function countWrites(accountIds: Iterable<string>): AppliedWrites {
  const byAccount = new Map<string, number>();
  let total = 0;
  for (const id of accountIds) {
    byAccount.set(id, (byAccount.get(id) ?? 0) + 1);
    total += 1;
  }
  return { total, byAccount };
}
