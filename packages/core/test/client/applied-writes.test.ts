import { isChannelError, PartiallyAppliedError, ResponseValidationError } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { customer, requestLines, startPlatform, testClient } from './test-platform';

describe('a write that was applied is never reported as a clean failure', () => {
  it('reports an applied write whose answer fails validation as PartiallyAppliedError, naming the resource', async () => {
    const platform = startPlatform();
    // The platform creates the account but answers without the owner the domain requires.
    platform.createAnswer = { id: 'a-1', name: 'Example 1 Pte. Ltd.', state: 'live', created: 'not a date' };
    const { client } = testClient();

    const error = await client.accounts.provision(customer(1)).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(PartiallyAppliedError);
    expect(error).toMatchObject({
      code: 'partially_applied',
      platform: 'umeet',
      operation: 'accounts.provision',
      resourceId: 'a-1',
      message: expect.stringMatching(/applied in part to a-1.*Read a-1/),
    });
    expect((error as Error).cause).toBeInstanceOf(ResponseValidationError);
    expect(platform.accounts.size).toBe(1);
  });

  it('keeps a malformed answer without any id a ResponseValidationError: there is nothing to name', async () => {
    const platform = startPlatform();
    platform.createAnswer = {};
    const { client } = testClient();
    await expect(client.accounts.provision(customer(2))).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it('does not fail a write because an event listener throws, and reports the listener to the logger', async () => {
    const platform = startPlatform();
    const errors: { message: string; fields: Record<string, unknown> | undefined }[] = [];
    const log = () => {};
    const { client } = testClient({
      logger: {
        debug: log,
        info: log,
        warn: log,
        error: (message, fields) => errors.push({ message, fields }),
      },
    });
    const broken = () => {
      throw new Error('listener bug');
    };
    const seen: string[] = [];
    client.on('account.provisioned', broken);
    client.on('account.provisioned', (event) => seen.push(event.account.id));

    const account = await client.accounts.provision(customer(3), { idempotencyKey: 'crm-3' });

    expect(account.id).toBe('a-1');
    expect(seen).toEqual(['a-1']);
    expect(errors).toEqual([
      { message: expect.stringContaining('listener threw'), fields: { error: 'Error: listener bug' } },
    ]);
    // off() finds the wrapped listener.
    client.off('account.provisioned', broken);
    await client.accounts.provision(customer(4));
    expect(errors).toHaveLength(1);
    expect(seen).toEqual(['a-1', 'a-2']);
    expect(platform.accounts.size).toBe(2);
  });

  it('reports a provision that created the account but not its seats as applied in part', async () => {
    const platform = startPlatform();
    platform.failSeatsWith = 400;
    const { client } = testClient();
    const error = await client.accounts.provision(customer(5, 3)).catch((failure: unknown) => failure);
    expect(isChannelError(error) && error.code).toBe('partially_applied');
    expect((error as Error).message).toMatch(
      /umeet accounts\.provision was applied in part to a-1\. Done: created account a-1\. Not done: set 3 seats\. Stopped by: BadRequestError: .*Repeat the same call with the same idempotency key/,
    );
    expect(requestLines()).toEqual(['POST /accounts', 'PUT /accounts/a-1/seats']);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'PartiallyAppliedError',
      code: 'partially_applied',
      resourceId: 'a-1',
      applied: ['created account a-1'],
      remaining: ['set 3 seats'],
    });
  });
});
