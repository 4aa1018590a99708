import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import type { PackedPackage } from './tarball.ts';

/** What publint says about a packed package, split into problems (errors and, strictly, warnings) and suggestions. */
export interface PublintFindings {
  problems: string[];
  suggestions: string[];
}

/** Lints the packed tarball with publint in strict mode: warnings count as errors. */
export async function checkWithPublint(packed: PackedPackage): Promise<PublintFindings> {
  const tarball = packed.tarball.buffer.slice(
    packed.tarball.byteOffset,
    packed.tarball.byteOffset + packed.tarball.byteLength,
  ) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball }, strict: true });
  const findings: PublintFindings = { problems: [], suggestions: [] };
  for (const message of messages) {
    const text = `publint ${message.code}: ${formatMessage(message, pkg, { color: false }) ?? message.path.join('.')}`;
    (message.type === 'suggestion' ? findings.suggestions : findings.problems).push(text);
  }
  return findings;
}
