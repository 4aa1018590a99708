import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelkit, displayColumnsOf, seededSandbox, workFolder, writeInput } from './helpers';

interface PlanJson {
  hash: string;
  actions: { kind: string; accountId: string; after: { seats: number } }[];
  violations: { rule: string; row: number }[];
  summary: Record<string, number>;
}

interface ReportJson {
  complete: boolean;
  totals: Record<string, number>;
  outcomes: { accountId: string; status: string; resumed?: boolean }[];
}

describe('channelkit licences get', async () => {
  const sandbox = await seededSandbox();
  const cwd = await workFolder();

  it('shows the plan and seats of each account', async () => {
    const [first, second] = sandbox.ids;
    const run = await channelkit(['licences', 'get', first ?? '', second ?? ''], { cwd, env: sandbox.env });

    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ACCOUNT +PLAN +PURCHASED +ASSIGNED/);
    expect(lines[1]).toMatch(new RegExp(`^${first} +business_monthly +10 +2 `));
    expect(lines[2]).toMatch(new RegExp(`^${second} +business_monthly +5 +0 `));

    const json = await channelkit(['licences', 'get', first ?? '', '--json'], { cwd, env: sandbox.env });
    expect(JSON.parse(json.stdout)).toMatchObject({
      licences: [{ accountId: first, plan: 'business_monthly', seats: { purchased: 10, assigned: 2 } }],
    });
  });

  it('refuses a malformed account id before any request', async () => {
    const before = sandbox.apiRequests();
    const run = await channelkit(['licences', 'get', sandbox.ids[0] ?? '', '../admin'], {
      cwd,
      env: sandbox.env,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"../admin"');
    expect(sandbox.apiRequests()).toBe(before);
  });
});

describe('channelkit licences plan and apply', async () => {
  const sandbox = await seededSandbox();
  const cwd = await workFolder();
  const env = sandbox.env;
  const [shanghai = '', acme = '', beijing = ''] = sandbox.ids;

  it('plans from a CSV file: a table of changes by default, exit 0, and the plan saved with --out', async () => {
    const desired = await writeInput(
      cwd,
      'seats.csv',
      `partner,accountId,seats,name\nzoom,${shanghai},15,上海示例信息技术有限公司\nzoom,${acme},5,Acme Ltd\nzoom,${beijing},12,北京示例\n`,
    );
    const before = sandbox.apiRequests();
    const run = await channelkit(['licences', 'plan', '--desired', desired, '--out', 'plan.json'], {
      cwd,
      env,
    });

    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^ROW +ACCOUNT +NAME +ACTION +PLAN +SEATS +ASSIGNED$/);
    expect(run.stdout).toMatch(
      new RegExp(`^ +1 +${shanghai} +上海示例信息技术有限公司 +increase +business_monthly +10 → 15 +2$`, 'm'),
    );
    expect(run.stdout).toMatch(
      new RegExp(`^ +3 +${beijing} +北京示例 +decrease +business_monthly +20 → 12 +3$`, 'm'),
    );
    // The ACTION column lines up after names of different display widths.
    const table = lines.slice(0, lines.indexOf(''));
    const actionColumns = displayColumnsOf(table, /ACTION|increase|decrease/);
    expect(actionColumns).toHaveLength(3);
    expect(new Set(actionColumns).size).toBe(1);
    expect(run.stdout).toContain(
      '1 to increase (+5 seats), 1 to decrease (-8 seats), 0 to change plan, 1 unchanged, 0 violations.',
    );
    // Not a terminal: progress is plain lines on stderr, no carriage returns or escape sequences.
    expect(run.stderr).toMatch(/^plan: 3\/3 {2}100% {2}\S+\/s {2}in \S+$/m);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain(
      'Saved the plan to plan.json. Apply it with: channelkit licences apply plan.json',
    );
    // Reads only.
    expect(
      sandbox.running.sandbox.requests
        .slice(before)
        .every((request) => request.method === 'GET' || request.category === 'oauth'),
    ).toBe(true);
    const saved = JSON.parse(await readFile(join(cwd, 'plan.json'), 'utf8')) as PlanJson;
    expect(saved.actions.map((action) => action.kind)).toEqual(['increase', 'noop', 'decrease']);
  });

  it('applies the plan, then repeats nothing when run again with the same state file', async () => {
    const run = await channelkit(['licences', 'apply', 'plan.json', '--json'], { cwd, env });

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ReportJson;
    expect(report.complete).toBe(true);
    expect(report.totals).toMatchObject({ applied: 2, noop: 1, failed: 0, stale: 0 });
    expect(sandbox.seatsOf(shanghai)).toBe(15);
    expect(sandbox.seatsOf(beijing)).toBe(12);
    expect(run.stderr).toMatch(/^apply: 3\/3 {2}100%/m);

    const writesBefore = sandbox.running.sandbox.requests.filter(
      (request) => request.method === 'PUT',
    ).length;
    const again = await channelkit(['licences', 'apply', 'plan.json'], { cwd, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(earlier run)');
    expect(sandbox.running.sandbox.requests.filter((request) => request.method === 'PUT').length).toBe(
      writesBefore,
    );
  });

  it('reads headers as people write them (Account ID, account_id), and shows no progress with --no-progress', async () => {
    const desired = await writeInput(cwd, 'headers.csv', `Account ID,Seats\n${acme},5\n`);
    const run = await channelkit(['licences', 'plan', '-d', desired, '--no-progress'], { cwd, env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '0 to increase (+0 seats), 0 to decrease (-0 seats), 0 to change plan, 1 unchanged',
    );
    expect(run.stderr).toBe('');

    const snake = await writeInput(cwd, 'snake.csv', `account_id,seats\n${acme},5\n`);
    expect((await channelkit(['licences', 'plan', '-d', snake], { cwd, env })).code).toBe(0);
  });

  it('exits with 3 when rows break a rule, listing them; the plan JSON with --json', async () => {
    const desired = await writeInput(cwd, 'too-few.json', [
      { accountId: shanghai, seats: 1 },
      { accountId: 'no-such-account', seats: 3 },
    ]);
    const run = await channelkit(['licences', 'plan', '-d', desired], { cwd, env });
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('Refused rows');
    expect(run.stdout).toMatch(/^ +1 +\S+ +below_assigned +15 → 1 +Cannot set zoom account/m);
    expect(run.stdout).toMatch(/^ +2 +no-such-account +unknown_account /m);

    const json = await channelkit(['licences', 'plan', '-d', desired, '--json'], { cwd, env });
    expect(json.code).toBe(3);
    const plan = JSON.parse(json.stdout) as PlanJson;
    expect(plan.violations.map((violation) => [violation.row, violation.rule])).toEqual([
      [1, 'below_assigned'],
      [2, 'unknown_account'],
    ]);
  });

  it('exits with 3 and writes nothing to an account changed since the plan (stale)', async () => {
    const desired = await writeInput(cwd, 'stale.csv', `accountId,seats\n${acme},8\n`);
    expect(
      (await channelkit(['licences', 'plan', '-d', desired, '-o', 'stale-plan.json'], { cwd, env })).code,
    ).toBe(0);
    sandbox.running.sandbox.zoom.setPlan(acme, { type: 'business_monthly', hosts: 6 });

    const run = await channelkit(['licences', 'apply', 'stale-plan.json'], { cwd, env });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(new RegExp(`^ +1 +${acme} +increase +stale `, 'm'));
    expect(run.stdout).toContain('changed since the plan was made');
    expect(sandbox.seatsOf(acme)).toBe(6);
  });

  it('exits with 4 when actions fail, and a second run finishes them', async () => {
    const desired = await writeInput(cwd, 'partial.csv', `accountId,seats\n${acme},9\n${beijing},14\n`);
    expect(
      (await channelkit(['licences', 'plan', '-d', desired, '-o', 'partial-plan.json'], { cwd, env })).code,
    ).toBe(0);
    await writeInput(cwd, 'no-retries.json', { maxRetries: 0, state: 'partial.journal' });
    sandbox.running.sandbox.faults.add({
      method: 'PUT',
      path: new RegExp(`/accounts/${beijing}/plans/base$`),
      times: 1,
      fault: { kind: 'server_error', status: 503 },
    });

    const run = await channelkit(['--config', 'no-retries.json', 'licences', 'apply', 'partial-plan.json'], {
      cwd,
      env,
    });
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(new RegExp(`^ +2 +${beijing} +increase +failed `, 'm'));
    expect(run.stdout).toContain('Run the same command again to finish the 1 action left');
    expect(sandbox.seatsOf(acme)).toBe(9);
    expect(sandbox.seatsOf(beijing)).toBe(12);

    const again = await channelkit(
      ['--config', 'no-retries.json', 'licences', 'apply', 'partial-plan.json', '--json'],
      { cwd, env },
    );
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as ReportJson;
    expect(report.outcomes.map((outcome) => [outcome.status, outcome.resumed ?? false])).toEqual([
      ['applied', true],
      ['applied', false],
    ]);
    expect(sandbox.seatsOf(beijing)).toBe(14);
  });
});

describe('bad input is refused before any request, naming the file, row and column', async () => {
  const sandbox = await seededSandbox();
  const cwd = await workFolder();
  const env = sandbox.env;
  const [shanghai = '', acme = ''] = sandbox.ids;

  async function refused(args: string[]) {
    const before = sandbox.apiRequests();
    const run = await channelkit(args, { cwd, env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nothing was sent');
    expect(sandbox.apiRequests()).toBe(before);
    return run.stderr;
  }

  it('a CSV file without the seats column', async () => {
    const file = await writeInput(cwd, 'no-seats.csv', `accountId,plan\n${shanghai},business_monthly\n`);
    expect(await refused(['licences', 'plan', '-d', file])).toContain(
      'no-seats.csv:1: has no "seats" column',
    );
  });

  it('seats that are not a whole number, or negative', async () => {
    const file = await writeInput(cwd, 'bad-seats.csv', `accountId,seats\n${shanghai},12.5\n${acme},-4\n`);
    const message = await refused(['licences', 'plan', '-d', file]);
    expect(message).toContain('bad-seats.csv was refused (2 problems); nothing was sent');
    expect(message).toContain(
      'bad-seats.csv:2: row 1, column "seats": must be a whole number of seats, got 12.5',
    );
    expect(message).toContain('bad-seats.csv:3: row 2, column "seats": must not be negative, got -4');
  });

  it('an unknown partner', async () => {
    const file = await writeInput(cwd, 'partner.json', [{ partner: 'webex', accountId: shanghai, seats: 3 }]);
    expect(await refused(['licences', 'plan', '-d', file])).toContain(
      'partner.json: row 1, field "partner": "webex" is not a platform channelkit knows',
    );
  });

  it('the same account on two rows, also when the first row is refused for another reason', async () => {
    const file = await writeInput(cwd, 'twice-bad.csv', `accountId,seats\n${shanghai},2.5\n${shanghai},4\n`);
    const message = await refused(['licences', 'plan', '-d', file]);
    expect(message).toContain(
      'twice-bad.csv:2: row 1, column "seats": must be a whole number of seats, got 2.5',
    );
    expect(message).toContain(
      `twice-bad.csv:3: row 2, column "accountId": repeats zoom:${shanghai} of row 1 (line 2)`,
    );
  });

  it('the same account on two rows', async () => {
    const file = await writeInput(
      cwd,
      'twice.csv',
      `accountId,seats\n${shanghai},3\n${acme},4\n${shanghai},5\n`,
    );
    expect(await refused(['licences', 'plan', '-d', file])).toContain(
      `twice.csv:4: row 3, column "accountId": repeats zoom:${shanghai} of row 1 (line 2): each account appears once`,
    );
  });

  it('every problem at once, with --json listing them', async () => {
    const file = await writeInput(cwd, 'many.csv', `accountId,seats\n${shanghai},x\n,4\n`);
    const before = sandbox.apiRequests();
    const run = await channelkit(['licences', 'plan', '-d', file, '--json'], { cwd, env });
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stderr) as { error: { name: string; issues: unknown[] } };
    expect(error.name).toBe('InputError');
    expect(error.issues).toEqual([
      {
        file: 'many.csv',
        line: 2,
        row: 1,
        column: 'seats',
        message: 'must be a whole number of seats, got "x"',
      },
      {
        file: 'many.csv',
        line: 3,
        row: 2,
        column: 'accountId',
        message: 'is empty: every row names an account',
      },
    ]);
    expect(sandbox.apiRequests()).toBe(before);
  });

  it('a plan edited after it was made', async () => {
    const desired = await writeInput(cwd, 'ok.csv', `accountId,seats\n${shanghai},11\n`);
    expect(
      (await channelkit(['licences', 'plan', '-d', desired, '-o', 'edited.json'], { cwd, env })).code,
    ).toBe(0);
    const plan = JSON.parse(await readFile(join(cwd, 'edited.json'), 'utf8')) as PlanJson;
    const first = plan.actions[0];
    if (first === undefined) throw new Error('the plan has no action');
    first.after.seats = 500;
    await writeFile(join(cwd, 'edited.json'), JSON.stringify(plan, null, 2));

    const message = await refused(['licences', 'apply', 'edited.json']);
    expect(message).toContain('edited.json: field "hash": does not match the plan’s content');
    expect(sandbox.seatsOf(shanghai)).toBe(10);
  });

  it('a file that is not there, or not a plan', async () => {
    expect(await refused(['licences', 'apply', 'missing.json'])).toContain(
      'missing.json: cannot be read: no such file',
    );
    const notAPlan = await writeInput(cwd, 'not-a-plan.json', { hello: 'world' });
    expect(await refused(['licences', 'apply', notAPlan])).toContain('not-a-plan.json');
  });
});
