import { PassThrough } from 'node:stream';
import { REDACTED } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../src/output/output';
import { printable, renderTable } from '../src/output/table';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('the output scrubber', () => {
  it('replaces every known credential in results and messages, the longest first', () => {
    const stdout = capture();
    const stderr = capture();
    const output = createOutput({ json: false, stdout: stdout.stream, stderr: stderr.stream });
    output.addSecrets(['secret-1234', 'secret-1234-and-more', 'abc']);
    output.out('a secret-1234-and-more b secret-1234 c abc\n');
    output.err('failed with secret-1234\n');
    output.outJson({ echoed: 'xsecret-1234x' });

    expect(stdout.text()).toBe(`a ${REDACTED} b ${REDACTED} c abc\n{"echoed":"x${REDACTED}x"}\n`);
    expect(stderr.text()).toBe(`failed with ${REDACTED}\n`);
  });
});

describe('tables', () => {
  it('neutralises control characters a platform could use to steer the terminal', () => {
    expect(printable('evil\u001b]0;title\u0007name\u009b2J')).toBe('evil?]0;title?name?2J');
    const table = renderTable([{ header: 'name', cell: (row: string) => row }], ['\u001b[2Jx']);
    expect(table).toBe('NAME\n?[2Jx\n');
  });
});
