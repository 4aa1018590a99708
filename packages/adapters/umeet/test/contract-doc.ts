import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The contract this adapter implements: docs/partners/umeet.md. */
const CONTRACT = fileURLToPath(new URL('../../../../docs/partners/umeet.md', import.meta.url));

/** The rows of the first table under the `## <heading>` section of the contract, as trimmed cells. */
export function contractTable(heading: string): string[][] {
  const text = readFileSync(CONTRACT, 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/partners/umeet.md has no section "${heading}"`);
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  // The header row and the separator row go.
  return rows.slice(2);
}

/** The `code` spans of a cell, e.g. `` `a`, `b` `` gives `['a', 'b']`. */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
}
