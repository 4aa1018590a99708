import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from '@channelkit/core';
import { zoomWebhookDelivery } from '@channelkit/sandbox';
import type { ChannelEvent } from '@channelkit/types';
import { zoom } from '@channelkit/zoom';
import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../src/receiver';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('the referral-webhooks example', () => {
  it('prints each change of the sandbox once, as typed events', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--conditions=@channelkit/source', 'examples/referral-webhooks/src/main.ts'],
      { cwd: root, timeout: 60_000 },
    );
    expect(stdout).toContain('zoom URL validation answered: true');
    const lines = stdout.split('\n').filter((line) => line.startsWith('event: '));
    const expected = [
      /^event: zoom account \S+ created \{"ownerEmail":"admin1@example.com.sg"\} \(account\.created\)$/,
      /^event: zoom account \S+ closed → closed \(account\.disassociated\)$/,
      /^event: bizconf account \S+ created \(ENTERPRISE_CREATED\)$/,
      /^event: bizconf licences of \S+: \? → 30 seats$/,
      /^event: zhumu account \S+ status_changed → active \(enterprise\.review_approved\)$/,
      /^event: zhumu licences of \S+: \? → 15 seats$/,
      /^event: umeet account \S+ created → active \(account\.provisioned\)$/,
      /^event: umeet account \S+ status_changed → active \(account\.activated\)$/,
      /^event: umeet licences of \S+: \? → 20 seats$/,
      /^event: umeet account \S+ status_changed → suspended \(account\.suspended\)$/,
      /^event: bizconf referral OPP\d+ submitted → accepted \(OPPORTUNITY_STATUS_CHANGED\)$/,
      /^event: bizconf referral LD\d+ → submitted \(LEAD_ASSIGNED\)$/,
      /^event: bizconf referral LD\d+ submitted → accepted \(LEAD_STATUS_CHANGED\)$/,
      /^event: umeet referral dr_\w+ submitted → accepted \(deal_registration\.status_changed\)$/,
      /^event: umeet referral lead_\w+ → submitted \(lead\.offered\)$/,
      /^event: umeet referral lead_\w+ submitted → declined \(lead\.status_changed\)$/,
    ];
    // Deliveries may arrive in any order; each change is printed exactly once.
    for (const pattern of expected)
      expect(
        lines.filter((line) => pattern.test(line)),
        String(pattern),
      ).toHaveLength(1);
    expect(lines).toHaveLength(expected.length);
    expect(stdout).toMatch(/deliveries: \d+ \(\d+ duplicates\); events printed: 16/);
    expect(stdout).toContain('each change printed once: true');
  });
});

describe('the receiver', () => {
  const secret = 'receiver-test-secret';
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
  });

  async function start() {
    const events: ChannelEvent[] = [];
    const client = createClient(
      zoom({ accountId: 'a', clientId: 'c', clientSecret: 's', webhookSecretToken: secret }),
    );
    receiver = await startReceiver({ zoom: client }, (event) => events.push(event));
    return { events, url: receiver.urlFor('zoom') };
  }

  it('prints a genuine delivery once and refuses forged and stale ones', async () => {
    const { events, url } = await start();
    const genuine = zoomWebhookDelivery(
      'account.created',
      { id: 'sub_1', owner_id: 'u', email: 'o@example.com' },
      { secret },
    );
    const post = (delivery: { body: string; headers: Readonly<Record<string, string>> }) =>
      fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body }).then(
        (answer) => answer.status,
      );
    expect(await post(genuine)).toBe(200);
    expect(await post(genuine)).toBe(200);
    const forged = zoomWebhookDelivery('account.created', { id: 'sub_2' }, { secret: 'guessed' });
    expect(await post(forged)).toBe(401);
    const stale = zoomWebhookDelivery(
      'account.created',
      { id: 'sub_3' },
      { secret, at: Date.now() - 3_600_000 },
    );
    expect(await post(stale)).toBe(401);
    while (events.length < 1) await new Promise((resolve) => setImmediate(resolve));
    expect(events.map((event) => event.type === 'account.changed' && event.accountId)).toEqual(['sub_1']);
    expect((await fetch(url.replace('/zoom', '/nowhere'), { method: 'POST' })).status).toBe(404);
  });
});
