import { z } from 'zod';
import { CLI_PLATFORMS } from '../platforms/registry';

const whole = (min: number, max: number, unit: string) =>
  z
    .number({ error: `must be a number of ${unit}` })
    .int(`must be a whole number of ${unit}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const partners = z.strictObject(
  Object.fromEntries(CLI_PLATFORMS.map((platform) => [platform.id, platform.configSchema.optional()])),
);

/** The shape of a configuration file; unknown fields are refused by name, values are never echoed. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  partners: partners.optional(),
  state: z.string().min(1, 'must be a file path').optional(),
  concurrency: whole(1, 1000, 'accounts at once').optional(),
  timeoutMs: whole(1, 600_000, 'milliseconds').optional(),
  maxRetries: whole(0, 20, 'retries').optional(),
});

/** A configuration file, validated. */
export type ParsedConfig = z.infer<typeof configSchema>;
