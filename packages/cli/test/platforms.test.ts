import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  bizconfSandboxPlatform,
  type Sandbox,
  umeetSandboxPlatform,
  zhumuSandboxPlatform,
} from '@channelkit/sandbox';
import { describe, expect, it } from 'vitest';
import { channelkit, displayColumnsOf, seededSandbox, workFolder, writeInput } from './helpers';

// Each platform the command line registers, driven through the built binary against its sandbox platform: listed,
// read, planned and applied, with the seats checked in the sandbox's own records.

/** A registered platform, as these tests seed and read it. */
interface PlatformCase {
  readonly partner: string;
  readonly prefix: RegExp;
  /** Creates an account with `seats` seats, `used` of them assigned; returns its id. */
  seed(sandbox: Sandbox, name: string, seats: number, used: number): string;
  /** The seats bought, as the sandbox holds them. */
  seatsOf(sandbox: Sandbox, id: string): number | undefined;
}

let counter = 0;
const creditCode = '91310000MA1FL4B24G';

const CASES: readonly PlatformCase[] = [
  {
    partner: 'zoom',
    prefix: /^ZOOM_(?!COMMERCE_)/,
    seed(sandbox, name, seats, used) {
      counter += 1;
      const account = sandbox.zoom.createAccount({ email: `owner${counter}@example.com`, accountName: name });
      sandbox.zoom.setPlan(account.id, { type: 'business_monthly', hosts: seats });
      for (let user = 0; user < used; user++) {
        sandbox.zoom.addUser(account.id, { email: `user${user}@${counter}.example.com`, type: 2 });
      }
      return account.id;
    },
    seatsOf: (sandbox, id) => sandbox.zoom.getAccount(id)?.plan?.hosts,
  },
  {
    partner: 'bizconf',
    prefix: /^BIZCONF_/,
    seed(sandbox, name, seats, used) {
      const controls = sandbox.controls(bizconfSandboxPlatform());
      counter += 1;
      const enterprise = controls.createEnterprise({
        enterpriseName: name,
        creditCode,
        seats,
        adminEmail: `admin${counter}@example.cn`,
      });
      controls.assignSeats(enterprise.enterpriseId, used);
      return enterprise.enterpriseId;
    },
    seatsOf: (sandbox, id) => sandbox.controls(bizconfSandboxPlatform()).getEnterprise(id)?.licence.seats,
  },
  {
    partner: 'zhumu',
    prefix: /^ZHUMU_/,
    seed(sandbox, name, seats, used) {
      counter += 1;
      return sandbox.controls(zhumuSandboxPlatform()).createEnterprise({
        name,
        creditCode,
        seats,
        seatsUsed: used,
        adminEmail: `admin${counter}@example.cn`,
      }).id;
    },
    seatsOf: (sandbox, id) => sandbox.controls(zhumuSandboxPlatform()).getEnterprise(id)?.licence.seats,
  },
  {
    partner: 'umeet',
    prefix: /^UMEET_/,
    seed(sandbox, name, seats, used) {
      counter += 1;
      return sandbox.controls(umeetSandboxPlatform()).createAccount({
        name,
        adminEmail: `admin${counter}@example.cn`,
        purchased: seats,
        assigned: used,
        cap: 500,
      }).id;
    },
    seatsOf: (sandbox, id) => sandbox.controls(umeetSandboxPlatform()).getAccount(id)?.licence.purchased,
  },
];

describe.each(CASES)('channelkit with $partner', async (platform) => {
  const { running, allEnv } = await seededSandbox([]);
  const sandbox = running.sandbox;
  // Only this platform's variables: the commands need no --partner.
  const env = Object.fromEntries(Object.entries(allEnv).filter(([name]) => platform.prefix.test(name)));
  const cwd = await workFolder();
  const first = platform.seed(sandbox, '上海示例信息技术有限公司', 10, 2);
  const second = platform.seed(sandbox, 'Example Co', 20, 4);

  it('lists its accounts and reads their licences', async () => {
    const listed = await channelkit(['accounts', 'list', '--json'], { cwd, env });
    expect(listed.code).toBe(0);
    const { accounts } = JSON.parse(listed.stdout) as {
      accounts: { id: string; partner: string; name: string }[];
    };
    expect(accounts.map((account) => [account.partner, account.id])).toEqual([
      [platform.partner, first],
      [platform.partner, second],
    ]);

    const table = await channelkit(['licences', 'get', first, second], { cwd, env });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`^${first} +\\S+ +10 +2 `, 'm'));
    expect(table.stdout).toMatch(new RegExp(`^${second} +\\S+ +20 +4 `, 'm'));
  });

  it('plans and applies a licence sync', async () => {
    const desired = await writeInput(cwd, 'seats.csv', `accountId,seats\n${first},14\n${second},20\n`);
    const plan = await channelkit(['licences', 'plan', '-d', desired, '-o', 'plan.json'], { cwd, env });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(new RegExp(`^ +1 +${first} +increase +\\S+ +10 → 14 +2$`, 'm'));
    const saved = JSON.parse(await readFile(join(cwd, 'plan.json'), 'utf8')) as {
      platforms: { partner: string }[];
    };
    expect(saved.platforms.map((each) => each.partner)).toEqual([platform.partner]);

    const apply = await channelkit(['licences', 'apply', 'plan.json', '--json'], { cwd, env });
    expect(apply.code).toBe(0);
    expect(JSON.parse(apply.stdout)).toMatchObject({ complete: true, totals: { applied: 1, noop: 1 } });
    expect(platform.seatsOf(sandbox, first)).toBe(14);
    expect(platform.seatsOf(sandbox, second)).toBe(20);
  });
});

describe('channelkit across the four platforms at once', async () => {
  const { running, allEnv: env } = await seededSandbox([]);
  const sandbox = running.sandbox;
  const cwd = await workFolder();
  const rows = CASES.map((platform, index) => ({
    platform,
    id: platform.seed(sandbox, index % 2 === 0 ? `北京示例${index}` : `Example ${index}`, 10, 1),
  }));

  it('plans one desired list spanning them (a partner column), and applies it', async () => {
    const csv = rows.map(({ platform, id }, index) => `${platform.partner},${id},${11 + index}`).join('\n');
    const desired = await writeInput(cwd, 'all.csv', `partner,accountId,seats\n${csv}\n`);
    const plan = await channelkit(['licences', 'plan', '-d', desired, '-o', 'plan.json'], { cwd, env });
    expect(plan.code).toBe(0);
    const lines = plan.stdout.split('\n');
    expect(lines[0]).toMatch(/^ROW +PARTNER +ACCOUNT +ACTION/);
    const table = lines.slice(0, lines.indexOf(''));
    expect(table).toHaveLength(5);
    expect(new Set(displayColumnsOf(table, /ACTION|increase/)).size).toBe(1);

    const apply = await channelkit(['licences', 'apply', 'plan.json', '--json'], { cwd, env });
    expect(apply.code).toBe(0);
    const report = JSON.parse(apply.stdout) as {
      totals: { applied: number };
      byPartner: Record<string, unknown>;
    };
    expect(report.totals.applied).toBe(4);
    expect(Object.keys(report.byPartner).sort()).toEqual(['bizconf', 'umeet', 'zhumu', 'zoom']);
    rows.forEach(({ platform, id }, index) => {
      expect(platform.seatsOf(sandbox, id)).toBe(11 + index);
    });
  });

  it('lists the accounts of every configured platform, or of one with --partner', async () => {
    const all = await channelkit(['accounts', 'list'], { cwd, env });
    expect(all.code).toBe(0);
    expect(all.stdout.split('\n')[0]).toMatch(/^PARTNER +ID +NAME +STATUS +CREATED$/);
    for (const { platform, id } of rows)
      expect(all.stdout).toMatch(new RegExp(`^${platform.partner} +${id} `, 'm'));

    const one = await channelkit(['accounts', 'list', '--partner', 'zhumu', '--json'], { cwd, env });
    const { accounts } = JSON.parse(one.stdout) as { accounts: { partner: string }[] };
    expect(accounts.map((account) => account.partner)).toEqual(['zhumu']);
  });

  it('asks for --partner where a command works with one platform', async () => {
    const run = await channelkit(['licences', 'get', rows[0]?.id ?? ''], { cwd, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Several platforms are configured (zoom, bizconf, zhumu, umeet): choose one with --partner.',
    );
  });
});

describe('channelkit with Zoom Partner Commerce (partners["zoom-commerce"])', async () => {
  const { running, allEnv } = await seededSandbox([]);
  const env = Object.fromEntries(Object.entries(allEnv).filter(([name]) => name.startsWith('ZOOM_')));
  const cwd = await workFolder();
  // The section chooses the mode; its credentials and URLs come from the sandbox's ZOOM_* variables.
  await writeInput(cwd, 'channelkit.config.json', {
    partners: { 'zoom-commerce': { currency: 'USD', defaultPlan: 'PL-ZW-BUSINESS-MONTHLY-USD' } },
  });
  const customer = {
    profile: {
      legalName: 'Example Commerce Pte. Ltd.',
      country: 'SG',
      industry: 'software',
      employeeCount: '51-250',
      website: 'https://commerce.example.com',
      address: {
        line1: '1 Raffles Place',
        city: 'Singapore',
        region: 'Singapore',
        postalCode: '048616',
        country: 'SG',
      },
    },
    admin: {
      firstName: 'Wei',
      lastName: 'Wang',
      email: 'admin@commerce.example.com',
      mobile: '+6591234567',
      jobTitle: 'IT Manager',
    },
    seats: 10,
  };

  let accountId = '';

  it('provisions an end customer, and plans its seats (subscription quantities)', async () => {
    const file = await writeInput(cwd, 'customer.json', customer);
    const provisioned = await channelkit(['accounts', 'provision', file, '--json'], { cwd, env });
    expect(provisioned.stderr).toBe('');
    expect(provisioned.code).toBe(0);
    const { account } = JSON.parse(provisioned.stdout) as { account: { id: string; partner: string } };
    expect(account.partner).toBe('zoom');
    expect(running.sandbox.zoom.commerce.listCustomers()).toHaveLength(1);
    accountId = account.id;

    const licences = await channelkit(['licences', 'get', accountId, '--json'], { cwd, env });
    expect(JSON.parse(licences.stdout)).toMatchObject({
      licences: [{ plan: 'PL-ZW-BUSINESS-MONTHLY-USD', seats: { purchased: 10 } }],
    });
    const desired = await writeInput(cwd, 'seats.csv', `accountId,seats\n${accountId},15\n`);
    const plan = await channelkit(['licences', 'plan', '-d', desired, '-o', 'plan.json'], { cwd, env });
    expect(plan.code).toBe(0);
    // Commerce reports no assigned seats: the column is empty, not "undefined".
    expect(plan.stdout).toMatch(/ increase +PL-ZW-BUSINESS-MONTHLY-USD +10 → 15$/m);
    const table = await channelkit(['licences', 'get', accountId], { cwd, env });
    expect(table.stdout).toMatch(new RegExp(`^${accountId} +PL-ZW-BUSINESS-MONTHLY-USD +10 +\\S`, 'm'));
    expect(table.stdout).not.toContain('undefined');
  });

  // Zoom Partner Commerce reports no assigned seats: its plans carry none, and apply accepts them.
  it('applies the plan through an amendment order', async () => {
    const apply = await channelkit(['licences', 'apply', 'plan.json', '--json'], { cwd, env });
    expect(apply.stderr).toMatch(/^apply: 1\/1 {2}100%/); // progress only: no error
    expect(apply.code).toBe(0);
    expect(JSON.parse(apply.stdout)).toMatchObject({ complete: true, totals: { applied: 1 } });
    const licences = await channelkit(['licences', 'get', accountId, '--json'], { cwd, env });
    expect(JSON.parse(licences.stdout)).toMatchObject({ licences: [{ seats: { purchased: 15 } }] });
  });

  it('refuses two sections for Zoom', async () => {
    const folder = await workFolder();
    await writeInput(folder, 'channelkit.config.json', { partners: { zoom: {}, 'zoom-commerce': {} } });
    const run = await channelkit(['accounts', 'list'], { cwd: folder, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('both configure zoom: keep one of them');
  });
});
