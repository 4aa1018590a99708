import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// Checks answers of the sandbox against Zoom's published response types at run time, with the TypeScript compiler:
// each answer becomes an object literal that must `satisfy` its type, so a field Zoom does not document (an excess
// property), a missing required field, a string where Zoom sends a number or a value outside an enum is a compile
// error, reported with the answer it came from. This is the check a literal copy of the answer in a `.ts` file would
// get from `tsc`, applied to answers produced at run time.

/** A published response type: its name and the module that exports it (resolved from this folder). */
export interface PublishedType {
  /** Module specifier, e.g. `@zoom/rivet/users`. */
  readonly from: string;
  /** Exported type name, e.g. `UsersListUsersResponse`. */
  readonly name: string;
}

/** A response type of Zoom's own Node SDK, `@zoom/rivet`, by module (`users`, `accounts`, `commerce`...). */
export function rivetType(module: string, name: string): PublishedType {
  return { from: `@zoom/rivet/${module}`, name };
}

/**
 * A response shape of `src/zoom/zoom-wire-types.ts`, which transcribes Zoom's API reference for the endpoints Rivet has
 * no module for (Master Account, Billing, OAuth, errors).
 */
export function documentedType(name: string): PublishedType {
  return { from: '../../src/zoom/zoom-wire-types', name };
}

interface Recorded {
  readonly label: string;
  readonly type: PublishedType;
  readonly body: unknown;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const VIRTUAL_FILE = `${HERE}__published-answers__.ts`;

// The project's own strictness (tsconfig.base.json): optional fields may be absent, never `undefined` or `null`.
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  skipLibCheck: true,
  noEmit: true,
};

/**
 * The answers of one scenario and the published type each one claims. `record` them as they arrive, then
 * `violations()` compiles them all at once and lists every mismatch (empty when every answer type-checks).
 */
export class PublishedAnswers {
  readonly #recorded: Recorded[] = [];

  /** Keeps `body` to be checked against `type`; `label` says where it came from (e.g. `GET /accounts`). */
  record<T>(label: string, type: PublishedType, body: T): T {
    if (body === undefined) throw new Error(`${label}: no body to check against ${type.name}.`);
    this.#recorded.push({ label, type, body });
    return body;
  }

  /** How many answers were recorded. */
  get size(): number {
    return this.#recorded.length;
  }

  /** The labels recorded so far, in order. */
  labels(): string[] {
    return this.#recorded.map((entry) => entry.label);
  }

  /** Every answer that does not type-check against its published type, as readable lines. */
  violations(): string[] {
    if (this.#recorded.length === 0) return [];
    const { source, ranges } = this.#source();
    const host = ts.createCompilerHost(OPTIONS);
    const read = host.readFile.bind(host);
    const exists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (name) => (name === VIRTUAL_FILE ? source : read(name));
    host.fileExists = (name) => name === VIRTUAL_FILE || exists(name);
    host.getSourceFile = (name, language, onError, create) =>
      name === VIRTUAL_FILE
        ? ts.createSourceFile(name, source, language)
        : getSourceFile(name, language, onError, create);
    const program = ts.createProgram([VIRTUAL_FILE], OPTIONS, host);
    const file = program.getSourceFile(VIRTUAL_FILE);
    if (!file) throw new Error('The answers file was not compiled.');
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    const lines = source.split('\n');
    return diagnostics.map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      const line =
        diagnostic.start === undefined ? -1 : file.getLineAndCharacterOfPosition(diagnostic.start).line;
      const index = ranges.findIndex(({ first, last }) => line >= first && line <= last);
      const entry = this.#recorded[index];
      if (!entry) return message; // an import that does not resolve, for instance
      return `${entry.label} (${entry.type.name}): ${message} [at: ${lines[line]?.trim()}]`;
    });
  }

  #source(): { source: string; ranges: { first: number; last: number }[] } {
    const aliases = new Map<string, string>();
    const imports: string[] = [];
    for (const { type } of this.#recorded) {
      const key = `${type.from}#${type.name}`;
      if (aliases.has(key)) continue;
      const alias = `T${aliases.size}`;
      aliases.set(key, alias);
      imports.push(`import type { ${type.name} as ${alias} } from '${type.from}';`);
    }
    const lines = [...imports];
    const ranges: { first: number; last: number }[] = [];
    this.#recorded.forEach(({ label, type, body }, index) => {
      lines.push(`// ${label.replaceAll('\n', ' ')}`);
      const literal = JSON.stringify(body, null, 2).split('\n');
      const first = lines.length;
      lines.push(`export const answer${index} = ${literal[0]}`, ...literal.slice(1));
      lines[lines.length - 1] += ` satisfies ${aliases.get(`${type.from}#${type.name}`)};`;
      ranges.push({ first, last: lines.length - 1 });
    });
    return { source: `${lines.join('\n')}\n`, ranges };
  }
}
