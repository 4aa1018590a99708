import { createClient } from '@channelkit/core';
import { createSandbox, ZOOM_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { zoom } from '@channelkit/zoom';
import { describe, expect, it } from 'vitest';
import { provisionInput, server } from './harness';

function clientOverSandbox() {
  const sandbox = createSandbox({ seed: 11 });
  server.use(...sandbox.handlers());
  const client = createClient(zoom({ ...ZOOM_SANDBOX_CREDENTIALS }), {
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
  });
  return { sandbox, client };
}

describe('through createClient', () => {
  it('provisions, lists, changes seats and closes, with outputs the client validates', async () => {
    const { sandbox, client } = clientOverSandbox();
    const events: string[] = [];
    client.on('account.provisioned', () => events.push('account.provisioned'));

    const account = await client.accounts.provision(provisionInput({ seats: 5 }));
    for (const index of [1, 2, 3]) sandbox.zoom.createAccount({ email: `other${index}@client.example` });

    const listed = await client.accounts.list({ pageSize: 2 }).collect({ limit: 10 });
    const licences = await client.licences.set(account.id, { seats: 7 });
    const closed = await client.accounts.close(account.id);

    expect(events).toEqual(['account.provisioned']);
    expect(listed.map((entry) => entry.id)).toContain(account.id);
    expect(listed).toHaveLength(4);
    expect(licences.seats.purchased).toBe(7);
    expect(closed.status).toBe('closed');
  });

  it('refuses the operations Zoom lacks with UnsupportedOperationError', async () => {
    const { client } = clientOverSandbox();
    expect(client.capabilities.accounts.suspend).toBe(false);
    await expect(client.accounts.suspend('abc')).rejects.toMatchObject({ name: 'UnsupportedOperationError' });
    await expect(client.accounts.resume('abc')).rejects.toMatchObject({ name: 'UnsupportedOperationError' });
  });
});
