import { createClient } from '@channelkit/core';
import { ZHUMU_SANDBOX_CREDENTIALS } from '@channelkit/sandbox';
import { zhumu } from '@channelkit/zhumu';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { contextFor, provisionInput, recordRequests, sandboxed, sentTo, server, settled } from './harness';

describe('every Zhumu call is a form-encoded POST carrying api_key and api_secret', () => {
  it('sends provision, get, list and licences as POST forms below /v3, credentials in the body only', async () => {
    const { adapter, context, sent } = sandboxed();

    const account = await adapter.accounts.provision(provisionInput(), context);
    await adapter.accounts.get(account.id, context);
    for await (const _ of adapter.accounts.list({}, context)) {
      // drain
    }
    await adapter.licences.get(account.id, context);
    await settled(sent);

    expect(sent.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /v3/enterprise/create',
      'POST /v3/enterprise/get',
      'POST /v3/enterprise/list',
      'POST /v3/enterprise/licence/get',
    ]);
    for (const request of sent) {
      expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
      expect(request.url.search).toBe('');
      expect(request.form.api_key).toBe(ZHUMU_SANDBOX_CREDENTIALS.apiKey);
      expect(request.form.api_secret).toBe(ZHUMU_SANDBOX_CREDENTIALS.apiSecret);
    }
    expect(sentTo(sent, '/enterprise/get')[0]?.form.enterprise_id).toBe(account.id);
    expect(sentTo(sent, '/enterprise/list')[0]?.form).toMatchObject({ page_number: '1', page_size: '300' });
  });

  it('maps the provision input onto the create form: mobile without +86, one address line, plan and seats', async () => {
    const { adapter, context, sent } = sandboxed();

    await adapter.accounts.provision(provisionInput(), context);
    await settled(sent);

    const { api_key: _key, api_secret: _secret, ...form } = sentTo(sent, '/enterprise/create')[0]?.form ?? {};
    expect(form).toEqual({
      name: '上海瞩目示例信息技术有限公司',
      credit_code: '91310000MA1FL4B24G',
      admin_email: 'wang.wei@example.cn',
      admin_first_name: '伟',
      admin_last_name: '王',
      admin_mobile: '13800138000',
      industry: '软件和信息技术服务业',
      employee_count: '51-250',
      website: 'https://example.cn',
      province: '上海市',
      city: '上海市',
      address: '浦东新区世纪大道 100 号 20 楼',
      postal_code: '200120',
      external_id: 'crm-4711',
      plan: 'business',
      seats: '10',
    });
  });

  it('percent-encodes Chinese text as UTF-8, and it arrives, is stored and comes back intact', async () => {
    const { adapter, context, sent, controls } = sandboxed();
    const name = '北京瞩目🎥示例科技有限公司（测试）';

    const account = await adapter.accounts.provision(
      provisionInput({ profile: { ...provisionInput().profile, legalName: name } }),
      context,
    );

    await settled(sent);
    const raw = sentTo(sent, '/enterprise/create')[0]?.text ?? '';
    // 北 is E5 8C 97 in UTF-8; the emoji is four bytes, never a UTF-16 surrogate escape.
    expect(raw).toContain('name=%E5%8C%97%E4%BA%AC');
    expect(raw).toContain('%F0%9F%8E%A5');
    expect(raw).not.toMatch(/%u[0-9A-F]{4}/i);
    expect(controls.getEnterprise(account.id)?.name).toBe(name);
    expect(controls.getEnterprise(account.id)?.address).toBe('浦东新区世纪大道 100 号 20 楼');
    expect(account.name).toBe(name);
    expect((await adapter.accounts.get(account.id, context)).profile?.address).toEqual({
      line1: '浦东新区世纪大道 100 号 20 楼',
      city: '上海市',
      region: '上海市',
      postalCode: '200120',
      country: 'CN',
    });
  });

  it('carries Zhumu’s Chinese error messages into the error intact', async () => {
    const { adapter, context } = sandboxed();

    const error = await adapter.accounts.get('does-not-exist', context).catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'NotFoundError',
      platformCode: 2001,
      platformMessage: '企业不存在 / Enterprise does not exist: does-not-exist',
    });
    expect((error as Error).message).toContain('企业不存在');
  });

  it('talks to a configured base URL and path prefix', async () => {
    const sent = recordRequests();
    server.use(
      http.post('https://zhumu-gateway.example.cn/partner/api/v3/enterprise/get', () =>
        HttpResponse.json({
          id: 'e1',
          name: '示例',
          credit_code: '91310000MA1FL4B24G',
          status: 1,
          admin_email: 'a@example.cn',
          created_at: '2026-01-02T11:04:05+08:00',
        }),
      ),
    );
    const adapter = zhumu({
      apiKey: 'k',
      apiSecret: 'secret-value',
      baseUrl: 'https://zhumu-gateway.example.cn/partner/',
      pathPrefix: '/api/v3/',
    });

    const account = await adapter.accounts.get('e1', contextFor(adapter).context);

    expect(account).toMatchObject({ id: 'e1', status: 'active' });
    expect(sent[0]?.url.href).toBe('https://zhumu-gateway.example.cn/partner/api/v3/enterprise/get');
  });

  it('sends the request id Zhumu answers with along in errors', async () => {
    const { adapter, context } = sandboxed();
    const error = await adapter.accounts.get('missing', context).catch((e: unknown) => e);
    expect((error as { requestId?: string }).requestId).toMatch(/^zm-[0-9a-f]{12}$/);
  });

  it('works through the client, refusing a customer outside the mainland or a personal business before any request', async () => {
    const { sandbox, adapter } = sandboxed();
    const client = createClient(adapter, { rateLimit: 10_000 });
    const input = provisionInput();

    const failure = await client.accounts
      .provision({ ...input, profile: { ...input.profile, country: 'HK' } })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'ValidationError', field: 'profile.country' });
    expect((failure as Error).message).toContain('Suirui Zhumu');
    const personal = await client.accounts
      .provision({ ...input, profile: { ...input.profile, creditCode: '92310000MA1FL4B24D' } })
      .catch((e: unknown) => e);
    expect(personal).toMatchObject({ name: 'ValidationError', field: 'profile.creditCode' });
    expect((personal as Error).message).toContain('个体工商户');
    expect(sandbox.requests).toHaveLength(0);

    const account = await client.accounts.provision(input);
    expect(account).toMatchObject({
      partner: 'zhumu',
      status: 'pending_verification',
      externalId: 'crm-4711',
    });
    expect(await client.accounts.get(account.id)).toMatchObject({ status: 'active' });
  });
});
