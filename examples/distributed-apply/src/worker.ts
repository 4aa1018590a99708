// A worker: takes licence jobs for the Zoom master account in ZOOM_ACCOUNT_ID from the queue in DATABASE_URL and
// applies them. Run as many as you like, on as many machines: together they stay under the master account's limit.
// SIGTERM lets the running jobs finish, then exits.
// Usage: DATABASE_URL=postgres://... ZOOM_ACCOUNT_ID=... ZOOM_CLIENT_ID=... ZOOM_CLIENT_SECRET=... node worker.ts
import { runWorker } from '@channelkit/bullmq';
import { zoom } from '@channelkit/zoom';

const worker = await runWorker({
  connection: process.env.DATABASE_URL ?? 'postgres://localhost/channelkit',
  adapters: { zoom: zoom() },
  onOutcome: (outcome) => console.log(`${outcome.actionId}: ${outcome.status}`),
});
console.log(`worker ready: ${worker.queues.join(', ')}`);
await worker.closed;
console.log('worker closed');
