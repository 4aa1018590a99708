import { ConfigurationError } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { createChannelQueue, createPostgresStateStore, createRedisStateStore, runWorker } from '../src/index';

describe('connection', () => {
  it('refuses a URL that is neither Redis nor PostgreSQL, before connecting, without echoing it', async () => {
    const url = 'mysql://app:s3cret-pw@db.internal/channelkit';
    let thrown: unknown;
    try {
      createChannelQueue({ connection: url });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect(String((thrown as Error).message)).toMatch(/redis:\/\/.*postgres:\/\//);
    expect(JSON.stringify(thrown)).not.toContain('s3cret-pw');
    expect(String((thrown as Error).message)).not.toContain('s3cret-pw');
    await expect(runWorker({ connection: url, adapters: {} })).rejects.toThrow(ConfigurationError);
  });

  it('refuses a Redis key prefix or PostgreSQL schema that cannot name the store', () => {
    expect(() => createRedisStateStore({ connection: 'redis://127.0.0.1:1', prefix: '' })).toThrow(/prefix/);
    expect(() => createPostgresStateStore({ connection: 'postgres://127.0.0.1:1/x', schema: '1st' })).toThrow(
      /schema/,
    );
  });

  it('refuses fewer than one attempt per job', () => {
    expect(() => createChannelQueue({ connection: 'redis://127.0.0.1:1', attempts: 0 })).toThrow(/attempts/);
  });
});
