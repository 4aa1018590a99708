import { describeAdapterConformance, umeetConformanceProfile } from '@channelkit/sandbox/conformance';
import { umeet } from '@channelkit/umeet';

// The shared suite, in-process over msw and end to end over real sockets to the sandbox's loopback server.
for (const over of ['msw', 'http'] as const) {
  describeAdapterConformance({
    name: 'umeet',
    platform: umeetConformanceProfile,
    over,
    connect: (connection) => umeet(connection),
  });
}
