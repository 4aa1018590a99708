import { describe, expect, it } from 'vitest';
import { fencedCodeBlocks } from '../markdown/fenced-code-blocks';

const markdown = [
  '# Title', //                              1
  '', //                                     2
  '```ts', //                                3
  'const a: number = 1;', //                 4
  '```', //                                  5
  '', //                                     6
  '- a list item:', //                       7
  '', //                                     8
  '  ```typescript', //                      9
  '  const b = 2;', //                       10
  '    const indented = 3;', //              11
  '  ```', //                                12
  '', //                                     13
  '<!-- ts-context', //                      14
  'declare const input: string;', //         15
  '-->', //                                  16
  '', //                                     17
  '````ts title="with a fence inside"', //   18
  'const md = "```";', //                    19
  '````', //                                 20
  '~~~sh', //                                21
  'npm test', //                             22
  '~~~', //                                  23
  'Inline ```ts code``` is no fence.', //    24
].join('\n');

describe('fencedCodeBlocks', () => {
  const blocks = fencedCodeBlocks(markdown);

  it('finds every fenced block with its language and the lines of its fences', () => {
    expect(blocks.map((block) => [block.language, block.openLine, block.closeLine])).toEqual([
      ['ts', 3, 5],
      ['typescript', 9, 12],
      ['ts', 18, 20],
      ['sh', 21, 23],
    ]);
  });

  it("removes a list item's fence indentation, and only that", () => {
    expect(blocks[1]?.lines).toEqual(['const b = 2;', '  const indented = 3;']);
  });

  it('keeps a longer fence open across a shorter one', () => {
    expect(blocks[2]?.lines).toEqual(['const md = "```";']);
  });

  it('attaches the ts-context comment above a block, with the lines it starts on', () => {
    expect(blocks[2]?.context).toEqual({ startLine: 14, lines: ['', 'declare const input: string;', ''] });
    expect(blocks[0]?.context).toBeUndefined();
  });

  it('reads a one-line ts-context, and ignores other comments', () => {
    const [withContext, withOther] = fencedCodeBlocks(
      [
        '<!-- ts-context: declare const x: number; -->',
        '```ts',
        'x;',
        '```',
        '<!-- note -->',
        '```ts',
        '```',
      ].join('\n'),
    );
    expect(withContext?.context).toEqual({ startLine: 1, lines: [' declare const x: number; '] });
    expect(withOther?.context).toBeUndefined();
  });

  it('closes an unclosed block at the end of the file', () => {
    expect(fencedCodeBlocks('```ts\nconst open = 1;')).toMatchObject([
      { openLine: 1, closeLine: 3, lines: ['const open = 1;'] },
    ]);
  });
});
