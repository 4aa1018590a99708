// Provision + licence change for many accounts against the Zoom sandbox, whose Heavy category is limited to
// 40 requests/s exactly as Zoom's Business+ accounts are. Measures how close the client gets to that limit
// (achieved Heavy rate / limit; target >= 0.9) and how many 429s reached the caller (target 0).
import { type ChannelClient, createClient, RateLimitError } from '@channelkit/core';
import { startSandbox, ZOOM_BUSINESS_RATE_LIMITS } from '@channelkit/sandbox';
import type { ProvisionAccountInput } from '@channelkit/types';
import { zoom } from '@channelkit/zoom';

// A customer outside mainland China: Zoom refuses mainland ones (it serves them only through its partner platforms).
function customer(n: number): ProvisionAccountInput {
  return {
    profile: {
      legalName: `Example Customer ${n} Pte. Ltd.`,
      country: 'SG',
      industry: 'software',
      employeeCount: '11-50',
      // Zoom's plan subscription needs a billing contact with a full postal address.
      address: {
        line1: '1 Raffles Place',
        city: 'Singapore',
        region: 'Singapore',
        postalCode: '048616',
        country: 'SG',
      },
    },
    admin: {
      firstName: 'Wei',
      lastName: 'Wang',
      email: `admin-${n}@bench.example.com.sg`,
      mobile: '+6591234567',
    },
    seats: 5,
  };
}

async function provisionAndResize(client: ChannelClient, n: number): Promise<void> {
  const account = await client.accounts.provision(customer(n), { idempotencyKey: `bench-${n}` });
  await client.licences.set(account.id, { seats: 10 });
}

/** Runs the benchmark for `accounts` accounts with `concurrency` workers, prints its figures, and says whether it met its targets. */
export async function benchProvisionUnderRateLimit(accounts = 500, concurrency = 32): Promise<boolean> {
  const heavyLimit = ZOOM_BUSINESS_RATE_LIMITS.heavy;
  const running = await startSandbox({ seed: 1, rateLimits: { zoom: ZOOM_BUSINESS_RATE_LIMITS } });
  try {
    const client = createClient(zoom(running.credentials.zoom));
    let next = 0;
    let rateLimitErrors = 0;
    let otherErrors = 0;
    const startedAt = performance.now();
    const worker = async () => {
      while (next < accounts) {
        const n = next++;
        try {
          await provisionAndResize(client, n);
        } catch (error) {
          if (error instanceof RateLimitError) rateLimitErrors += 1;
          else {
            otherErrors += 1;
            console.error(error);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsedS = (performance.now() - startedAt) / 1000;

    const heavy = running.sandbox.requests.filter((request) => request.category === 'heavy');
    const first = heavy[0]?.at ?? 0;
    const last = heavy.at(-1)?.at ?? 0;
    // n requests spread over (last - first) ms span n - 1 intervals.
    const heavyRate = heavy.length > 1 ? ((heavy.length - 1) * 1000) / Math.max(1, last - first) : 0;
    const answered429 = running.sandbox.requests.filter((request) => request.status === 429).length;

    console.log(`\nprovision + licence set, ${accounts} accounts, ${concurrency} concurrent workers`);
    console.log(
      `  sandbox limits (req/s): light ${ZOOM_BUSINESS_RATE_LIMITS.light}, medium ${ZOOM_BUSINESS_RATE_LIMITS.medium}, heavy ${heavyLimit}`,
    );
    console.log(`  wall time                     ${elapsedS.toFixed(1)} s`);
    console.log(`  heavy requests                ${heavy.length}`);
    console.log(`  achieved heavy rate           ${heavyRate.toFixed(1)} req/s`);
    console.log(`  achieved / limit              ${(heavyRate / heavyLimit).toFixed(3)}   (target >= 0.9)`);
    console.log(`  429s answered by the sandbox  ${answered429}   (absorbed by the client)`);
    console.log(`  429s that reached the caller  ${rateLimitErrors}   (target 0)`);
    if (otherErrors > 0) console.log(`  other failures                ${otherErrors}`);
    return heavyRate / heavyLimit >= 0.9 && rateLimitErrors === 0 && otherErrors === 0;
  } finally {
    await running.close();
  }
}
