import { createHmac } from 'node:crypto';
import { createClient } from '@channelkit/core';
import { umeet } from '@channelkit/umeet';
import { describe, expect, it } from 'vitest';
import { codeSpans, contractExample, contractTables } from '../contract-doc';
import { LICENCE_EVENT_DATA } from './licence-sample';

// The Webhooks section of docs/partners/umeet.md promises what the verifier does: the referral events it lists carry
// the data it names, and every event of its mapping table becomes the channel event the table says.

const SECRET = 'whsec_contract_table';

function eventsOf(type: string, data: unknown) {
  const body = JSON.stringify({ id: `evt_${type}`, type, created_at: '2026-01-01T00:00:00Z', data });
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex');
  const verification = createClient(
    umeet({ clientId: 'n/a', clientSecret: 'n/a', webhookSecret: SECRET }),
  ).webhooks.verify(body, { 'umeet-signature': `t=${t},v1=${v1}` });
  return verification.kind === 'events' ? verification.events : [];
}

const example = contractExample('id') as { type: string; data: Record<string, unknown> };

/** A body of each event of contract v1, the referral events first, as the page lists them. */
const samples: Record<string, Record<string, unknown>> = {
  [example.type]: example.data,
  'lead.offered': { lead_id: 'lead_0000000000000001', status: 'offered', respond_by: '2026-01-08' },
  'lead.status_changed': {
    lead_id: 'lead_0000000000000001',
    status: 'accepted',
    previous_status: 'offered',
    status_reason: null,
  },
  'account.provisioned': { account_id: 'acc_1', status: 'provisioning' },
  'account.activated': { account_id: 'acc_1', status: 'active', previous_status: 'pending_verification' },
  'account.rejected': { account_id: 'acc_1', status: 'rejected' },
  'account.suspended': { account_id: 'acc_1', status: 'suspended', previous_status: 'active' },
  'account.resumed': { account_id: 'acc_1', status: 'active', previous_status: 'suspended' },
  'account.terminated': { account_id: 'acc_1', status: 'terminated' },
  'licence.updated': LICENCE_EVENT_DATA,
};

describe('docs/partners/umeet.md, Webhooks', () => {
  const [referralEvents = [], mapping = []] = contractTables('Webhooks');

  it('lists the referral events with the data they carry', () => {
    const [, ...rows] = referralEvents;
    const referralTypes = Object.keys(samples).filter((type) => !/^(account|licence)\./.test(type));
    expect(rows.map(([type]) => codeSpans(type ?? '')[0])).toEqual(referralTypes);
    for (const [cell = '', , data = ''] of rows) {
      const type = codeSpans(cell)[0] ?? '';
      const undocumented = Object.keys(samples[type] ?? {}).filter(
        (field) => !codeSpans(data).includes(field),
      );
      expect({ type, undocumented }).toEqual({ type, undocumented: [] });
    }
  });

  it('maps every event to the channel event its table says, and the example to its registration', () => {
    const [, ...rows] = mapping;
    expect(rows.flatMap(([cell]) => codeSpans(cell ?? '')).sort()).toEqual(Object.keys(samples).sort());
    for (const [cell = '', channel = ''] of rows) {
      const expected = channel.startsWith('none') ? [] : [codeSpans(channel)[0]];
      for (const type of codeSpans(cell)) {
        expect({ type, events: eventsOf(type, samples[type]).map((event) => event.type) }).toEqual({
          type,
          events: expected,
        });
      }
    }
    expect(eventsOf(example.type, example.data)).toEqual([
      expect.objectContaining({
        referralId: 'dr_0a1b2c3d4e5f6g7h',
        status: 'accepted',
        previousStatus: 'in_review',
        platformStatus: 'approved',
      }),
    ]);
  });
});
