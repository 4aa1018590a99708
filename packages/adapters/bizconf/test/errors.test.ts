import { BIZCONF_ERROR_CODES, bizconf } from '@channelkit/bizconf';
import { ApiError, createClient, isChannelError } from '@channelkit/core';
import { BIZCONF_SANDBOX_BASE_URL } from '@channelkit/sandbox';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, CREDENTIALS, FAST_POLLS, fastClient, recordRequests, server } from './harness';

const CLASS_BY_STATUS: Record<number, string> = {
  400: 'BadRequestError',
  401: 'AuthenticationError',
  403: 'PermissionError',
  404: 'NotFoundError',
  409: 'ConflictError',
  422: 'BadRequestError',
  429: 'RateLimitError',
  500: 'ServerError',
};

/** A client whose every request Bizconf answers with `answer`; returns the error of one `accounts.get` and the attempts. */
async function getWith(answer: () => Response) {
  server.use(http.get(`${API}/enterprises/:id`, answer));
  const sent = recordRequests();
  const client = createClient(
    bizconf({ ...CREDENTIALS, baseUrl: BIZCONF_SANDBOX_BASE_URL, provisioning: FAST_POLLS }),
    fastClient,
  );
  const error = await client.accounts.get('E1').catch((failure: unknown) => failure);
  return { error: error as ApiError, attempts: sent.length };
}

describe('envelope codes answered with HTTP 200 become the error the contract’s table names', () => {
  it.each(BIZCONF_ERROR_CODES.map((entry) => [entry.code, entry.name, entry] as const))(
    '%i %s',
    async (code, _name, entry) => {
      const { error, attempts } = await getWith(() =>
        HttpResponse.json({ code, msg: `会畅错误 ${code}：请联系客服`, data: null }),
      );
      expect(isChannelError(error)).toBe(true);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.name).toBe(CLASS_BY_STATUS[entry.status]);
      expect(error).toMatchObject({ status: entry.status, platformCode: code, platform: 'bizconf' });
      // Bizconf's own words arrive intact, Chinese and all.
      expect(error.message).toContain(`会畅错误 ${code}：请联系客服`);
      expect(error.platformMessage).toContain(`会畅错误 ${code}：请联系客服`);
      // Rate limits and failures are retried (twice here); a refused signature is signed afresh once; the rest not.
      const expected = entry.status === 429 || entry.status >= 500 ? 3 : entry.status === 401 ? 2 : 1;
      expect(attempts).toBe(expected);
    },
  );

  it('reads a code sent as a string, and the field details of 40001', async () => {
    const { error } = await getWith(() =>
      HttpResponse.json({
        code: '40001',
        msg: '参数错误',
        data: { errors: [{ field: 'admin.mobile', message: '必须是 11 位中国大陆手机号码' }] },
      }),
    );
    expect(error).toMatchObject({
      name: 'BadRequestError',
      status: 400,
      platformCode: 40001,
      details: [{ field: 'admin.mobile', message: '必须是 11 位中国大陆手机号码' }],
    });
    expect(error.message).toContain('admin.mobile: 必须是 11 位中国大陆手机号码');
  });

  it.each([
    [40499, 'NotFoundError', 404],
    [42999, 'RateLimitError', 429],
    [50099, 'ServerError', 500],
    [12345, 'BadRequestError', 400],
    [-1, 'BadRequestError', 400],
  ])('classifies the unlisted code %i by its first three digits, else as 400', async (code, name, status) => {
    const { error } = await getWith(() => HttpResponse.json({ code, msg: '未知错误' }));
    expect(error).toMatchObject({ name, status, platformCode: code });
  });

  it('reads the Retry-After of an HTTP 200 rate limit (the wait is capped by retry.maxDelayMs)', async () => {
    let calls = 0;
    const { error, attempts } = await getWith(() => {
      calls += 1;
      return HttpResponse.json(
        { code: 42901, msg: '请求过于频繁，请稍后再试', data: null },
        { headers: { 'retry-after': '2' } },
      );
    });
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfterMs: 2000 });
    expect(attempts).toBe(calls);
  });
});

describe('real HTTP errors from the gateway in front of Bizconf keep their status', () => {
  it('a 502 page of nginx is a ServerError 502, retried', async () => {
    const { error, attempts } = await getWith(
      () =>
        new HttpResponse('<html><body><center><h1>502 Bad Gateway</h1></center></body></html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
    );
    expect(error).toMatchObject({ name: 'ServerError', status: 502 });
    expect(attempts).toBe(3);
  });

  it('a 429 without an envelope is a RateLimitError', async () => {
    const { error } = await getWith(() => new HttpResponse('Too Many Requests', { status: 429 }));
    expect(error).toMatchObject({ name: 'RateLimitError', status: 429 });
  });

  it('an HTTP 500 carrying an envelope keeps the HTTP status and adds the code and message', async () => {
    const { error } = await getWith(() =>
      HttpResponse.json({ code: 50001, msg: '系统繁忙，请稍后再试' }, { status: 500 }),
    );
    expect(error).toMatchObject({ name: 'ServerError', status: 500, platformCode: 50001 });
    expect(error.message).toContain('系统繁忙');
  });

  it('an HTTP 403 from the gateway with an envelope saying something else stays a 403', async () => {
    const { error } = await getWith(() =>
      HttpResponse.json({ code: 40401, msg: '企业不存在' }, { status: 403 }),
    );
    expect(error).toMatchObject({ name: 'PermissionError', status: 403, platformCode: 40401 });
  });
});
