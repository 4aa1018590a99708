import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

/** The `rows` rows of the table whose header starts with `first`, after its header and rule line. */
function tableAfter(stdout: string, first: string, rows = 4): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  ${first}  `));
  expect(start, `a table headed ${first}`).toBeGreaterThan(-1);
  expect(lines[start + 1]).toMatch(/^ {2}─+( {2}─+)*$/);
  return lines.slice(start, start + 2 + rows);
}

/** The display column where each cell of a table line starts (two spaces or more end a cell). */
function columnStarts(line: string): number[] {
  const starts: number[] = [];
  let width = 0;
  let previous = ' ';
  let gap = 2;
  for (const char of line) {
    if (char !== ' ' && previous === ' ' && gap >= 2) starts.push(width);
    gap = char === ' ' ? gap + 1 : 0;
    previous = char;
    // A CJK ideograph takes two columns on a terminal (East Asian Wide).
    width += /\p{Script=Han}/u.test(char) ? 2 : 1;
  }
  return starts;
}

// The demo is the first thing a new user runs: it must keep working, end to end, in its own process.
it('provisions a customer on each of the four platforms, shows their licences, and syncs them', async () => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--conditions=@channelkit/source', 'examples/demo/src/main.ts'],
    { cwd: root, timeout: 90_000 },
  );

  // One customer per platform: an international one on Zoom, mainland companies on the three mainland platforms.
  const provisioned = tableAfter(stdout, 'platform  customer');
  expect(
    provisioned.slice(2).map((line) =>
      line
        .trim()
        .split(/\s{2,}/)
        .slice(0, 2),
    ),
  ).toEqual([
    ['zoom', 'Example Asia Pte. Ltd.'],
    ['bizconf', '上海示例信息技术有限公司'],
    ['zhumu', '北京示例网络科技有限公司'],
    ['umeet', '北京示例通信有限公司'],
  ]);
  expect(stdout).toContain('repeated with the same key → same account: true');

  // Refused before any request.
  expect(stdout).toContain('ValidationError on admin.email');
  expect(stdout).toMatch(/ValidationError on profile\.country: .*Bizconf, Suirui Zhumu and Systec Umeet/);
  expect(stdout).toMatch(/ValidationError on profile\.creditCode: .*Unified Social Credit Code/);
  expect(stdout).toContain('requests sent: 0');

  // Licences side by side, after a retried 503, with the Chinese names aligned.
  expect(stdout).toMatch(/↻ zhumu POST \/enterprise\/licence\/get failed \(503\); retry 1/);
  const licences = tableAfter(stdout, 'platform  customer                  plan');
  expect(licences).toHaveLength(6);
  for (const line of licences) expect(columnStarts(line), line).toEqual(columnStarts(licences[0] ?? ''));
  expect(licences[2]).toMatch(/^ {2}zoom .*business_yearly\s+25\s+\d+\s+annual until \d{4}-\d\d-\d\d$/);
  expect(licences[3]).toMatch(/^ {2}bizconf .*STANDARD\s+20\s+0\s+annual until/);
  expect(licences[4]).toMatch(/^ {2}zhumu .*business\s+20\s+0\s+monthly$/);
  expect(licences[5]).toMatch(/^ {2}umeet .*business\s+20\s+\d+\s+flexible/);

  // The sync: the plan as a table (the Bizconf decrease refused by its annual commitment), progress, the final state.
  expect(stdout).toMatch(/plan [0-9a-f]{12}: 3 actions, 1 violation\(s\)/);
  const plan = tableAfter(stdout, 'row');
  expect(plan.slice(2).map((line) => line.trim().split(/\s{2,}/))).toEqual([
    ['1', 'zoom', expect.any(String), 'increase', 'business_yearly', '25 → 30 (+5)'],
    ['2', 'bizconf', expect.any(String), 'refused: commitment_locked', 'STANDARD', '20 → 15'],
    ['3', 'zhumu', expect.any(String), 'decrease', 'business', '20 → 12 (−8)'],
    ['4', 'umeet', expect.any(String), 'change_plan', 'business → enterprise', '20 → 24 (+4)'],
  ]);
  expect(stdout).toMatch(/row 2: Cannot decrease bizconf account \S+ from 20 to 15 seats before renewal/);
  expect(stdout).toContain('[1/3] applied 1');
  expect(stdout).toContain('[3/3] applied 3, nothing to do 0, failed 0');
  expect(stdout).toContain('complete: true');
  const after = tableAfter(stdout, 'platform  plan');
  expect(after.slice(2).map((line) => line.trim().split(/\s{2,}/))).toEqual([
    ['zoom', 'business_yearly', '30', '25'],
    ['bizconf', 'STANDARD', '20', '20'],
    ['zhumu', 'business', '12', '20'],
    ['umeet', 'enterprise', '24', '20'],
  ]);
});
