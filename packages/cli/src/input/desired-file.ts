import { extname } from 'node:path';
import { accountIdSchema, type HubDesiredLicence } from '@channelkit/core';
import { MAX_SEATS } from '@channelkit/types';
import { CsvError, parse } from 'csv-parse/sync';
import { type InputIssue, IssueList, quoted } from '../internal/cli-errors';
import { parseJsonText, readInputFile } from './read-input-file';

/** A row of a desired list, checked, with where it came from. */
export interface DesiredRow extends HubDesiredLicence {
  /** The customer's name for people, from the optional `name` column; shown in tables, never sent. */
  readonly name?: string | undefined;
  /** The row, from 1 (data rows of a CSV file; items of a JSON list). */
  readonly row: number;
  /** The line of a CSV file. */
  readonly line?: number | undefined;
}

/** What {@link readDesiredFile} needs to know of the platforms. */
export interface DesiredFileContext {
  /** The platform of rows that name none: `--partner`, else the only configured platform. */
  readonly defaultPartner: string | undefined;
  /** With `--partner`, every row must name that platform (or none). */
  readonly onlyPartner: string | undefined;
  /** Why a partner id cannot be used (unknown, not configured), or `undefined` when it can. */
  partnerProblem(partner: string): string | undefined;
}

/** The columns of a desired list; `partner`, `plan` and `name` are optional. */
const COLUMNS = ['partner', 'accountId', 'seats', 'plan', 'name'] as const;
type ColumnName = (typeof COLUMNS)[number];

/** `Account ID`, `account_id` and `accountId` name the same column. */
function columnOf(header: string): ColumnName | undefined {
  const key = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  return COLUMNS.find((column) => column.toLowerCase() === key);
}

/**
 * Reads a desired list from a CSV file (a header row naming the columns `partner`, `accountId`, `seats`, `plan`,
 * `name`; UTF-8) or a JSON file (a list of objects with those fields), and checks every row before anything is sent:
 * the columns, the seats (a whole number from 1 to 1,000,000), the account id, the platform, and that no account
 * appears twice. Every problem is reported at once, each with the file, line, row and column.
 * @throws InputError listing the problems.
 */
export async function readDesiredFile(
  path: string,
  cwd: string,
  context: DesiredFileContext,
): Promise<DesiredRow[]> {
  const text = await readInputFile(path, cwd);
  const issues = new IssueList();
  const reading: Reading = { ...context, seen: new Map() };
  const rows =
    extname(path).toLowerCase() === '.json'
      ? rowsOfJson(text, path, reading, issues)
      : rowsOfCsv(text, path, reading, issues);
  // An empty list is a mistake of its own; a list whose every row was refused has said why already.
  if (rows.length === 0 && issues.count === 0)
    issues.add({ file: path, message: 'has no rows: nothing to plan' });
  issues.throwIfAny();
  return rows;
}

/** The platforms, and the accounts named so far (by `partner:accountId`), to find one named twice. */
interface Reading extends DesiredFileContext {
  readonly seen: Map<string, Where>;
}

/** The raw cells of one row, by column, before they are checked. */
type RawRow = Partial<Record<ColumnName, unknown>>;

function rowsOfCsv(text: string, file: string, context: Reading, issues: IssueList): DesiredRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true }) as never;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : undefined;
    const message =
      error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
        ? `has ${(error.record as unknown[] | undefined)?.length ?? 'another number of'} cells where the header has ${(error.header as unknown[] | undefined)?.length ?? 'a different number'}`
        : `is not valid CSV: ${error.message.replace(/ (on|at) line \d+.*$/, '')}`;
    issues.add({ file, line, message });
    return [];
  }
  const [header, ...data] = records;
  if (header === undefined) return [];
  const columns = header.record.map((name) => ({ name, column: columnOf(name) }));
  const present = new Set<ColumnName>();
  for (const { name, column } of columns) {
    if (column === undefined) {
      issues.add({
        file,
        line: header.info.lines,
        column: name,
        message: `is not a column of a desired list (they are ${COLUMNS.join(', ')})`,
      });
    } else if (present.has(column)) {
      issues.add({ file, line: header.info.lines, column: name, message: 'appears twice in the header' });
    } else present.add(column);
  }
  for (const required of ['accountId', 'seats'] as const) {
    if (!present.has(required)) {
      issues.add({
        file,
        line: header.info.lines,
        message: `has no "${required}" column: the header row names the columns, e.g. partner,accountId,seats,plan`,
      });
    }
  }
  if (!present.has('accountId') || !present.has('seats')) return [];
  const rows: DesiredRow[] = [];
  data.forEach(({ record, info }, index) => {
    const raw: RawRow = {};
    columns.forEach(({ column }, cell) => {
      if (column !== undefined) raw[column] = record[cell];
    });
    const row = checkRow(raw, { file, line: info.lines, row: index + 1 }, context, issues, 'csv');
    if (row) rows.push(row);
  });
  return rows;
}

function rowsOfJson(text: string, file: string, context: Reading, issues: IssueList): DesiredRow[] {
  const value = parseJsonText(text, file);
  if (!Array.isArray(value)) {
    issues.add({ file, message: 'must hold a JSON list of rows, e.g. [{ "accountId": "…", "seats": 25 }]' });
    return [];
  }
  const rows: DesiredRow[] = [];
  value.forEach((item: unknown, index) => {
    const at = { file, row: index + 1 };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.add({ ...at, message: 'must be an object with accountId and seats' });
      return;
    }
    const raw: RawRow = {};
    for (const [key, field] of Object.entries(item)) {
      if ((COLUMNS as readonly string[]).includes(key)) raw[key as ColumnName] = field;
      else
        issues.add({
          ...at,
          column: key,
          message: `is not a field of a row (they are ${COLUMNS.join(', ')})`,
        });
    }
    const row = checkRow(raw, at, context, issues, 'json');
    if (row) rows.push(row);
  });
  return rows;
}

type Where = Pick<InputIssue, 'file' | 'line'> & { readonly row: number };

function checkRow(
  raw: RawRow,
  where: Where,
  context: Reading,
  issues: IssueList,
  format: 'csv' | 'json',
): DesiredRow | undefined {
  let valid = true;
  const problem = (column: ColumnName, message: string) => {
    valid = false;
    issues.add({ ...where, column, message });
  };
  const text = (column: ColumnName): string | undefined => {
    const value = raw[column];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') {
      problem(column, 'must be a string');
      return undefined;
    }
    return value.trim() === '' ? undefined : value.trim();
  };

  const partnerCell = text('partner');
  const partner = partnerCell ?? context.defaultPartner;
  if (partner === undefined) {
    problem('partner', 'is empty: name the platform of the account, or pass --partner');
  } else if (context.onlyPartner !== undefined && partner !== context.onlyPartner) {
    problem('partner', `is ${quoted(partner)}, but --partner ${context.onlyPartner} was given`);
  } else {
    const why = context.partnerProblem(partner);
    if (why !== undefined) problem('partner', why);
  }

  const accountId = text('accountId');
  if (accountId === undefined) problem('accountId', 'is empty: every row names an account');
  else {
    const parsed = accountIdSchema.safeParse(accountId);
    if (!parsed.success) problem('accountId', parsed.error.issues[0]?.message ?? 'is not an account id');
  }

  // An account named twice is refused on every row after the first, whatever else is wrong with either row: which
  // figure is meant is unclear.
  if (partner !== undefined && accountId !== undefined) {
    const key = `${partner}:${accountId}`;
    const first = context.seen.get(key);
    if (first === undefined) context.seen.set(key, where);
    else {
      problem(
        'accountId',
        `repeats ${key} of row ${first.row}${first.line === undefined ? '' : ` (line ${first.line})`}: each account appears once`,
      );
    }
  }

  const seats = seatsOf(raw.seats, format);
  if (typeof seats === 'string') problem('seats', seats);

  const plan = text('plan');
  if (plan !== undefined && plan.length > 64) problem('plan', 'must be at most 64 characters');
  const name = text('name');

  if (!valid || partner === undefined || accountId === undefined || typeof seats !== 'number')
    return undefined;
  return {
    partner,
    accountId,
    seats,
    ...(plan === undefined ? {} : { plan }),
    ...(name === undefined ? {} : { name }),
    row: where.row,
    ...(where.line === undefined ? {} : { line: where.line }),
  };
}

/** The seats of a cell, or why they are refused. */
function seatsOf(value: unknown, format: 'csv' | 'json'): number | string {
  let seats: number;
  if (format === 'csv' && typeof value === 'string') {
    const cell = value.trim();
    if (cell === '') return 'is empty: give the total seats the account should have, e.g. 25';
    if (!/^[+-]?\d+(\.\d+)?$/.test(cell)) return `must be a whole number of seats, got ${quoted(cell)}`;
    seats = Number(cell);
  } else if (typeof value === 'number') {
    seats = value;
  } else if (value === undefined || value === null) {
    return 'is missing: give the total seats the account should have, e.g. 25';
  } else {
    return `must be a number of seats, got ${quoted(String(JSON.stringify(value)))}`;
  }
  if (!Number.isFinite(seats)) return 'must be a whole number of seats';
  if (seats < 0) return `must not be negative, got ${seats}`;
  if (!Number.isInteger(seats)) return `must be a whole number of seats, got ${seats}`;
  if (seats < 1) return 'must be at least 1 seat (to end an account, close it instead)';
  if (seats > MAX_SEATS) return `must be at most ${MAX_SEATS} seats, got ${seats}`;
  return seats;
}
