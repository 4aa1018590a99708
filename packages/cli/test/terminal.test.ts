import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI, displayColumnsOf, type SeededAccount, seededSandbox, workFolder, writeInput } from './helpers';

const execute = promisify(execFile);

// util-linux `script` runs a command on a pseudo-terminal: the only way to see what a user at a terminal sees.
const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences a terminal receives are the subject
const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]/g;
// A redraw goes back to the start of the line: a carriage return, or the sequence that moves to column 1.
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const LINE_START = /\r|\u001b\[1G/;

/** What is left on the screen of each line: the text after its last return to its start, escape sequences removed. */
function screenLines(output: string): string[] {
  return output.split('\r\n').map((line) => (line.split(LINE_START).at(-1) ?? '').replace(ESCAPES, ''));
}

const customers: SeededAccount[] = Array.from({ length: 24 }, (_, index) => ({
  name:
    index % 3 === 0
      ? `上海示例信息技术有限公司${index}`
      : index % 3 === 1
        ? `Acme ${index} Ltd`
        : `北京${index}`,
  seats: 10,
}));

describe.skipIf(!hasScript)('at a terminal (a pseudo-terminal made by util-linux script)', async () => {
  const sandbox = await seededSandbox(customers);
  const cwd = await workFolder();

  it('redraws a progress bar in place, then prints tables whose columns line up with Chinese names', async () => {
    const rows = sandbox.ids.map((id, index) => `${id},${12 + index},${customers[index]?.name}`);
    await writeInput(cwd, 'seats.csv', `accountId,seats,name\n${rows.join('\n')}\n`);
    const command = `node ${CLI} licences plan -d seats.csv -o plan.json && node ${CLI} licences apply plan.json`;
    const { stdout } = await execute('script', ['-qec', command, '/dev/null'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...sandbox.env },
      maxBuffer: 16 * 1024 * 1024,
    });

    for (const label of ['plan', 'apply']) {
      // Every draw returns to the start of the line and erases what is left of it: at least the first and the last.
      const draw = `(?:\\r|\\u001b\\[1G)${label} \\[[=-]{24}\\] \\d+/24 [^\\r\\n\\u001b]*\\u001b\\[0?K`;
      const draws = stdout.match(new RegExp(draw, 'g')) ?? [];
      expect(draws.length).toBeGreaterThanOrEqual(2);
      expect(draws.at(-1)).toMatch(new RegExp(`${label} \\[={24}\\] 24/24 {2}100% {2}\\S+/s {2}in \\S+`));
    }
    expect(stdout).toContain('\u001b[?25l'); // the cursor is hidden while drawing, and shown again
    expect(stdout).toContain('\u001b[?25h');

    const lines = screenLines(stdout);
    const header = lines.findIndex((line) => /^ROW +ACCOUNT +NAME +ACTION/.test(line));
    expect(header).toBeGreaterThanOrEqual(0);
    const table = lines.slice(header, header + 25);
    expect(table.slice(1).every((line) => /increase/.test(line))).toBe(true);
    const actionColumns = displayColumnsOf(table, /ACTION|increase/);
    expect(actionColumns).toHaveLength(25);
    expect(new Set(actionColumns).size).toBe(1);
    expect(lines.some((line) => /^Plan sha256:\w+: 24 applied, /.test(line))).toBe(true);
    expect(sandbox.seatsOf(sandbox.ids[23] ?? '')).toBe(35);
  });
});

if (!hasScript) {
  it.skip('at a terminal: skipped, util-linux `script` is not installed (apt-get install util-linux)', () => {});
}
