import { z } from 'zod';

/** A public `http` or `https` web address, e.g. `https://www.example.cn`. */
export const websiteSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      error: 'must be a public http(s) address with a domain name, e.g. https://www.example.cn',
    }),
  );

/** A public `http` or `https` web address. */
export type Website = z.infer<typeof websiteSchema>;
