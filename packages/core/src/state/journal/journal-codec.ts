import { createHash } from 'node:crypto';

// A journal is newline-delimited: each record is one line `<checksum> <json>\n`, where the checksum is the first 16 hex
// digits of the SHA-256 of the JSON text. JSON.stringify escapes every control character, so a record never holds a
// newline of its own, and a line that is cut short, padded with zeros or otherwise damaged fails its checksum: it is
// recognised, never misread.

const NEWLINE = 0x0a;
const CHECKSUM_DIGITS = 16;
const CHECKSUM_LINE = /^[0-9a-f]{16} /;

function checksumOf(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, CHECKSUM_DIGITS);
}

/** One record as a journal line, newline included. */
export function encodeRecord(record: unknown): Buffer {
  const json = JSON.stringify(record);
  return Buffer.from(`${checksumOf(json)} ${json}\n`, 'utf8');
}

/** The record a complete line holds (without its newline), or `undefined` when the line is damaged. */
export function decodeLine(line: Buffer): unknown {
  const text = line.toString('utf8');
  if (!CHECKSUM_LINE.test(text)) return undefined;
  const json = text.slice(CHECKSUM_DIGITS + 1);
  if (checksumOf(json) !== text.slice(0, CHECKSUM_DIGITS)) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** What reading a journal found. */
export interface JournalScan {
  /** Bytes from the start that hold whole, valid records: the journal's true length. */
  validBytes: number;
  /** Valid records read. */
  records: number;
  /** The 1-based line of a damaged record followed by valid ones, which a torn write cannot explain. */
  damagedLine?: number | undefined;
}

/**
 * Reads journal bytes chunk by chunk and hands each valid record to `onRecord`, in order. A damaged or incomplete
 * tail (what a write cut short by a crash leaves) is excluded from `validBytes`; a damaged record with valid ones after
 * it is reported as `damagedLine`, and reading stops at it.
 */
export class JournalScanner {
  readonly #onRecord: (record: unknown, line: number) => void;
  #carry: Buffer = Buffer.alloc(0);
  #offset = 0;
  #line = 0;
  #validBytes = 0;
  #records = 0;
  #firstBad: { line: number; offset: number } | undefined;
  #damagedLine: number | undefined;

  constructor(onRecord: (record: unknown, line: number) => void) {
    this.#onRecord = onRecord;
  }

  /** Feeds the next chunk of the file. */
  push(chunk: Buffer): void {
    if (this.#damagedLine !== undefined) return;
    let data = this.#carry.length === 0 ? chunk : Buffer.concat([this.#carry, chunk]);
    let start = 0;
    for (;;) {
      const end = data.indexOf(NEWLINE, start);
      if (end === -1) break;
      this.#line += 1;
      const record = decodeLine(data.subarray(start, end));
      const lineStart = this.#offset + start;
      const lineEnd = this.#offset + end + 1;
      if (record === undefined) {
        this.#firstBad ??= { line: this.#line, offset: lineStart };
      } else if (this.#firstBad !== undefined) {
        // A valid record after a damaged one: not a torn tail but damage inside the journal.
        this.#damagedLine = this.#firstBad.line;
        return;
      } else {
        this.#onRecord(record, this.#line);
        this.#records += 1;
        this.#validBytes = lineEnd;
      }
      start = end + 1;
    }
    this.#offset += start;
    data = data.subarray(start);
    this.#carry = Buffer.from(data);
  }

  /** Ends the scan; an unterminated last line is a torn write and is not counted. */
  finish(): JournalScan {
    return { validBytes: this.#validBytes, records: this.#records, damagedLine: this.#damagedLine };
  }
}
