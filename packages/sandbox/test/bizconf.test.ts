// The in-memory Bizconf as a sandbox platform: hosted by default, its gateway's answers (envelopes with HTTP 200,
// gateway pages), its order of checks, and its controls. Signed requests are exercised by @channelkit/bizconf's tests,
// which sign with the adapter and verify with this platform.
import {
  BIZCONF_SANDBOX_BASE_URL,
  BIZCONF_SANDBOX_CREDENTIALS,
  bizconfSandboxPlatform,
  createSandbox,
  type RunningSandbox,
  startSandbox,
} from '@channelkit/sandbox';
import { afterEach, describe, expect, it } from 'vitest';

const API = `${BIZCONF_SANDBOX_BASE_URL}/openapi/v1`;

async function answer(sandbox: ReturnType<typeof createSandbox>, request: Request) {
  const result = await sandbox.handle(request);
  if (!(result instanceof Response)) throw new Error(`connection fault ${result.kind}`);
  const text = await result.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a gateway page
  }
  return { status: result.status, headers: result.headers, body: body as { code?: number; msg?: string } };
}

let running: RunningSandbox | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('the in-memory Bizconf', () => {
  it('is hosted by default, under /bizconf on the loopback server, with the environment its adapter reads', async () => {
    expect(createSandbox().platforms).toContain('bizconf');
    running = await startSandbox();
    expect(running.urls('bizconf')).toEqual({ baseUrl: `${running.url}/bizconf` });
    expect(running.environment()).toMatchObject({
      BIZCONF_APP_ID: BIZCONF_SANDBOX_CREDENTIALS.appId,
      BIZCONF_APP_SECRET: BIZCONF_SANDBOX_CREDENTIALS.appSecret,
      BIZCONF_BASE_URL: `${running.url}/bizconf`,
    });
    const response = await fetch(`${running.url}/bizconf/openapi/v1/enterprises`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: 40102, data: null });
  });

  it('answers an unsigned request, whatever its path, with 40102 in an HTTP 200 envelope carrying a request id', async () => {
    const sandbox = createSandbox({ platforms: [bizconfSandboxPlatform()] });
    for (const path of ['/enterprises', '/nowhere']) {
      const reply = await answer(sandbox, new Request(`${API}${path}`));
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ code: 40102, msg: expect.stringContaining('缺少签名参数') });
      expect(reply.headers.get('x-request-id')).toMatch(/^[0-9a-f]{16}$/);
    }
    const outside = await answer(sandbox, new Request(`${BIZCONF_SANDBOX_BASE_URL}/v2/enterprises`));
    expect(outside.body).toMatchObject({ code: 40102 });
  });

  it('refuses a body that is not a JSON object (40002) before looking at the signature', async () => {
    const sandbox = createSandbox({ platforms: [bizconfSandboxPlatform()] });
    for (const body of ['', 'seats=3', '[1,2]', 'null']) {
      const reply = await answer(sandbox, new Request(`${API}/enterprises`, { method: 'POST', body }));
      expect(reply.body).toMatchObject({ code: 40002, msg: '请求体必须是 JSON 对象' });
    }
  });

  it('renders injected faults as Bizconf’s gateway answers them', async () => {
    const sandbox = createSandbox({ platforms: [bizconfSandboxPlatform()] });
    const get = () => answer(sandbox, new Request(`${API}/enterprises/E1`));

    sandbox.faults.add({
      platform: 'bizconf',
      times: 1,
      fault: { kind: 'rate_limit', retryAfterSeconds: 2 },
    });
    const limited = await get();
    expect(limited.status).toBe(200);
    expect(limited.body).toMatchObject({ code: 42901, msg: '请求过于频繁，请稍后再试' });
    expect(limited.headers.get('retry-after')).toBe('2');

    sandbox.faults.add({ platform: 'bizconf', times: 1, fault: { kind: 'token_expired' } });
    expect((await get()).body).toMatchObject({ code: 40104 });

    sandbox.faults.add({ platform: 'bizconf', times: 1, fault: { kind: 'server_error', status: 500 } });
    expect(await get()).toMatchObject({ status: 500, body: { code: 50001, msg: '系统繁忙，请稍后再试' } });

    sandbox.faults.add({ platform: 'bizconf', times: 1, fault: { kind: 'server_error', status: 502 } });
    const page = await get();
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(String(page.body)).toContain('502 Bad Gateway');

    expect(sandbox.requests.map((request) => [request.category, request.fault])).toEqual([
      ['query', 'rate_limit'],
      ['query', 'token_expired'],
      ['query', 'server_error'],
      ['query', 'server_error'],
    ]);
  });

  it('names its categories: query for reads and task polls, write for changes', () => {
    expect(bizconfSandboxPlatform().rateLimitCategories).toEqual(['query', 'write']);
    expect(() =>
      createSandbox({ platforms: [bizconfSandboxPlatform()], rateLimits: { bizconf: { heavy: 1 } } }),
    ).toThrow("bizconf has no rate-limit category 'heavy' (it has: query, write)");
  });

  it('has controls that seed and inspect state, and refuse what makes no sense', () => {
    const platform = bizconfSandboxPlatform({ credentials: { appId: 'my_app' } });
    const sandbox = createSandbox({ platforms: [platform], now: () => Date.parse('2026-01-15T20:00:00Z') });
    const controls = sandbox.controls(platform);
    expect(controls.credentials).toEqual({
      appId: 'my_app',
      appSecret: BIZCONF_SANDBOX_CREDENTIALS.appSecret,
    });

    const created = controls.createEnterprise({
      enterpriseName: '上海示例科技有限公司',
      creditCode: '91310000MA1FL4B24G',
      seats: 5,
    });
    // 20:00 UTC is 04:00 the next day in Beijing: the term starts on the Beijing date.
    expect(created).toMatchObject({
      enterpriseId: expect.stringMatching(/^E20260116\d{6}$/),
      status: 'NORMAL',
      licence: { seats: 5, usedSeats: 0, termStart: '2026-01-16', termEnd: '2027-01-15', autoRenew: true },
    });
    controls.assignSeats(created.enterpriseId, 3);
    expect(controls.getEnterprise(created.enterpriseId)?.licence.usedSeats).toBe(3);
    expect(() => controls.setTerm(created.enterpriseId, { start: '2026-02-30', end: '2027-01-01' })).toThrow(
      RangeError,
    );
    expect(() => controls.approve(created.enterpriseId)).toThrow('is not REVIEWING');
    expect(() => controls.assignSeats('E0', 1)).toThrow('No sandbox Bizconf enterprise E0');
    expect(controls.listEnterprises()).toHaveLength(1);
    expect(controls.listTasks()).toEqual([]);
  });
});
