import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../internal/cli-errors';

/** The largest input file read: 256 MiB (a desired list of a million rows is a tenth of that). */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Reads a UTF-8 text file given on the command line (`path`, relative to `cwd`), refusing what cannot be read with
 * the reason; `shown` names it in messages.
 */
export async function readInputFile(path: string, cwd: string, shown = path): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(cwd, path));
  } catch (error) {
    throw new InputError([{ file: shown, message: `cannot be read: ${fileErrorReason(error)}` }]);
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError([{ file: shown, message: `is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB` }]);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) {
    throw new InputError([
      { file: shown, message: 'is not UTF-8 text: save it as UTF-8 (Excel: "CSV UTF-8 (Comma delimited)")' },
    ]);
  }
  return text.replace(/^\uFEFF/, '');
}

/**
 * Parses JSON, naming the line and column of a syntax error. The parser's own message is not repeated: it quotes
 * the text around the error, which may be a credential.
 */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    if (position === undefined) throw new InputError([{ file, message: 'is not valid JSON' }]);
    const before = text.slice(0, Number(position));
    const line = before.split('\n').length;
    const column = Number(position) - before.lastIndexOf('\n');
    throw new InputError([{ file, line, message: `is not valid JSON (at column ${column})` }]);
  }
}

/** Why a file could not be read, in words. */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
