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

/** The rows of the first table under the `### <heading>` subsection of the contract, as trimmed cells. */
export function contractSubTable(heading: string): string[][] {
  const text = readFileSync(CONTRACT, 'utf8');
  const start = text.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`docs/partners/umeet.md has no subsection "${heading}"`);
  const end = text.slice(start + 1).search(/\n##+ /);
  const section = text.slice(start, end < 0 ? undefined : start + 1 + end);
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  return rows.slice(2);
}

/** Every table of the `## <heading>` section of the contract, each as its rows of trimmed cells, the header row first. */
export function contractTables(heading: string): string[][][] {
  const text = readFileSync(CONTRACT, 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/partners/umeet.md has no section "${heading}"`);
  const end = text.indexOf('\n## ', start + 1);
  const tables: string[][][] = [];
  let table: string[][] | undefined;
  for (const line of text.slice(start, end < 0 ? undefined : end).split('\n')) {
    if (!line.startsWith('|')) table = undefined;
    else if (!/^\|\s*-/.test(line)) {
      if (table === undefined) {
        table = [];
        tables.push(table);
      }
      table.push(
        line
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim()),
      );
    }
  }
  return tables;
}

/** The contract's example of a JSON body whose first member is `"<member>"`, parsed. */
export function contractExample(member: string): unknown {
  const text = readFileSync(CONTRACT, 'utf8');
  const block = new RegExp(`\`\`\`json\\n(\\{\\n {2}"${member}"[\\s\\S]*?)\`\`\``).exec(text)?.[1];
  if (block === undefined)
    throw new Error(`docs/partners/umeet.md has no JSON example starting with "${member}"`);
  return JSON.parse(block);
}
