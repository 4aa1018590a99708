// Finds the fenced code blocks of a Markdown file, with their line numbers and the hidden
// `<!-- ts-context ... -->` comment that may precede a TypeScript block. Only as much CommonMark as the
// project's Markdown uses: backtick and tilde fences of any length, at any indentation (list items).

/** A fenced code block; line numbers are 1-based lines of the Markdown file. */
export interface FencedCodeBlock {
  /** The first word of the info string, lower-cased (`'ts'`, `'sh'`, `''` when absent). */
  language: string;
  /** Line of the opening fence. */
  openLine: number;
  /** Line of the closing fence (the line after the last line of the file when the block is unclosed). */
  closeLine: number;
  /** The block's lines (fence indentation removed); `lines[0]` is on line `openLine + 1`. */
  lines: string[];
  /** The `<!-- ts-context ... -->` comment just above the block, if any. */
  context?: BlockContext;
}

/** Code compiled before a block but not shown: the declarations a fragment assumes. */
export interface BlockContext {
  /** Line of `<!-- ts-context`. */
  startLine: number;
  /** The comment's code, one entry per line from `startLine` (markers removed, so line numbers stay exact). */
  lines: string[];
}

const OPENING_FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const CONTEXT_START = '<!-- ts-context';
const COMMENT_END = '-->';

/** Every fenced code block of `markdown`, in order. */
export function fencedCodeBlocks(markdown: string): FencedCodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: FencedCodeBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING_FENCE.exec(lines[index] ?? '');
    if (!opening) continue;
    const [, indent = '', fence = '', info = ''] = opening;
    // A backtick fence's info string may not contain a backtick (that is inline code, not a fence).
    if (fence.startsWith('`') && info.includes('`')) continue;
    const closing = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = index + 1;
    while (end < lines.length && !closing.test(lines[end] ?? '')) end++;
    const body = lines.slice(index + 1, end).map((line) => stripIndent(line, indent.length));
    const block: FencedCodeBlock = {
      language: (info.trim().split(/\s+/)[0] ?? '').toLowerCase(),
      openLine: index + 1,
      closeLine: end + 1,
      lines: body,
    };
    const context = contextAbove(lines, index);
    if (context) block.context = context;
    blocks.push(block);
    index = end;
  }
  return blocks;
}

// The fence's own indentation (a block inside a list item) is not part of the code.
function stripIndent(line: string, width: number): string {
  let removed = 0;
  while (removed < width && line[removed] === ' ') removed++;
  return line.slice(removed);
}

// A context comment ends on the line above the fence, or above it with only blank lines in between.
function contextAbove(lines: readonly string[], fenceIndex: number): BlockContext | undefined {
  let last = fenceIndex - 1;
  while (last >= 0 && (lines[last] ?? '').trim() === '') last--;
  if (last < 0 || !(lines[last] ?? '').trimEnd().endsWith(COMMENT_END)) return undefined;
  let first = last;
  while (first >= 0 && !(lines[first] ?? '').includes('<!--')) first--;
  if (first < 0 || !(lines[first] ?? '').trimStart().startsWith(CONTEXT_START)) return undefined;
  const code = lines.slice(first, last + 1);
  code[0] = (code[0] ?? '').replace(/^\s*<!-- ts-context:?/, '');
  code[code.length - 1] = (code[code.length - 1] ?? '').replace(/-->\s*$/, '');
  return { startLine: first + 1, lines: code };
}
