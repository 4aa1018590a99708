import { setupServer } from 'msw/node';
import { createSandbox } from '../create-sandbox';
import { startSandbox } from '../server/start-sandbox';
import type { ConformanceTarget, ConformanceWorld, ConformanceWorldOptions } from './conformance-target';

type MswServer = ReturnType<typeof setupServer>;

/**
 * Opens worlds for a target, each a sandbox hosting the profile's platform alone. Over msw one interceptor serves
 * the whole suite and each world swaps its handlers in; over HTTP each world is its own loopback server, as a user's
 * process would see it.
 */
export function worldOpener<Connection>(target: ConformanceTarget<Connection>) {
  let server: MswServer | undefined;
  const profile = target.platform;
  const platforms = [profile.sandboxPlatform];

  return {
    start(): void {
      if (target.over !== 'msw') return;
      server = setupServer();
      server.listen({ onUnhandledRequest: 'error' });
    },
    stop(): void {
      server?.close();
      server = undefined;
    },
    async open(options: ConformanceWorldOptions = {}): Promise<ConformanceWorld<Connection>> {
      if (target.over === 'msw') {
        if (!server) throw new Error('The conformance suite has not started its msw server.');
        const sandbox = createSandbox({ ...options, platforms });
        server.resetHandlers(...sandbox.handlers());
        const connection = profile.connection(profile.sandboxPlatform.urls, sandbox);
        return { sandbox, connection, close: async () => {} };
      }
      const running = await startSandbox({ ...options, platforms });
      return {
        sandbox: running.sandbox,
        connection: profile.connection(running.urls(profile.sandboxPlatform), running.sandbox),
        close: running.close,
      };
    },
  };
}
