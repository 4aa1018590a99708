import { createHash } from 'node:crypto';
import type { AccountStatus, EnterpriseAccount, ProvisionAccountInput } from '@channelkit/types';
import { provisionAccountInputSchema } from '@channelkit/types';
import { EXIT_CODES } from '../exit-codes';
import { parseJsonText, readInputFile } from '../input/read-input-file';
import { InputError } from '../internal/cli-errors';
import type { CommandContext } from '../internal/command-context';
import { describeError } from '../internal/describe-error';
import { plural } from '../output/format';
import { renderFields, renderTable } from '../output/table';

/** Options of `channelkit accounts list`. */
export interface AccountsListOptions {
  readonly partner?: string | undefined;
  readonly status?: AccountStatus | undefined;
  readonly limit?: number | undefined;
  readonly json?: boolean | undefined;
}

const accountColumns = (withPartner: boolean) => [
  ...(withPartner ? [{ header: 'partner', cell: (account: EnterpriseAccount) => account.partner }] : []),
  { header: 'id', cell: (account: EnterpriseAccount) => account.id },
  { header: 'name', cell: (account: EnterpriseAccount) => account.name },
  { header: 'status', cell: (account: EnterpriseAccount) => account.status },
  { header: 'created', cell: (account: EnterpriseAccount) => account.createdAt.slice(0, 10) },
];

/**
 * Lists accounts of one platform (`--partner`, or the only one configured) or of every configured platform. `--json`
 * streams `{"accounts":[…],"errors":[…]}` in constant memory; the table is laid out once every row is read.
 */
export async function accountsList(context: CommandContext, options: AccountsListOptions): Promise<number> {
  const { output, platforms } = context;
  const chosen =
    options.partner !== undefined || platforms.configured.length <= 1
      ? [platforms.choose(options.partner)]
      : platforms.configured;
  const hub = context.hub(chosen);
  const query = options.status === undefined ? {} : { status: options.status };
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const rows: EnterpriseAccount[] = [];
  const errors: { partner: string; error: ReturnType<typeof describeError> }[] = [];
  let count = 0;
  if (output.json) output.out('{"accounts":[');
  for (const platform of chosen) {
    try {
      for await (const account of hub.partner(platform.partner).accounts.list(query)) {
        if (count >= limit) break;
        if (output.json) output.out(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(account)}`);
        else rows.push(account);
        count += 1;
      }
    } catch (error) {
      errors.push({ partner: platform.partner, error: describeError(error) });
      if (!output.json) output.err(`channelkit: ${platform.partner}: ${describeError(error).message}\n`);
    }
    if (count >= limit) break;
  }
  if (output.json) output.out(`\n],"errors":${JSON.stringify(errors)}}\n`);
  else {
    output.out(renderTable(accountColumns(chosen.length > 1), rows));
    output.err(
      `${plural(count, 'account')}${errors.length > 0 ? `; ${plural(errors.length, 'platform')} failed` : ''}\n`,
    );
  }
  if (errors.length === 0) return EXIT_CODES.ok;
  return errors.length < chosen.length
    ? EXIT_CODES.partial
    : (errors[0]?.error.exitCode ?? EXIT_CODES.failure);
}

function accountFields(account: EnterpriseAccount) {
  return renderFields([
    ['partner', account.partner],
    ['id', account.id],
    ['name', account.name],
    ['status', account.status],
    ['external id', account.externalId],
    ...Object.entries(account.externalRefs).map(([name, value]) => [name, value] as const),
    ['owner', account.owner?.email],
    ['country', account.profile?.country],
    ['created', account.createdAt],
    ['updated', account.updatedAt],
  ]);
}

/** `channelkit accounts get <id>`: one account, as fields or `{"account":…}`. */
export async function accountsGet(
  context: CommandContext,
  accountId: string,
  options: { readonly partner?: string | undefined },
): Promise<number> {
  const platform = context.platforms.choose(options.partner);
  const account = await context.hub([platform]).partner(platform.partner).accounts.get(accountId);
  if (context.output.json) context.output.outJson({ account });
  else context.output.out(accountFields(account));
  return EXIT_CODES.ok;
}

/** Options of `channelkit accounts provision`. */
export interface ProvisionOptions {
  readonly partner?: string | undefined;
  readonly idempotencyKey?: string | undefined;
  readonly state?: string | undefined;
}

/**
 * `channelkit accounts provision <input.json>`: checks the input file whole (naming each field at fault) before
 * any request, then provisions under an idempotency key kept in the state file, so that running the same command
 * again, even after a crash, returns the account it created instead of creating another. The key is `--idempotency-key`,
 * else one derived from the file's content.
 */
export async function accountsProvision(
  context: CommandContext,
  file: string,
  options: ProvisionOptions,
): Promise<number> {
  const text = await readInputFile(file, context.cwd);
  const parsed = provisionAccountInputSchema.safeParse(parseJsonText(text, file));
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.map((issue) => ({
        file,
        column: issue.path.map(String).join('.') || undefined,
        message: issue.message,
      })),
    );
  }
  const input: ProvisionAccountInput = parsed.data;
  const platform = context.platforms.choose(options.partner);
  const key =
    options.idempotencyKey ??
    `channelkit-cli-provision-${createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 32)}`;
  const store = await context.openState(options.state);
  try {
    // The state file is the client's idempotency store here, so the key outlives this process.
    const hub = context.hub([platform], { idempotency: { store } });
    const account = await hub.partner(platform.partner).accounts.provision(input, { idempotencyKey: key });
    if (context.output.json) context.output.outJson({ account, idempotencyKey: key });
    else {
      context.output.out(accountFields(account));
      context.output.err(`Provisioned on ${platform.displayName} under idempotency key ${key}.\n`);
    }
    return EXIT_CODES.ok;
  } finally {
    await store.close();
  }
}
