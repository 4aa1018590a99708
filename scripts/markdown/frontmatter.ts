// YAML frontmatter as typedoc reads it: a block between `---` lines at the very top of a Markdown file.
import { parse } from 'yaml';

/** A Markdown file split into its frontmatter and its body. */
export interface MarkdownWithFrontmatter {
  /** The parsed frontmatter (`{}` when there is none). */
  data: Record<string, unknown>;
  /** Everything after the frontmatter. */
  body: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits `markdown` into frontmatter and body. */
export function splitFrontmatter(markdown: string): MarkdownWithFrontmatter {
  const match = FRONTMATTER.exec(markdown);
  if (!match) return { data: {}, body: markdown };
  const data: unknown = parse(match[1] ?? '');
  return {
    data: data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {},
    body: markdown.slice(match[0].length),
  };
}

/** The first level-1 heading of `markdown` (`# Title`), if any. */
export function firstHeading(markdown: string): string | undefined {
  return /^# (.+)$/m.exec(splitFrontmatter(markdown).body)?.[1]?.trim();
}

/** The first paragraph after the level-1 heading: the page's one-line summary. */
export function firstParagraph(markdown: string): string | undefined {
  const body = splitFrontmatter(markdown).body.replace(/^[\s\S]*?^# .+$/m, '');
  const paragraph = body
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .find((part) => part !== '' && !/^(#|```|~~~|\||<!--|-|\*|>)/.test(part));
  return paragraph?.replace(/\s*\r?\n\s*/g, ' ');
}
