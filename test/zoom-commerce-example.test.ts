import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

// The Zoom Partner Commerce example, in its own process against the sandbox server, as a user runs it.
it('runs the Zoom Partner Commerce example end to end', async () => {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', '--conditions=@channelkit/source', 'examples/zoom-commerce/src/main.ts'],
    { cwd: root, timeout: 60_000 },
  );

  expect(stdout).toMatch(/Example Asia Pte\. Ltd\. {2}id=ACC-\d+ {2}status=active {2}zoom account=\d+/);
  expect(stdout).toContain('repeated with the same key → same account: true');
  expect(stdout).toContain('purchased=25  commitment=annual');
  expect(stdout).toContain('25 → 40 seats, accepted=true, MRR +274.88 USD');
  expect(stdout).toContain('purchased=40');
  expect(stdout).toMatch(/DR-\d+ {2}status=submitted \(Zoom: Submitted\)/);
  expect(stdout).toContain('Zoom returned it: action_required, "Name the decision maker"');
  expect(stdout).toContain('event referral.updated  action_required → submitted');
  expect(stdout).toContain('ReferralTransitionError: referrals.resubmit refused');
  expect(stdout).toContain('writes sent: 0');
  expect(stdout).toContain('end customers: 2, orders: 2');
  expect(stdout).toContain('accepted deal: Example Logistics – 300 seats');
});
