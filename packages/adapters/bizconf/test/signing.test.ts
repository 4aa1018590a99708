import { bizconf } from '@channelkit/bizconf';
import { AuthenticationError, createClient } from '@channelkit/core';
import { BIZCONF_SANDBOX_BASE_URL } from '@channelkit/sandbox';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SignatureInput, signatureOf, stringToSign } from '../src/internal/signing';
import {
  API,
  CREDENTIALS,
  captureLogs,
  customer,
  FAST_POLLS,
  fastClient,
  printed,
  recordRequests,
  sandboxed,
  sentTo,
  server,
  testSettings,
} from './harness';

afterEach(() => {
  vi.useRealTimers();
});

describe('the string to sign and the signature (the contract’s worked examples)', () => {
  const base = {
    appId: 'bc_sandbox_app',
    timestamp: '1768471200000',
    nonce: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  };

  it('signs a listing: query parameters sorted, as they are', () => {
    const input: SignatureInput = {
      ...base,
      method: 'GET',
      path: '/openapi/v1/enterprises',
      query: { status: 'NORMAL', pageSize: '20', pageNo: '1' },
      body: undefined,
    };
    expect(stringToSign(input)).toBe(
      'GET\n/openapi/v1/enterprises\nbc_sandbox_app\n1768471200000\n0f1e2d3c4b5a69788796a5b4c3d2e1f0\n' +
        'pageNo=1&pageSize=20&status=NORMAL',
    );
    expect(signatureOf(CREDENTIALS.appSecret, input)).toBe(
      'bd5355cddff7d008833b1ae6c57ec620af4b9a67f1b83b0426f3c464a942fba8',
    );
  });

  it('signs a JSON body: each field as canonical JSON, Chinese text as UTF-8, nested values sorted', () => {
    const input: SignatureInput = {
      ...base,
      method: 'POST',
      path: '/openapi/v1/enterprises',
      query: {},
      body: {
        seats: 10,
        tags: ['会议', 'A&B'],
        enterpriseName: '上海示例信息技术有限公司',
        bizNo: 'ck5d41402abc4b2a76b9719d911017c592',
        admin: { mobile: '13800138000', givenName: '伟', familyName: '王' },
      },
    };
    expect(stringToSign(input).split('\n')[5]).toBe(
      'admin=%7B%22familyName%22%3A%22%E7%8E%8B%22%2C%22givenName%22%3A%22%E4%BC%9F%22%2C%22mobile%22%3A%2213800138000%22%7D' +
        '&bizNo=%22ck5d41402abc4b2a76b9719d911017c592%22' +
        '&enterpriseName=%22%E4%B8%8A%E6%B5%B7%E7%A4%BA%E4%BE%8B%E4%BF%A1%E6%81%AF%E6%8A%80%E6%9C%AF%E6%9C%89%E9%99%90%E5%85%AC%E5%8F%B8%22' +
        '&seats=10&tags=%5B%22%E4%BC%9A%E8%AE%AE%22%2C%22A%26B%22%5D',
    );
    expect(signatureOf(CREDENTIALS.appSecret, input)).toBe(
      'db5a91fa9ff8a02474d130ea4763710e6dbeef6a85e3fac79635eed75d54828c',
    );
  });

  it('tells a string from the number it spells, and an empty string from a missing field', () => {
    const sign = (body: Record<string, unknown>) =>
      signatureOf(CREDENTIALS.appSecret, { ...base, method: 'POST', path: '/p', query: {}, body });
    expect(sign({ seats: '1' })).not.toBe(sign({ seats: 1 }));
    expect(sign({ a: '' })).not.toBe(sign({}));
    expect(sign({ a: null })).not.toBe(sign({ a: 'null' }));
  });

  it('refuses text that is not Unicode (an unpaired surrogate) before anything is sent', async () => {
    const { adapter, sent } = sandboxed();
    const transport = adapter.createTransport(testSettings);
    const count = sent.length;
    await expect(
      transport.request({ method: 'GET', path: '/enterprises', query: { name: 'a\ud800b' } }),
    ).rejects.toMatchObject({ name: 'ValidationError', field: 'query parameter name' });
    expect(sent).toHaveLength(count);
  });
});

describe('every attempt is signed afresh', () => {
  it('sends app id, timestamp, nonce and signature headers, and never the secret', async () => {
    const { client, controls, sent } = sandboxed();
    const before = Date.now();
    const account = await client.accounts.provision(customer(1, { seats: 3 }));
    const after = Date.now();

    expect(controls.getEnterprise(account.id)?.enterpriseName).toBe('上海示例信息技术有限公司（第1分公司）');
    for (const request of sent) {
      expect(request.headers.get('x-bizconf-app-id')).toBe(CREDENTIALS.appId);
      expect(request.headers.get('x-bizconf-signature')).toMatch(/^[0-9a-f]{64}$/);
      expect(request.headers.get('x-bizconf-nonce')).toMatch(/^[0-9a-f]{32}$/);
      const timestamp = Number(request.headers.get('x-bizconf-timestamp'));
      expect(timestamp).toBeGreaterThanOrEqual(before);
      expect(timestamp).toBeLessThanOrEqual(after);
      const everything = `${request.url.href} ${JSON.stringify([...request.headers])} ${request.text}`;
      expect(everything).not.toContain(CREDENTIALS.appSecret);
    }
    expect(new Set(sent.map((request) => request.headers.get('x-bizconf-nonce'))).size).toBe(sent.length);
  });

  it('re-signs a retried request: new nonce, new signature', async () => {
    const { client, controls, sandbox, sent } = sandboxed();
    const stored = controls.createEnterprise({
      enterpriseName: '北京示例有限公司',
      creditCode: '91310000MA1FL4B24G',
    });
    sandbox.faults.add({
      method: 'GET',
      path: /\/enterprises\/[^/]+$/,
      times: 1,
      fault: { kind: 'rate_limit' },
    });

    await expect(client.accounts.get(stored.enterpriseId)).resolves.toMatchObject({
      name: '北京示例有限公司',
    });

    const attempts = sentTo(sent, 'GET', `/enterprises/${stored.enterpriseId}`);
    expect(attempts).toHaveLength(2);
    const [first, second] = attempts.map((request) => request.headers);
    expect(second?.get('x-bizconf-nonce')).not.toBe(first?.get('x-bizconf-nonce'));
    expect(second?.get('x-bizconf-signature')).not.toBe(first?.get('x-bizconf-signature'));
  });

  it('signs a retry with the clock at the time of the retry: a stale timestamp is refused, the fresh one accepted', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-03-01T08:00:00Z') });
    const { client, controls, sent } = sandboxed();
    const stored = controls.createEnterprise({
      enterpriseName: '深圳示例有限公司',
      creditCode: '91310000MA1FL4B24G',
    });
    const retries: string[] = [];
    client.on('retry', (event) => retries.push(event.reason));
    // Ten minutes pass while the first attempt travels: it arrives with a timestamp Bizconf now finds stale.
    let moved = false;
    server.events.on('request:start', () => {
      if (moved) return;
      moved = true;
      vi.setSystemTime(Date.now() + 600_000);
    });

    await expect(client.accounts.get(stored.enterpriseId)).resolves.toMatchObject({
      id: stored.enterpriseId,
    });

    expect(retries).toEqual(['expired_credentials']);
    const stamps = sentTo(sent, 'GET', `/enterprises/${stored.enterpriseId}`).map((request) =>
      Number(request.headers.get('x-bizconf-timestamp')),
    );
    expect(stamps).toEqual([Date.parse('2026-03-01T08:00:00Z'), Date.parse('2026-03-01T08:10:00Z')]);
  });

  it('gives up after one re-signed attempt when the clocks really differ, and says to check the clock', async () => {
    const { client, sent } = sandboxed({ sandbox: { now: () => Date.now() + 360_000 } });
    const failure = await client.accounts.get('E1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(failure).toMatchObject({ platformCode: 40104, status: 401 });
    expect((failure as Error).message).toContain('签名已过期');
    expect((failure as Error).message).toContain("check this machine's clock");
    expect(sentTo(sent, 'GET', '/enterprises/E1')).toHaveLength(2);
  });

  it('reports a wrong secret as AuthenticationError (code 40103) after one re-signed attempt', async () => {
    const { sent } = sandboxed();
    const secret = 'not-the-secret-7d1e';
    const client = createClient(
      bizconf({
        ...CREDENTIALS,
        appSecret: secret,
        baseUrl: BIZCONF_SANDBOX_BASE_URL,
        provisioning: FAST_POLLS,
      }),
      fastClient,
    );
    const failure = await client.accounts.get('E1').catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'AuthenticationError', platformCode: 40103 });
    expect((failure as Error).message).toContain('签名错误');
    expect((failure as Error).message).toContain('check appSecret');
    expect(printed(failure)).not.toContain(secret);
    expect(sentTo(sent, 'GET', '/enterprises/E1')).toHaveLength(2);
  });
});

describe('the secret and the signatures never show', () => {
  // Echoed under names that say "secret" (`sign`, `appSecret`), or only inside the message and the request id, where
  // nothing but the strategy's list of recent signatures can recognise them.
  it.each([
    ['under sensitive names and in the message', true],
    ['only in the message, the details and the request id', false],
  ])('not in errors, events or logs, when the platform echoes them %s', async (_, named) => {
    const signatures: string[] = [];
    server.use(
      http.all(`${API}/*`, ({ request }) => {
        const signature = request.headers.get('x-bizconf-signature') ?? '';
        signatures.push(signature);
        return HttpResponse.json(
          {
            code: 40103,
            msg: `签名错误：收到 ${signature}，密钥 ${CREDENTIALS.appSecret}`,
            data: {
              errors: [{ field: 'signature', message: `expected ${signature}` }],
              ...(named ? { sign: signature, appSecret: CREDENTIALS.appSecret } : {}),
            },
          },
          { headers: { 'x-request-id': `${signature}-${CREDENTIALS.appSecret}` } },
        );
      }),
    );
    recordRequests();
    const { lines, logger } = captureLogs();
    const client = createClient(
      bizconf({ ...CREDENTIALS, baseUrl: BIZCONF_SANDBOX_BASE_URL, provisioning: FAST_POLLS }),
      { ...fastClient, logger, emitBodies: true },
    );
    const events: unknown[] = [];
    for (const name of ['request', 'response', 'retry', 'error'] as const) {
      client.on(name, (event) => events.push(event));
    }

    const failures = [
      await client.accounts.get('E1').catch((error: unknown) => error),
      await client.accounts.provision(customer(2, { seats: 2 })).catch((error: unknown) => error),
      await client.licences.set('E1', { seats: 3 }).catch((error: unknown) => error),
    ];

    expect(signatures.length).toBeGreaterThanOrEqual(6);
    const surfaces = [...failures.map(printed), JSON.stringify(events), JSON.stringify(lines)].join('\n');
    expect(surfaces).toContain('签名错误');
    expect(surfaces).toContain('[REDACTED]');
    expect(surfaces).not.toContain(CREDENTIALS.appSecret);
    for (const signature of signatures) expect(surfaces).not.toContain(signature);
  });
});
