// The contract page promises what the code does: its status and error tables are the ones the adapter implements,
// its worked signatures are the ones the signer computes, its defaults are the exported ones.
import { readFileSync } from 'node:fs';
import {
  BIZCONF_DEFAULT_PROVISIONING,
  BIZCONF_DEFAULT_RATE_LIMITS,
  BIZCONF_ERROR_CODES,
  BIZCONF_STATUS_MAPPING,
} from '@channelkit/bizconf';
import { describe, expect, it } from 'vitest';
import { signatureOf, stringToSign } from '../src/internal/signing';
import { CREDENTIALS } from './harness';

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
});
