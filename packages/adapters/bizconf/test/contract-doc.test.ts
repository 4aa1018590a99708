// The contract page promises what the code does: its status and error tables are the ones the adapter implements,
// its worked signatures are the ones the signer computes, its defaults are the exported ones.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  BIZCONF_DEFAULT_PROVISIONING,
  BIZCONF_DEFAULT_RATE_LIMITS,
  BIZCONF_ERROR_CODES,
  BIZCONF_STATUS_MAPPING,
  bizconf,
} from '@channelkit/bizconf';
import { createClient } from '@channelkit/core';
import { describe, expect, it } from 'vitest';
import { signatureOf, stringToSign } from '../src/internal/signing';
import { CREDENTIALS } from './harness';
import { LICENCE_SAMPLE } from './webhooks/licence-sample';

const page = readFileSync(new URL('../../../../docs/partners/bizconf.md', import.meta.url), 'utf8');

/** The rows of the first table under `heading` (up to `until`), as cells without backticks. */
function tableRows(heading: string, until = '\n## '): string[][] {
  const start = page.indexOf(`\n${heading}\n`);
  expect(start, `the page has a section ${heading}`).toBeGreaterThan(-1);
  const end = page.indexOf(until, start + heading.length + 2);
  const section = page.slice(start, end === -1 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().replaceAll('`', '')),
    );
}

/** Every table of the section `## heading`, each as rows of cells (the header row kept, the separator dropped). */
function sectionTables(heading: string): string[][][] {
  const start = page.indexOf(`\n${heading}\n`);
  expect(start, `the page has a section ${heading}`).toBeGreaterThan(-1);
  const end = page.indexOf('\n## ', start + heading.length + 2);
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of page.slice(start, end === -1 ? undefined : end).split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
    } else if (!/^\|\s*-/.test(line)) {
      if (!current) {
        current = [];
        tables.push(current);
      }
      current.push(
        line
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim()),
      );
    }
  }
  return tables;
}

/** The `code` spans of a cell. */
const spans = (cell = '') => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');

/** The events a callback of `eventType` with `data`, signed correctly, becomes. */
function eventsOf(eventType: string, data: unknown) {
  const body = JSON.stringify({
    eventId: `EVT-${eventType}`,
    eventType,
    occurTime: '2026-01-15 18:00:00',
    data,
  });
  const timestamp = String(Date.now());
  const nonce = '0123456789abcdef0123';
  const verification = createClient(
    bizconf({ ...CREDENTIALS, baseUrl: 'https://openapi.bizconf.example' }),
  ).webhooks.verify(body, {
    'x-bizconf-app-id': CREDENTIALS.appId,
    'x-bizconf-timestamp': timestamp,
    'x-bizconf-nonce': nonce,
    'x-bizconf-signature': createHmac('sha256', CREDENTIALS.appSecret)
      .update(`${timestamp}\n${nonce}\n${body}`)
      .digest('hex'),
  });
  return verification.kind === 'events' ? verification.events : [];
}

describe('docs/partners/bizconf.md', () => {
  it('has the status table the adapter implements, row by row', () => {
    expect(tableRows('## Status mapping')).toEqual(
      BIZCONF_STATUS_MAPPING.map((row) => [
        row.bizconf,
        row.label,
        row.status,
        row.meaning.replaceAll('`', ''),
      ]),
    );
  });

  it('has the error code table the adapter implements: code, name and classification', () => {
    const rows = tableRows('## Errors', 'Besides these codes');
    expect(rows.map(([code, name, status]) => [Number(code), name, Number(status)])).toEqual(
      BIZCONF_ERROR_CODES.map((entry) => [entry.code, entry.name, entry.status]),
    );
    const resign = rows.filter((row) => row[3]?.startsWith('signed afresh')).map((row) => Number(row[0]));
    expect(resign).toEqual(BIZCONF_ERROR_CODES.filter((entry) => entry.resign).map((entry) => entry.code));
  });

  it('shows worked signatures the signer computes', () => {
    const base = {
      appId: CREDENTIALS.appId,
      timestamp: '1768471200000',
      nonce: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
    };
    const listing = {
      ...base,
      method: 'GET',
      path: '/openapi/v1/enterprises',
      query: { status: 'NORMAL', pageSize: '20', pageNo: '1' },
      body: undefined,
    };
    expect(page).toContain(['```text', stringToSign(listing), '```'].join('\n'));
    expect(page).toContain(signatureOf(CREDENTIALS.appSecret, listing));
    expect(page).toContain(`-hmac '${CREDENTIALS.appSecret}'`);
    const create = {
      ...base,
      method: 'POST',
      path: '/openapi/v1/enterprises',
      query: {},
      body: JSON.parse(/```json\n(\{\n {2}"seats"[\s\S]*?)```/.exec(page)?.[1] ?? 'null') as Record<
        string,
        unknown
      >,
    };
    expect(page).toContain(stringToSign(create).split('\n')[5]);
    expect(page).toContain(signatureOf(CREDENTIALS.appSecret, create));
  });

  it('states the adapter’s defaults', () => {
    const { query, write } = BIZCONF_DEFAULT_RATE_LIMITS;
    expect(page).toContain(`\`query\` ${query} requests per second, \`write\` ${write}`);
    const { pollIntervalMs, maxPollIntervalMs, maxPolls, timeoutMs } = BIZCONF_DEFAULT_PROVISIONING;
    expect(page).toContain(
      `first poll after ${pollIntervalMs / 1000} s, doubling to ${maxPollIntervalMs / 1000} s, at most ${maxPolls} polls in ${timeoutMs / 1000} s`,
    );
  });

  it('lists the callbacks of contract v1 with their data, and maps each to the channel event its table says', () => {
    const [payloads = [], mapping = []] = sectionTables('## Callbacks');
    // The page's example callback is one the verifier accepts.
    const example = JSON.parse(/```json\n(\{\n {2}"eventId"[\s\S]*?)```/.exec(page)?.[1] ?? 'null') as {
      eventType: string;
      data: Record<string, unknown>;
    };
    const samples: Record<string, Record<string, unknown>> = {
      ENTERPRISE_CREATED: { taskId: 'T1', bizNo: 'B1', enterpriseId: 'E1' },
      TASK_FAILED: {
        taskId: 'T2',
        bizNo: 'B2',
        failCode: 'CREDIT_CODE_INVALID',
        failReason: '统一社会信用代码无效',
      },
      ENTERPRISE_STATUS_CHANGED: { enterpriseId: 'E1', status: 'FROZEN', previousStatus: 'NORMAL' },
      LICENCE_CHANGED: { enterpriseId: 'E1', licence: LICENCE_SAMPLE },
      LICENCE_RENEWED: { enterpriseId: 'E1', licence: LICENCE_SAMPLE },
      [example.eventType]: example.data,
      LEAD_ASSIGNED: { leadId: 'LD20260115000001', status: 'ASSIGNED', deadline: '2026-01-22' },
      LEAD_STATUS_CHANGED: {
        leadId: 'LD20260115000001',
        status: 'FOLLOWING',
        previousStatus: 'ASSIGNED',
        reason: null,
      },
    };
    const [, ...rows] = payloads;
    expect(rows.map((row) => spans(row[0])[0])).toEqual(Object.keys(samples));
    for (const [cell, , data] of rows) {
      const type = spans(cell)[0] ?? '';
      const same = /^the same as `(\w+)`/.exec(data ?? '')?.[1];
      const documented = spans(rows.find((row) => spans(row[0])[0] === (same ?? type))?.[2]);
      expect({
        type,
        fields: Object.keys(samples[type] ?? {}).filter((field) => !documented.includes(field)),
      }).toEqual({ type, fields: [] });
    }
    const [, ...mapped] = mapping;
    const named = mapped.flatMap(([cell]) => spans(cell));
    expect([...named].sort()).toEqual(Object.keys(samples).sort());
    for (const [cell, channel] of mapped) {
      const expected = channel?.startsWith('none') ? [] : [spans(channel)[0]];
      for (const type of spans(cell)) {
        expect({ type, events: eventsOf(type, samples[type]).map((event) => event.type) }).toEqual({
          type,
          events: expected,
        });
      }
    }
    expect(eventsOf(example.eventType, example.data)).toEqual([
      expect.objectContaining({
        referralId: 'OPP20260115004217',
        status: 'accepted',
        previousStatus: 'in_review',
      }),
    ]);
  });
});
