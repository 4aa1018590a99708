import { accountIdSchema } from '@channelkit/core';
import type { LicenceState } from '@channelkit/types';
import { EXIT_CODES } from '../exit-codes';
import { UsageError } from '../internal/cli-errors';
import type { CommandContext } from '../internal/command-context';
import { renderTable } from '../output/table';

const optional = (value: number | string | undefined) => (value === undefined ? '' : String(value));

/** `channelkit licences get <accountId...>`: the plan and seats of each account, as a table or `{"licences":[…]}`. */
export async function licencesGet(
  context: CommandContext,
  accountIds: readonly string[],
  options: { readonly partner?: string | undefined },
): Promise<number> {
  // Every id is checked before the first request, so a typo in the third id sends nothing.
  for (const id of accountIds) {
    const parsed = accountIdSchema.safeParse(id);
    if (!parsed.success)
      throw new UsageError(`Account id ${JSON.stringify(id)} ${parsed.error.issues[0]?.message}.`);
  }
  const platform = context.platforms.choose(options.partner);
  const client = context.hub([platform]).partner(platform.partner);
  const states: LicenceState[] = [];
  for (const id of accountIds) states.push(await client.licences.get(id));
  if (context.output.json) {
    context.output.outJson({ licences: states });
    return EXIT_CODES.ok;
  }
  context.output.out(
    renderTable(
      [
        { header: 'account', cell: (state: LicenceState) => state.accountId },
        { header: 'plan', cell: (state) => state.plan },
        { header: 'purchased', cell: (state) => String(state.seats.purchased), align: 'right' },
        { header: 'assigned', cell: (state) => optional(state.seats.assigned), align: 'right' },
        { header: 'pending', cell: (state) => optional(state.seats.pending), align: 'right' },
        { header: 'cap', cell: (state) => optional(state.seats.cap), align: 'right' },
        { header: 'commitment', cell: (state) => state.commitment },
        { header: 'term end', cell: (state) => optional(state.term?.end) },
        { header: 'status', cell: (state) => optional(state.status) },
      ],
      states,
    ),
  );
  return EXIT_CODES.ok;
}
