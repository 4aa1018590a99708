// The producer: plans a licence sync from a desired list (JSON: [{ "accountId": "...", "seats": 25 }, ...]),
// enqueues the plan, follows the workers' progress, and prints the report's totals as JSON. Exits 0 when every
// action is done, 1 otherwise.
// Usage: DATABASE_URL=postgres://... ZOOM_ACCOUNT_ID=... ZOOM_CLIENT_ID=... ZOOM_CLIENT_SECRET=... node producer.ts desired.json
import { readFile } from 'node:fs/promises';
import { createChannelQueue } from '@channelkit/bullmq';
import { createClient, type DesiredLicence } from '@channelkit/core';
import { zoom } from '@channelkit/zoom';

const desired = JSON.parse(await readFile(process.argv[2] ?? 'desired.json', 'utf8')) as DesiredLicence[];
const client = createClient(zoom());
const plan = await client.licences.plan(desired);
console.error(`plan ${plan.hash}: ${plan.summary.increase} increases, ${plan.summary.decrease} decreases`);

const queue = createChannelQueue({
  connection: process.env.DATABASE_URL ?? 'postgres://localhost/channelkit',
});
try {
  const { jobs } = await queue.enqueueApply(plan);
  console.error(`enqueued ${jobs} jobs`);
  const report = await queue.waitForApply(plan.hash, {
    intervalMs: 500,
    onReport: (r) => console.error(`${r.totals.actions - r.totals.notDone}/${r.totals.actions} done`),
  });
  console.log(JSON.stringify(report.totals));
  process.exitCode = report.complete ? 0 : 1;
} finally {
  await queue.close();
}
