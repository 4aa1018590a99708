import { REDACTED } from '@channelkit/core';

/** Where a command writes: results to stdout, progress and messages to stderr, every write scrubbed of secrets. */
export interface Output {
  /** Whether `--json` was given: results as JSON on stdout, errors as JSON on stderr. */
  readonly json: boolean;
  /** The stream progress goes to (stderr), for its terminal checks. */
  readonly progressStream: NodeJS.WriteStream;
  /** Writes a result. */
  out(text: string): void;
  /** Writes a message or progress. */
  err(text: string): void;
  /** Writes a value as one JSON document and a newline. */
  outJson(value: unknown): void;
  /** Writes text that is meant to hold credentials (only the sandbox's own, fake ones), unscrubbed. */
  outUnscrubbed(text: string): void;
  /** Adds values to scrub from everything written from now on (credentials read from configuration). */
  addSecrets(values: Iterable<string>): void;
}

/** Options of {@link createOutput}. */
export interface OutputOptions {
  /** Results as JSON. */
  readonly json: boolean;
  /** Defaults to `process.stdout`. */
  readonly stdout?: NodeJS.WriteStream;
  /** Defaults to `process.stderr`. */
  readonly stderr?: NodeJS.WriteStream;
}

/**
 * Creates the output of one invocation. Every write goes through a scrubber that replaces each known credential
 * value with `[REDACTED]`: the SDK keeps secrets out of its errors and events, and this is the second line, for text
 * the command line composes itself or receives from elsewhere (a platform's error message, a configuration file's
 * error).
 */
export function createOutput(options: OutputOptions): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // Longest first, so that a secret containing another is replaced whole.
  let secrets: string[] = [];
  const scrub = (text: string) => {
    let clean = text;
    for (const secret of secrets) clean = clean.split(secret).join(REDACTED);
    return clean;
  };
  return {
    json: options.json,
    progressStream: stderr,
    out: (text) => void stdout.write(scrub(text)),
    err: (text) => void stderr.write(scrub(text)),
    outJson: (value) => void stdout.write(scrub(`${JSON.stringify(value)}\n`)),
    outUnscrubbed: (text) => void stdout.write(text),
    addSecrets(values) {
      // Very short values would scrub ordinary words; no real credential is that short.
      const added = [...values].filter((value) => value.length >= 6);
      secrets = [...new Set([...secrets, ...added])].sort((a, b) => b.length - a.length);
    },
  };
}
