import {
  type HttpReceiver,
  type UsersCreateUsersResponse,
  type UsersGetUserResponse,
  type UsersListUsersResponse,
  UsersS2SAuthClient,
  type UsersS2SAuthOptions,
} from '@zoom/rivet/users';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { zoomEndpoints } from '../../src/zoom/zoom-api';
import type {
  ZoomCreatedUserAnswer,
  ZoomUserAnswer,
  ZoomUserListAnswer,
} from '../../src/zoom/zoom-wire-types';
import { billingContact } from '../helpers';
import { MasterAccountClient } from './master-account-client';
import { documentedType, rivetType } from './published-answers';
import { type RivetSandbox, rivetSandbox } from './rivet-sandbox';

// Zoom's own Node SDK (`@zoom/rivet`) against the in-memory Zoom: its clients make the calls the Zoom adapter relies
// on, through Rivet's own request code, and every answer is checked against Zoom's published response types (Rivet's
// types where Rivet has the module, Zoom's API reference as transcribed in src/zoom/zoom-wire-types.ts where it has
// not). A sandbox answer with a field Zoom does not send, or without one Zoom always sends, fails here.

// At compile time: the sandbox's own shapes of the users answers fit Rivet's published types.
expectTypeOf<ZoomCreatedUserAnswer>().toExtend<UsersCreateUsersResponse>();
expectTypeOf<ZoomUserListAnswer>().toExtend<UsersListUsersResponse>();
expectTypeOf<ZoomUserAnswer>().toExtend<UsersGetUserResponse>();

let world: RivetSandbox | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function open(): Promise<RivetSandbox> {
  world = await rivetSandbox();
  return world;
}

/** Rivet's users client, for the users of one sub-account (under `/accounts/{accountId}`). */
function usersClient(sandbox: RivetSandbox, accountId: string) {
  return new UsersS2SAuthClient<HttpReceiver, UsersS2SAuthOptions<HttpReceiver> & { baseUrl: string }>(
    sandbox.options(sandbox.subAccountUrl(accountId)),
  );
}

/** The answer's body; fails the test when Rivet got none. */
function dataOf<T>(answer: { data?: T | undefined; statusCode: number }): T {
  if (answer.data === undefined) throw new Error(`no body in a ${answer.statusCode} answer`);
  return answer.data;
}

/** The message of what `promise` threw (Rivet throws `ApiResponseError "[status/code]: message"`). */
async function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'no error',
    (error: unknown) => String(error),
  );
}

/** The calls the Zoom adapter makes (sub-accounts and plans), through Rivet's request code. Returns an account id. */
async function runMasterAccountCalls(sandbox: RivetSandbox): Promise<string> {
  const { answers } = sandbox;
  const zoom = new MasterAccountClient(sandbox.options()).master;

  const created = await zoom.subAccounts.createSubAccount({
    body: {
      first_name: 'Ada',
      last_name: 'Tan',
      email: 'ada@acme.example',
      password: 'Secret123',
      account_name: 'Acme Pte. Ltd.',
      options: { pay_mode: 'master' },
    },
  });
  expect(created.statusCode).toBe(201);
  const account = answers.record(
    'POST /accounts',
    documentedType('ZoomCreatedAccountAnswer'),
    dataOf(created),
  );
  const accountId = account.id ?? '';
  expect(created.trackingId).toMatch(/rid=/);
  await zoom.subAccounts.createSubAccount({
    body: { first_name: 'Bo', last_name: 'Lim', email: 'bo@beta.example', password: 'Secret123' },
  });

  const details = dataOf(await zoom.subAccounts.getSubAccount({ path: { accountId } }));
  answers.record('GET /accounts/{accountId}', documentedType('ZoomAccountAnswer'), details);
  // The documented answer names no account, so neither does the sandbox.
  expect(details).not.toHaveProperty('account_name');

  const first = dataOf(await zoom.subAccounts.listSubAccounts({ query: { page_size: 1 } }));
  answers.record('GET /accounts (first page)', documentedType('ZoomAccountListAnswer'), first);
  expect(first.accounts?.[0]).toMatchObject({ id: accountId, account_name: 'Acme Pte. Ltd.' });
  const next = await zoom.subAccounts.listSubAccounts({
    query: { page_size: 1, next_page_token: first.next_page_token ?? '' },
  });
  answers.record('GET /accounts (next page)', documentedType('ZoomAccountListAnswer'), dataOf(next));
  const byNumber = await zoom.subAccounts.listSubAccounts({ query: { page_size: 1, page_number: 2 } });
  answers.record('GET /accounts (page_number)', documentedType('ZoomAccountListAnswer'), dataOf(byNumber));

  const plans = { path: { accountId } };
  const empty = dataOf(await zoom.plans.getPlans(plans));
  answers.record('GET /accounts/{accountId}/plans (none)', documentedType('ZoomPlansAnswer'), empty);
  const subscribed = await zoom.plans.subscribePlans({
    ...plans,
    body: { contact: billingContact, plan_base: { type: 'business_yearly', hosts: 10 } },
  });
  expect(subscribed.statusCode).toBe(201);
  answers.record(
    'POST /accounts/{accountId}/plans',
    documentedType('ZoomSubscribedPlansAnswer'),
    dataOf(subscribed),
  );
  answers.record(
    'GET /accounts/{accountId}/plans',
    documentedType('ZoomPlansAnswer'),
    dataOf(await zoom.plans.getPlans(plans)),
  );
  const updated = await zoom.plans.updateBasePlan({ ...plans, body: { type: 'business_yearly', hosts: 12 } });
  expect(updated.statusCode).toBe(204);
  const usage = dataOf(await zoom.plans.getPlanUsage(plans));
  answers.record('GET /accounts/{accountId}/plans/usage', documentedType('ZoomPlanUsageAnswer'), usage);
  expect(usage.plan_base).toEqual({ type: 'business_yearly', hosts: 12, usage: 1, pending: 0 });

  // Rivet reads the sandbox's errors as Zoom's: `[status/code]: "message"`.
  expect(await failure(zoom.subAccounts.getSubAccount({ path: { accountId: 'nobody' } }))).toContain(
    '[404/2001]: "Account does not exist: nobody."',
  );
  const { zip: _zip, ...withoutZip } = billingContact;
  expect(
    await failure(
      zoom.plans.subscribePlans({
        path: { accountId: created.data?.id ?? '' },
        // Zoom's published schema requires the zip: the sandbox refuses what Zoom refuses.
        body: { contact: withoutZip as typeof billingContact, plan_base: { type: 'monthly', hosts: 1 } },
      }),
    ),
  ).toContain('[400/300]: "Validation Failed."');
  return accountId;
}

/** Rivet's users module on one sub-account: create, list (every documented query parameter), get, update. */
async function runUsersCalls(sandbox: RivetSandbox, accountId: string): Promise<void> {
  const { answers } = sandbox;
  const { users } = usersClient(sandbox, accountId).endpoints;

  const created: UsersCreateUsersResponse = dataOf(
    await users.createUsers({
      body: { action: 'custCreate', user_info: { email: 'cy@acme.example', first_name: 'Cy', type: 2 } },
    }),
  );
  answers.record('POST /users (Licensed)', rivetType('users', 'UsersCreateUsersResponse'), created);
  for (const [action, type] of [
    ['custCreate', 4],
    ['ssoCreate', 99],
    ['create', 1],
  ] as const) {
    const other = await users.createUsers({
      body: { action, user_info: { email: `type-${type}@acme.example`, type } },
    });
    answers.record(
      `POST /users (${action}, type ${type})`,
      rivetType('users', 'UsersCreateUsersResponse'),
      dataOf(other),
    );
  }
  const userId = created.id ?? '';

  for (const body of [
    { dept: 'Engineering' },
    { host_key: '246810' },
    { custom_attributes: [{ key: 'region', name: 'Region', value: 'APAC' }] },
    { type: 1 as const },
    { timezone: 'Asia/Singapore', pronouns_option: 1 as const },
  ]) {
    expect((await users.updateUser({ path: { userId }, body })).statusCode).toBe(204);
  }

  const queries = [
    {},
    { status: 'pending' as const },
    { page_size: 2 },
    { page_size: 2, page_number: '2' },
    { include_fields: 'host_key' as const },
    { include_fields: 'custom_attributes' as const },
    { role_id: '0' },
    { license: 'zoom_workforce_management' as const },
  ];
  for (const query of queries) {
    const list: UsersListUsersResponse = dataOf(await users.listUsers({ query }));
    answers.record(`GET /users ${JSON.stringify(query)}`, rivetType('users', 'UsersListUsersResponse'), list);
  }
  const withKeys = dataOf(await users.listUsers({ query: { include_fields: 'host_key' } }));
  expect(withKeys.users?.find((user) => user.id === userId)?.host_key).toBe('246810');

  for (const key of [userId, 'cy@acme.example']) {
    const user: UsersGetUserResponse = dataOf(await users.getUser({ path: { userId: key } }));
    answers.record(
      `GET /users/{userId} by ${key === userId ? 'id' : 'email'}`,
      rivetType('users', 'UsersGetUserResponse'),
      user,
    );
    expect(user).toMatchObject({ id: userId, dept: 'Engineering', type: 1, timezone: 'Asia/Singapore' });
  }

  expect(await failure(users.getUser({ path: { userId: 'nobody' } }))).toContain(
    '[404/1001]: "User does not exist: nobody."',
  );
  expect(
    await failure(
      users.createUsers({ body: { action: 'custCreate', user_info: { email: 'x@acme.example', type: 99 } } }),
    ),
  ).toContain('[400/300]');
}

/** Error answers and the token endpoint, read raw (Rivet keeps only an error's message). */
async function runErrorsAndTokens(sandbox: RivetSandbox, accountId: string): Promise<void> {
  const { answers, running, baseUrl } = sandbox;
  const token = running.sandbox.zoom.issueToken();
  const call = async (method: string, path: string, body?: unknown, bearer = token) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const errors: [string, Promise<{ status: number; body: unknown }>][] = [
    ['2001 unknown account', call('GET', '/accounts/nobody')],
    ['300 validation', call('POST', '/accounts', { email: 'not-an-email' })],
    [
      '1005 email in use',
      call('POST', '/accounts', {
        first_name: 'A',
        last_name: 'B',
        email: 'ada@acme.example',
        password: 'Secret123',
      }),
    ],
    ['300 invalid page token', call('GET', '/accounts?next_page_token=made-up')],
    ['1001 unknown user', call('PATCH', `/accounts/${accountId}/users/nobody`, { dept: 'x' })],
    ['404 unknown endpoint', call('GET', '/accounts/me/settings')],
    ['124 invalid token', call('GET', '/accounts', undefined, 'forged')],
  ];
  for (const [label, pending] of errors) {
    const { status, body } = await pending;
    expect(status).toBeGreaterThanOrEqual(400);
    answers.record(`error ${label}`, documentedType('ZoomErrorAnswer'), body);
  }
  running.sandbox.faults.add({ method: 'GET', path: /\/accounts$/, times: 1, fault: { kind: 'rate_limit' } });
  answers.record('error 429', documentedType('ZoomErrorAnswer'), (await call('GET', '/accounts')).body);
  running.sandbox.faults.add({
    method: 'GET',
    path: /\/accounts$/,
    times: 1,
    fault: { kind: 'server_error', status: 503 },
  });
  answers.record('error 503', documentedType('ZoomErrorAnswer'), (await call('GET', '/accounts')).body);

  const { clientId, clientSecret, accountId: masterId } = running.sandbox.zoom.credentials;
  const tokenRequest = (secret: string) =>
    fetch(running.zoom.oauthUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'account_credentials', account_id: masterId }),
    }).then((response) => response.json());
  answers.record('POST /oauth/token', documentedType('ZoomTokenAnswer'), await tokenRequest(clientSecret));
  answers.record(
    'POST /oauth/token refused',
    documentedType('ZoomOAuthErrorAnswer'),
    await tokenRequest('wrong'),
  );
}

/** Which served endpoint a logged request reached, e.g. `GET /accounts/{}`, for requests the sandbox answered 2xx. */
function answeredEndpoints(sandbox: RivetSandbox): Set<string> {
  const endpoints = zoomEndpoints().map(({ method, path }) => ({
    key: `${method} ${path}`,
    method,
    pattern: new RegExp(`^/v2${path.replaceAll('{}', '[^/]+')}$`),
  }));
  const reached = new Set<string>();
  for (const request of sandbox.running.sandbox.requests) {
    if (request.status === undefined || request.status >= 300) continue;
    const endpoint = endpoints.find(
      ({ method, pattern }) => method === request.method && pattern.test(request.path),
    );
    if (endpoint) reached.add(endpoint.key);
  }
  return reached;
}

describe('Zoom’s own SDK (@zoom/rivet) against the sandbox: Master Account mode', () => {
  it('runs the adapter’s sub-account and plan calls through Rivet, and every answer is what Zoom documents', async () => {
    const sandbox = await open();
    await runMasterAccountCalls(sandbox);
    expect(sandbox.answers.size).toBeGreaterThanOrEqual(9);
    expect(sandbox.answers.violations()).toEqual([]);
  });

  it('runs Rivet’s users module on a sub-account, and every answer type-checks against Rivet’s types', async () => {
    const sandbox = await open();
    const { id } = sandbox.running.sandbox.zoom.createAccount({ email: 'owner@users.example' });
    sandbox.running.sandbox.zoom.setPlan(id, { type: 'monthly', hosts: 5 });
    await runUsersCalls(sandbox, id);
    expect(sandbox.answers.violations()).toEqual([]);
  });

  it('answers errors and tokens in Zoom’s published shapes', async () => {
    const sandbox = await open();
    const { id } = sandbox.running.sandbox.zoom.createAccount({ email: 'ada@acme.example' });
    await runErrorsAndTokens(sandbox, id);
    expect(sandbox.answers.violations()).toEqual([]);
  });

  it('checks an answer of every endpoint the Master Account mode serves', async () => {
    const sandbox = await open();
    const accountId = await runMasterAccountCalls(sandbox);
    await runUsersCalls(sandbox, accountId);
    await runErrorsAndTokens(sandbox, accountId);
    const zoom = new MasterAccountClient(sandbox.options()).master;
    expect((await zoom.subAccounts.disassociateSubAccount({ path: { accountId } })).statusCode).toBe(204);

    // The Partner Commerce endpoints (/commerce/...) are checked by their own interoperability test.
    const served = zoomEndpoints()
      .filter(({ path }) => !path.startsWith('/commerce'))
      .map(({ method, path }) => `${method} ${path}`);
    expect([...answeredEndpoints(sandbox)].sort()).toEqual(served.sort());
    expect(sandbox.answers.violations()).toEqual([]);
  });

  it('reports an answer that Zoom’s types do not allow, naming the answer and the field', async () => {
    const sandbox = await open();
    sandbox.answers.record('GET /accounts/{accountId}', documentedType('ZoomAccountAnswer'), {
      id: 'abc',
      owner_email: 'ada@acme.example',
      account_name: 'Acme',
    });
    sandbox.answers.record('GET /users', rivetType('users', 'UsersListUsersResponse'), {
      users: [{ email: 'a@acme.example', type: 3 }],
    });
    sandbox.answers.record('POST /users', rivetType('users', 'UsersCreateUsersResponse'), { id: 7 });
    const violations = sandbox.answers.violations();
    expect(violations).toHaveLength(3);
    expect(violations[0]).toMatch(
      /^GET \/accounts\/\{accountId\} \(ZoomAccountAnswer\): .*account_name"' does not exist/,
    );
    expect(violations[1]).toMatch(/^GET \/users \(UsersListUsersResponse\): Type '3' is not assignable/);
    expect(violations[2]).toMatch(
      /^POST \/users \(UsersCreateUsersResponse\): Type 'number' is not assignable to type 'string'/,
    );
  });
});
