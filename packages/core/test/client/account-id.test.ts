import { type ChannelClient, ValidationError } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { received, startPlatform, testClient } from './test-platform';

// Every client method that puts an account id into a request path.
const methods: Record<string, (client: ChannelClient, id: string) => Promise<unknown>> = {
  'accounts.get': (client, id) => client.accounts.get(id),
  'accounts.suspend': (client, id) => client.accounts.suspend(id),
  'accounts.resume': (client, id) => client.accounts.resume(id),
  'accounts.close': (client, id) => client.accounts.close(id),
  'licences.get': (client, id) => client.licences.get(id),
  'licences.set': (client, id) => client.licences.set(id, { seats: 3 }),
};

const refused: [string, unknown, RegExp][] = [
  ['a dot segment', '.', /must not be "\."/],
  ['the parent segment', '..', /must not be "\.\."/],
  ["Zoom's alias for the master account", 'me', /"me"/],
  ['the alias in capitals', 'ME', /"ME"/],
  ['a slash', 'a/b', /"\/"/],
  ['a backslash', 'a\\b', /"\\"/],
  ['a question mark', 'a?b', /"\?"/],
  ['a hash', 'a#b', /"#"/],
  ['a percent sign (an encoded dot segment)', '%2e%2e', /"%"/],
  ['a space', 'a b', /whitespace \(found U\+0020\)/],
  ['a leading space', ' abc', /whitespace/],
  ['a trailing newline', 'abc\n', /whitespace \(found U\+000A\)/],
  ['a no-break space', 'a\u00a0b', /whitespace \(found U\+00A0\)/],
  ['a NUL', 'a\u0000b', /control or invisible formatting characters \(found U\+0000\)/],
  ['DEL', 'a\u007fb', /found U\+007F/],
  ['a zero-width space', 'a\u200bb', /found U\+200B/],
  ['a right-to-left override', 'a\u202eb', /found U\+202E/],
  ['a line separator', 'a\u2028b', /whitespace \(found U\+2028\)/],
  ['an unpaired surrogate', 'a\ud800b', /found U\+D800/],
  ['an empty string', '', /must not be empty/],
  ['129 characters', 'x'.repeat(129), /at most 128/],
  ['a number', 42, /must be a string/],
];

describe('account ids are checked before they become part of a path', () => {
  for (const [operation, call] of Object.entries(methods)) {
    it.each(refused)(
      `${operation} refuses %s with a ValidationError on accountId, sending nothing`,
      async (_, id, message) => {
        startPlatform();
        const { client } = testClient();
        const error = await call(client, id as string).catch((failure: unknown) => failure);
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ field: 'accountId', message: expect.stringMatching(message) });
        expect((error as Error).message).toContain(`Invalid accountId for ${operation}`);
        expect(received).toHaveLength(0);
      },
    );
  }

  it('accepts ordinary ids, including dots that are not a whole segment', async () => {
    const platform = startPlatform();
    const { client } = testClient();
    for (const id of ['a-1', 'Ab_9.x', 'a..b', '...', 'meeting', '有限公司']) {
      platform.accounts.set(id, {
        id,
        name: 'Example',
        owner: 'admin@example.com',
        state: 'live',
        seats: 1,
        created: '2026-01-02T03:04:05Z',
      });
      await expect(client.accounts.get(id)).resolves.toMatchObject({ id });
    }
    expect(received.map((request) => new URL(request.url).pathname)).toEqual([
      '/api/accounts/a-1',
      '/api/accounts/Ab_9.x',
      '/api/accounts/a..b',
      '/api/accounts/...',
      '/api/accounts/meeting',
      `/api/accounts/${encodeURIComponent('有限公司')}`,
    ]);
  });
});
