import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpTransport } from '@channelkit/core';
import axios from 'axios';

/** One measured scenario: requests per second through plain axios and through the transport. */
export interface OverheadRow {
  scenario: string;
  axiosOpsPerSec: number;
  transportOpsPerSec: number;
  /** Transport time per request divided by axios time per request (1.00 = no overhead). */
  ratio: number;
}

type Send = () => Promise<unknown>;

async function sequential(send: Send, count: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await send();
  return performance.now() - started;
}

async function concurrent(send: Send, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) await send();
    }),
  );
  return performance.now() - started;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Transport overhead: N GETs against a loopback server returning small JSON, sequentially and at concurrency
 * 16, through plain axios and through createHttpTransport (no auth, no rate limit, default retry). Rounds
 * alternate between the two to spread noise evenly; the median round counts.
 */
export async function transportOverhead(
  options: { requests?: number; rounds?: number } = {},
): Promise<OverheadRow[]> {
  const requests = options.requests ?? 1000;
  const rounds = options.rounds ?? 7;
  const payload = JSON.stringify({ id: 'acc_123', name: 'Acme', seats: 10, status: 'active' });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' }).end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const plain = axios.create({ baseURL });
  const transport = createHttpTransport({ baseURL, platform: 'bench' });
  const viaAxios: Send = () => plain.get('/accounts/acc_123');
  const viaTransport: Send = () => transport.request({ method: 'GET', path: '/accounts/acc_123' });

  const scenarios: { name: string; run: (send: Send) => Promise<number> }[] = [
    { name: `${requests} sequential GETs`, run: (send) => sequential(send, requests) },
    { name: `${requests * 2} GETs, concurrency 16`, run: (send) => concurrent(send, requests * 2, 16) },
  ];
  const rows: OverheadRow[] = [];
  try {
    for (const send of [viaAxios, viaTransport]) await concurrent(send, 500, 16); // warm up JIT and sockets
    for (const scenario of scenarios) {
      const times = { axios: [] as number[], transport: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        // Alternate who goes first so drift (GC, CPU frequency, other load) hits both alike.
        const order = round % 2 === 0 ? (['axios', 'transport'] as const) : (['transport', 'axios'] as const);
        for (const who of order)
          times[who].push(await scenario.run(who === 'axios' ? viaAxios : viaTransport));
      }
      const count = scenario.name.startsWith(`${requests} `) ? requests : requests * 2;
      const axiosMs = median(times.axios);
      const transportMs = median(times.transport);
      rows.push({
        scenario: scenario.name,
        axiosOpsPerSec: (count / axiosMs) * 1000,
        transportOpsPerSec: (count / transportMs) * 1000,
        ratio: transportMs / axiosMs,
      });
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return rows;
}

/** Runs {@link transportOverhead} and prints a table; returns false when a ratio is over the 1.25 target. */
export async function runTransportOverhead(): Promise<boolean> {
  const rows = await transportOverhead();
  console.table(
    rows.map((row) => ({
      scenario: row.scenario,
      'axios ops/s': Math.round(row.axiosOpsPerSec),
      'transport ops/s': Math.round(row.transportOpsPerSec),
      'ratio (per-request time)': Number(row.ratio.toFixed(3)),
    })),
  );
  const ok = rows.every((row) => row.ratio <= 1.25);
  console.log(
    ok ? 'transport overhead within target (ratio <= 1.25)' : 'transport overhead OVER target 1.25',
  );
  return ok;
}
