import { describe, expect, it } from 'vitest';
import { CUSTOMERS, channelkit, displayColumnsOf, seededSandbox, workFolder, writeInput } from './helpers';

const customer = {
  profile: {
    legalName: '台灣示例科技股份有限公司',
    country: 'TW',
    industry: 'software',
    employeeCount: '51-250',
    website: 'https://example.com.tw',
    address: { line1: '信義路五段 7 號', city: '台北市', region: '信義區', postalCode: '110', country: 'TW' },
  },
  admin: { firstName: 'Wei', lastName: 'Wang', email: 'admin@example.com.tw', mobile: '+886912345678' },
  seats: 25,
  plan: 'business_yearly',
  externalId: 'crm-4711',
};

describe('channelkit accounts', async () => {
  const sandbox = await seededSandbox();
  const cwd = await workFolder();
  const env = sandbox.env;

  it('lists accounts as a table whose columns line up with Chinese (full-width) names', async () => {
    const run = await channelkit(['accounts', 'list'], { cwd, env });

    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID {2,}NAME {2,}STATUS {2,}CREATED$/);
    expect(lines).toHaveLength(CUSTOMERS.length + 1);
    for (const customer of CUSTOMERS) expect(run.stdout).toContain(customer.name);
    // The STATUS column starts at the same display column on every line, after 上海… (2 columns a character).
    const statusColumns = displayColumnsOf(lines, /STATUS|active/);
    expect(statusColumns).toHaveLength(lines.length);
    expect(new Set(statusColumns).size).toBe(1);
    expect(run.stderr).toBe(`${CUSTOMERS.length} accounts\n`);
  });

  it('lists accounts as JSON with --json', async () => {
    const run = await channelkit(['accounts', 'list', '--json', '--limit', '2'], { cwd, env });

    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { accounts: { id: string; name: string }[]; errors: unknown[] };
    expect(listed.accounts.map((account) => account.id)).toEqual(sandbox.ids.slice(0, 2));
    expect(listed.accounts[0]?.name).toBe(CUSTOMERS[0]?.name);
    expect(listed.errors).toEqual([]);
  });

  it('shows one account', async () => {
    const id = sandbox.ids[1] ?? '';
    const table = await channelkit(['accounts', 'get', id], { cwd, env });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`^id +${id}$`, 'm'));
    expect(table.stdout).toMatch(/^name +Acme Ltd$/m);

    const json = await channelkit(['accounts', 'get', id, '--json'], { cwd, env });
    expect(JSON.parse(json.stdout)).toMatchObject({ account: { id, partner: 'zoom', status: 'active' } });
  });

  it('exits with 1 and the platform’s answer for an account it does not have', async () => {
    const run = await channelkit(['accounts', 'get', 'no-such-account'], { cwd, env });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Account does not exist');
  });

  it('provisions an account once, and returns the same one when run again (the key is in the state file)', async () => {
    const file = await writeInput(cwd, 'customer.json', customer);
    const first = await channelkit(['accounts', 'provision', file, '--json'], { cwd, env });
    expect(first.code).toBe(0);
    const created = JSON.parse(first.stdout) as {
      account: { id: string; name: string };
      idempotencyKey: string;
    };
    expect(created.account.name).toBe(customer.profile.legalName);

    const again = await channelkit(['accounts', 'provision', file], { cwd, env });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^id +${created.account.id}$`, 'm'));
    expect(again.stderr).toContain(created.idempotencyKey);
    const named = sandbox.running.sandbox.zoom
      .listAccounts()
      .filter((account) => account.accountName === customer.profile.legalName);
    expect(named).toHaveLength(1);
  });

  it('refuses a provision input before any request, naming the file and each field', async () => {
    const before = sandbox.apiRequests();
    const file = await writeInput(cwd, 'bad-customer.json', {
      ...customer,
      admin: { ...customer.admin, email: 'not an email' },
      seats: -3,
    });
    const run = await channelkit(['accounts', 'provision', file], { cwd, env });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad-customer.json was refused (2 problems); nothing was sent');
    expect(run.stderr).toContain('field "admin.email"');
    expect(run.stderr).toContain('field "seats"');
    expect(sandbox.apiRequests()).toBe(before);
  });
});
