// The four platforms, each pointed at its in-memory copy on the sandbox's loopback server, behind one hub. Swap the
// sandbox's credentials and URLs for real ones (or set each adapter's environment variables) and the same code talks
// to the platforms.
import { bizconf } from '@channelkit/bizconf';
import { createHub } from '@channelkit/core';
import {
  BIZCONF_SANDBOX_CREDENTIALS,
  type RunningSandbox,
  UMEET_SANDBOX_CREDENTIALS,
  ZHUMU_SANDBOX_CREDENTIALS,
} from '@channelkit/sandbox';
import { umeet } from '@channelkit/umeet';
import { zhumu } from '@channelkit/zhumu';
import { zoom } from '@channelkit/zoom';

/** A hub over Zoom, Bizconf, Suirui Zhumu and Systec Umeet, as the sandbox `running` hosts them. */
export function connectHub(running: RunningSandbox) {
  const bizconfUrls = running.urls('bizconf');
  const umeetUrls = running.urls('umeet');
  return createHub(
    {
      zoom: zoom(running.credentials.zoom),
      bizconf: bizconf({
        ...BIZCONF_SANDBOX_CREDENTIALS,
        baseUrl: bizconfUrls.baseUrl,
        // Bizconf creates accounts asynchronously: poll its task every 250 ms (the sandbox takes a second).
        provisioning: { pollIntervalMs: 250, maxPollIntervalMs: 500 },
      }),
      zhumu: zhumu({ ...ZHUMU_SANDBOX_CREDENTIALS, baseUrl: running.urls('zhumu').baseUrl }),
      umeet: umeet({
        ...UMEET_SANDBOX_CREDENTIALS,
        baseUrl: umeetUrls.baseUrl,
        tokenUrl: umeetUrls.tokenUrl,
      }),
    },
    { userAgent: 'channelkit-demo/0.1' },
  );
}

/** The hub the demo uses. */
export type DemoHub = ReturnType<typeof connectHub>;
