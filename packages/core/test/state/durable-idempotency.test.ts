import { join } from 'node:path';
import { createClient, IdempotencyKeyReuseError } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { customer, fast, requestLines, startPlatform, testAdapter } from '../client/test-platform';
import { openFileStore, tempFolder } from './helpers';

describe('a file state store as the client’s idempotency store', () => {
  it('keeps a provision’s idempotency key across a restart: the repeat returns the account without a request', async () => {
    startPlatform();
    const path = join(await tempFolder(), 'keys.journal');
    const first = await openFileStore(path);
    const before = createClient(testAdapter(), { ...fast, idempotency: { store: first } });
    const account = await before.accounts.provision(customer(1, 5), { idempotencyKey: 'crm-4711-provision' });
    await first.close(); // the process ends

    const second = await openFileStore(path);
    const after = createClient(testAdapter(), { ...fast, idempotency: { store: second } });
    const lines = requestLines().length;
    expect(await after.accounts.provision(customer(1, 5), { idempotencyKey: 'crm-4711-provision' })).toEqual(
      account,
    );
    expect(requestLines()).toHaveLength(lines);
    // The key stays bound to its input, across the restart too.
    await expect(
      after.accounts.provision(customer(2, 5), { idempotencyKey: 'crm-4711-provision' }),
    ).rejects.toThrow(IdempotencyKeyReuseError);
  });
});
