import { z } from 'zod';

/** The longest web address accepted: 2000 characters, what every browser and platform form takes. */
const MAX_WEBSITE_LENGTH = 2000;

/** A public `http` or `https` web address of at most 2000 characters, e.g. `https://www.example.cn`. */
export const websiteSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .max(MAX_WEBSITE_LENGTH, `must be at most ${MAX_WEBSITE_LENGTH} characters`)
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      error: 'must be a public http(s) address with a domain name, e.g. https://www.example.cn',
    }),
  );

/** A public `http` or `https` web address. */
export type Website = z.infer<typeof websiteSchema>;
