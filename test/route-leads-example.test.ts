import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

// The lead-routing example, in its own process against the sandbox server, as a user runs it.
it('routes inbound leads by rules and registers each deal once with the platform chosen', async () => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--conditions=@channelkit/source', 'examples/route-leads/src/main.ts'],
    { cwd: root, timeout: 60_000 },
  );

  expect(stdout).toMatch(/bizconf LD\d+ {2}广州示例会议服务有限公司 {2}12×ROOMS/);
  expect(stdout).toMatch(/umeet {3}lead_\w+ {2}杭州示例电子商务有限公司 {2}80×business/);
  expect(stdout).toMatch(/LD\d+: accepted \(bizconf: FOLLOWING\)/);
  expect(stdout).toMatch(/lead_\w+: accepted \(umeet: accepted\)/);
  expect(stdout).toMatch(
    /LD\d+ → bizconf {2}\(Routed to bizconf by rule 'rooms': the lead asks for rooms\.\)/,
  );
  expect(stdout).toMatch(/registered OPP\d+ {2}status=submitted \(bizconf: PENDING\)/);
  expect(stdout).toMatch(
    /lead_\w+ → umeet {2}\(Routed to umeet by rule 'east-china': the customer is in CN, 浙江省/,
  );
  expect(stdout).toMatch(/registered dr_\w+ {2}status=submitted \(umeet: pending_review\)/);
  // Zhumu takes no referrals: the weighted split of the mainland rule is between Umeet and Bizconf only.
  expect(stdout).toContain(
    "by rule 'mainland': the customer is in mainland China (CN); weighted split (umeet 1, bizconf 1)",
  );
  expect(stdout).toContain("'east-china' (the customer's region 北京市 is not one of 上海, 浙江, 江苏)");
  expect(stdout).toMatch(/web-lead-17 → zoom {2}\(Routed to zoom by rule 'asean'/);
  expect(stdout).toMatch(/registered DR-\d+ {2}status=submitted \(zoom: Submitted\)/);
  expect(stdout).toMatch(/mainland {3}chosen {6}the customer is in mainland China \(CN\)/);
  expect(stdout).toMatch(/asean {6}not_reached rule 'mainland' decided first/);
  expect(stdout).toContain('same platform and same registration for every lead: true');
  expect(stdout).toMatch(/(umeet|bizconf) answers with the registration it holds: true/);
  // Three mainland deals, one Zoom deal: nothing registered twice.
  expect(stdout).toMatch(/Bizconf opportunities: (\d), Umeet registrations: (\d), leads: 4/);
  const [, opportunities, registrations] =
    /Bizconf opportunities: (\d), Umeet registrations: (\d)/.exec(stdout) ?? [];
  expect(Number(opportunities) + Number(registrations)).toBe(3);
});
