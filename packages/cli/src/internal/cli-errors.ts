/** Where in an input file a problem is: the file, and the line, row and column (or field) when known. */
export interface InputIssue {
  /** The file as given on the command line. */
  readonly file: string;
  /** The line of the file, from 1 (CSV files). */
  readonly line?: number | undefined;
  /** The row of the list, from 1: the data rows of a CSV file, the items of a JSON list. */
  readonly row?: number | undefined;
  /** The column (CSV) or field (JSON) at fault, e.g. `seats` or `profile.creditCode`. */
  readonly column?: string | undefined;
  /** What is wrong and, where it helps, what to do. */
  readonly message: string;
}

/** A mistake on the command line or in the configuration: nothing was sent. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input file refused before any request, with every problem found in it. Exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Every problem found (at most 100). */
  readonly issues: readonly InputIssue[];

  /** Creates the error; the message lists the first problems, each at its file, line, row and column. */
  constructor(issues: readonly InputIssue[], total = issues.length) {
    const shown = issues.slice(0, 20).map((issue) => `  ${describeIssue(issue)}`);
    const more = total > shown.length ? [`  … and ${total - shown.length} more`] : [];
    super(
      `${issues[0]?.file ?? 'input'} was refused (${total} ${total === 1 ? 'problem' : 'problems'}); nothing was sent:\n${[...shown, ...more].join('\n')}`,
    );
    this.issues = issues.slice(0, 100);
  }
}

/** `desired.csv:4: row 3, column "seats": must be …`. */
export function describeIssue(issue: InputIssue): string {
  const at = [
    issue.row === undefined ? undefined : `row ${issue.row}`,
    issue.column === undefined
      ? undefined
      : `${issue.line === undefined ? 'field' : 'column'} "${issue.column}"`,
  ].filter((part) => part !== undefined);
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${at.length > 0 ? `${at.join(', ')}: ` : ''}${issue.message}`;
}

/** Collects input problems up to a bound, counting the rest. */
export class IssueList {
  readonly #issues: InputIssue[] = [];
  #total = 0;

  /** Records a problem. */
  add(issue: InputIssue): void {
    this.#total += 1;
    if (this.#issues.length < 100) this.#issues.push(issue);
  }

  /** How many problems were recorded. */
  get count(): number {
    return this.#total;
  }

  /** Throws an {@link InputError} when any problem was recorded. */
  throwIfAny(): void {
    if (this.#total > 0) throw new InputError(this.#issues, this.#total);
  }
}

/** A value quoted for a message, cut to a readable length. */
export function quoted(value: string): string {
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(cut);
}
