import { readFileSync } from 'node:fs';
import { createApiError } from '@channelkit/core';
import { NO_REFERRAL_CAPABILITIES } from '@channelkit/types';
import { ZHUMU_CAPABILITIES, ZHUMU_ENTERPRISE_STATUSES, ZHUMU_ERROR_CODES } from '@channelkit/zhumu';
import { describe, expect, it } from 'vitest';

// docs/partners/zhumu.md is the contract: its tables must say exactly what the adapter does.
const contract = readFileSync(new URL('../../../../docs/partners/zhumu.md', import.meta.url), 'utf8');

/** The body rows of the first Markdown table after `heading`, as trimmed cells without backticks. */
function tableAfter(heading: string): string[][] {
  const start = contract.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`docs/partners/zhumu.md has no heading ${heading}`);
  const lines = contract.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().replaceAll('`', '')),
    );
  }
  return rows;
}

describe('docs/partners/zhumu.md matches the adapter', () => {
  it('prints the status table the adapter maps with', () => {
    const documented = tableAfter('## Status mapping').map(([code, name, label, status, meaning]) => ({
      code: Number(code),
      name,
      label,
      status,
      meaning: meaning?.replaceAll('`', ''),
    }));
    expect(documented).toEqual(
      ZHUMU_ENTERPRISE_STATUSES.map((row) => ({ ...row, meaning: row.meaning.replaceAll('`', '') })),
    );
  });

  it('prints the error table the adapter classifies with, and the error class each status becomes', () => {
    const documented = tableAfter('## Errors').map(([code, name, http, status, errorClass, meaning]) => ({
      code: Number(code),
      name,
      http: Number(http),
      status: Number(status),
      errorClass,
      meaning: meaning?.replaceAll('`', ''),
    }));
    expect(documented).toEqual(
      ZHUMU_ERROR_CODES.map((row) => ({
        code: row.code,
        name: row.name,
        http: row.status === 429 ? 429 : 200,
        status: row.status,
        errorClass: createApiError({
          status: row.status,
          platform: 'zhumu',
          request: { method: 'POST', url: '', headers: {} },
        }).name,
        meaning: row.meaning.replaceAll('`', ''),
      })),
    );
  });

  it('names the capabilities it lacks', () => {
    expect(ZHUMU_CAPABILITIES).toMatchObject({
      referrals: NO_REFERRAL_CAPABILITIES,
      webhooks: true,
    });
    expect(contract).toContain('`capabilities.referrals` is `false` both ways');
    expect(contract).toContain('`capabilities.webhooks` is `true`');
  });
});
