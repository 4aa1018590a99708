import { enterpriseAccountSchema } from '@channelkit/types';
import { describe, expect, it } from 'vitest';
import { sandboxed, sentTo } from './harness';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('accounts.get', () => {
  it('maps a sub-account', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@beta.example', accountName: 'Beta Ltd' });

    const account = await adapter.accounts.get(stored.id, context);

    expect(enterpriseAccountSchema.parse(account)).toEqual(account);
    expect(account).toEqual({
      partner: 'zoom',
      id: stored.id,
      name: 'Beta Ltd',
      status: 'active',
      owner: { email: 'owner@beta.example' },
      createdAt: stored.createdAt,
      externalRefs: { ownerId: stored.ownerId, accountNumber: String(stored.accountNumber) },
    });
    expect(sentTo(sent, 'GET', `/accounts/${stored.id}`)).toHaveLength(1);
    // Zoom's GET /accounts/{id} names no account: the name comes from the account's entry in GET /accounts.
    expect(
      sentTo(sent, 'GET', '/accounts').map((request) => request.url.searchParams.get('page_size')),
    ).toEqual(['300']);
  });

  it('walks GET /accounts page by page until the account’s entry, and no further', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const stored = Array.from({ length: 750 }, (_, index) =>
      sandbox.zoom.createAccount({ email: `owner${index}@many.example`, accountName: `Customer ${index}` }),
    );
    const wanted = stored[450];
    if (!wanted) throw new Error('no account 450');

    const account = await adapter.accounts.get(wanted.id, context);

    expect(account).toMatchObject({
      id: wanted.id,
      name: 'Customer 450',
      owner: { email: 'owner450@many.example' },
    });
    // Entry 451 is on the second page of 300: the third page is never asked for.
    expect(sentTo(sent, 'GET', '/accounts')).toHaveLength(2);
  });

  it('throws NotFoundError with Zoom code 2001 for an unknown account', async () => {
    const { adapter, context } = sandboxed();
    await expect(adapter.accounts.get('nope', context)).rejects.toMatchObject({
      name: 'NotFoundError',
      code: 'not_found',
      status: 404,
      platformCode: 2001,
      requestId: expect.stringContaining('rid='),
    });
  });
});

describe('accounts.list', () => {
  it('walks every page with next_page_token', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const stored = Array.from({ length: 5 }, (_, index) =>
      sandbox.zoom.createAccount({ email: `owner${index}@gamma.example` }),
    );

    const accounts = await collect(adapter.accounts.list({ pageSize: 2 }, context));

    expect(accounts.map((account) => account.id)).toEqual(stored.map((account) => account.id));
    for (const account of accounts) expect(enterpriseAccountSchema.parse(account)).toEqual(account);
    const pages = sentTo(sent, 'GET', '/accounts');
    expect(pages).toHaveLength(3);
    expect(pages.map((page) => page.url.searchParams.get('page_size'))).toEqual(['2', '2', '2']);
    expect(pages[0]?.url.searchParams.has('next_page_token')).toBe(false);
    expect(pages[1]?.url.searchParams.get('next_page_token')).toBeTruthy();
  });

  it('asks for Zoom’s largest page by default and fetches lazily', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    sandbox.zoom.createAccount({ email: 'a@delta.example' });
    sandbox.zoom.createAccount({ email: 'b@delta.example' });
    const iterator = adapter.accounts.list({}, context)[Symbol.asyncIterator]();
    expect(sent).toHaveLength(0);
    await iterator.next();
    expect(sentTo(sent, 'GET', '/accounts')[0]?.url.searchParams.get('page_size')).toBe('300');
  });

  it('lists every account as active and nothing for another status, without a request', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    sandbox.zoom.createAccount({ email: 'a@epsilon.example' });
    expect(await collect(adapter.accounts.list({ status: 'active' }, context))).toHaveLength(1);
    sent.length = 0;
    expect(await collect(adapter.accounts.list({ status: 'suspended' }, context))).toEqual([]);
    expect(sent).toHaveLength(0);
  });
});

describe('accounts.close', () => {
  it('disassociates the sub-account and returns it as closed', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@zeta.example', accountName: 'Zeta' });

    const closed = await adapter.accounts.close?.(stored.id, context);

    expect(closed).toMatchObject({ id: stored.id, name: 'Zeta', status: 'closed' });
    expect(enterpriseAccountSchema.parse(closed)).toEqual(closed);
    expect(sentTo(sent, 'DELETE', `/accounts/${stored.id}`)).toHaveLength(1);
    expect(sandbox.zoom.getAccount(stored.id)?.associated).toBe(false);
    await expect(adapter.accounts.get(stored.id, context)).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('treats a retried DELETE that finds the account gone as closed', async () => {
    const { sandbox, adapter, context, sent } = sandboxed();
    const stored = sandbox.zoom.createAccount({ email: 'owner@eta2.example' });
    sandbox.faults.add({ method: 'DELETE', when: 'after', fault: { kind: 'reset' }, times: 1 });

    await expect(adapter.accounts.close?.(stored.id, context)).resolves.toMatchObject({ status: 'closed' });

    expect(sentTo(sent, 'DELETE', `/accounts/${stored.id}`)).toHaveLength(2);
    expect(sandbox.zoom.getAccount(stored.id)?.associated).toBe(false);
  });

  it('sends no DELETE for an unknown account', async () => {
    const { adapter, context, sent } = sandboxed();
    await expect(adapter.accounts.close?.('missing', context)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect(sent.filter((request) => request.method === 'DELETE')).toHaveLength(0);
  });
});
