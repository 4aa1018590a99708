/** How many past tokens a strategy keeps redacting after they were replaced. */
export const SECRET_HISTORY_SIZE = 64;

/**
 * The secrets an auth strategy has used recently, newest first, bounded so memory does not grow with every
 * refresh. A platform may echo a token that a refresh has already replaced; it must stay redacted.
 * `list()` returns the same array until something changes, so redactors can cache what they derive from it.
 */
export class RecentSecrets {
  readonly #fixed: readonly string[];
  readonly #limit: number;
  #recent: string[] = [];
  #list: readonly string[];

  /** `fixed` secrets (e.g. the client secret) are always listed first and never forgotten. */
  constructor(fixed: readonly string[] = [], limit = SECRET_HISTORY_SIZE) {
    this.#fixed = fixed;
    this.#limit = limit;
    this.#list = Object.freeze([...fixed]);
  }

  /** Records `value` as the newest secret. */
  remember(value: string): void {
    if (this.#recent[0] === value) return;
    const recent = this.#recent.filter((v) => v !== value);
    recent.unshift(value);
    if (recent.length > this.#limit) recent.length = this.#limit;
    this.#recent = recent;
    this.#list = Object.freeze([...this.#fixed, ...recent]);
  }

  /** The fixed secrets, then the recent ones, newest first. */
  list(): readonly string[] {
    return this.#list;
  }
}
