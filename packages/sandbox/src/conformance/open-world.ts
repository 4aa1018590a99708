import { setupServer } from 'msw/node';
import { createSandbox } from '../create-sandbox';
import { startSandbox } from '../server/start-sandbox';
import type { ConformanceTarget, ConformanceWorld, ConformanceWorldOptions } from './conformance-target';

type MswServer = ReturnType<typeof setupServer>;

/**
 * Opens worlds for a target. Over msw one interceptor serves the whole suite and each world swaps its handlers in;
 * over HTTP each world is its own loopback server, as a user's process would see it.
 */
export function worldOpener(target: ConformanceTarget) {
  let server: MswServer | undefined;

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
    async open(options: ConformanceWorldOptions = {}): Promise<ConformanceWorld> {
      if (target.over === 'msw') {
        if (!server) throw new Error('The conformance suite has not started its msw server.');
        const sandbox = createSandbox(options);
        server.resetHandlers(...sandbox.handlers());
        return { sandbox, connection: target.platform.mswConnection(), close: async () => {} };
      }
      const running = await startSandbox(options);
      return {
        sandbox: running.sandbox,
        connection: target.platform.httpConnection(running),
        close: running.close,
      };
    },
  };
}
