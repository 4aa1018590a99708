import stringWidth from 'string-width';

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

/**
 * Lays out rows as a borderless table: columns two spaces apart, each as wide as its widest cell by display width.
 * Widths follow Unicode's East Asian Width (through `string-width`), so a Chinese name, two columns a character, lines
 * up with Latin ones. There are no box-drawing borders: their width is "ambiguous" in that standard, drawn as two
 * columns by terminals set up for Chinese, which would break the alignment the widths compute.
 */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: Iterable<Row>): string {
  const cells = [columns.map((column) => column.header.toUpperCase())];
  for (const row of rows) cells.push(columns.map((column) => printable(column.cell(row))));
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => stringWidth(line[index] ?? ''))));
  return cells
    .map((line) =>
      line
        .map((cell, index) => {
          const pad = ' '.repeat((widths[index] ?? 0) - stringWidth(cell));
          return columns[index]?.align === 'right' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A two-column table of fields and values, for one record. */
export function renderFields(fields: readonly (readonly [string, string | undefined])[]): string {
  const shown = fields.filter((field): field is readonly [string, string] => field[1] !== undefined);
  const width = Math.max(...shown.map(([name]) => stringWidth(name)));
  return shown
    .map(([name, value]) => `${name}${' '.repeat(width - stringWidth(name))}  ${printable(value)}\n`)
    .join('');
}
