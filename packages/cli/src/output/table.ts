import Table from 'cli-table3';

/** A column of a {@link renderTable} table. */
export interface Column<Row> {
  /** The heading, shown in capitals. */
  readonly header: string;
  /** The cell of a row. */
  readonly cell: (row: Row) => string;
  /** Numbers align right. @default 'left' */
  readonly align?: 'left' | 'right';
}

// Control characters (and the escape sequences they start) would let a platform's answer move the cursor, recolour
// or retitle the terminal; they are shown as '?'. C1 controls (U+0080-U+009F) included.
const CONTROL = /\p{Cc}/gu;

/** A cell's text, safe to print: control characters replaced, so no answer can steer the terminal. */
export function printable(text: string): string {
  return text.replace(CONTROL, '?');
}

// No borders, columns two spaces apart. Box-drawing characters are "ambiguous" in Unicode's East Asian Width: drawn
// two columns wide by terminals set up for Chinese, they would break the alignment that the widths compute.
const BORDERLESS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};
const PLAIN = { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true };

/** The table's text, each line without trailing spaces and ending in a newline. */
function linesOf(table: Table.Table): string {
  return table
    .toString()
    .split('\n')
    .map((line) => `${line.trimEnd()}\n`)
    .join('');
}

/**
 * Lays out rows as a borderless table (cli-table3): columns two spaces apart, each as wide as its widest cell by
 * display width, so a Chinese name, two columns a character, lines up with Latin ones.
 */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: Iterable<Row>): string {
  const table = new Table({
    head: columns.map((column) => column.header.toUpperCase()),
    chars: BORDERLESS,
    style: PLAIN,
    colAligns: columns.map((column) => column.align ?? 'left'),
  });
  for (const row of rows) table.push(columns.map((column) => printable(column.cell(row))));
  return linesOf(table);
}

/** A two-column table of fields and values, for one record; fields without a value are left out. */
export function renderFields(fields: readonly (readonly [string, string | undefined])[]): string {
  const table = new Table({ chars: BORDERLESS, style: PLAIN });
  for (const [name, value] of fields) if (value !== undefined) table.push([name, printable(value)]);
  return linesOf(table);
}
