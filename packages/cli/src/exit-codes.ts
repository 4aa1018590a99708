/**
 * The exit codes of `channelkit`, by meaning. Scripts can tell apart what needs a person (3), what running the same
 * command again finishes (4), and a mistake on their side (2).
 */
export const EXIT_CODES = {
  /** Done: everything asked was done (or there was nothing to do). */
  ok: 0,
  /** Failed: an error stopped the command (network, authentication, the platform, the state file). */
  failure: 1,
  /** Refused before any request: a mistake in the arguments, an input file or the configuration. */
  usage: 2,
  /**
   * Needs a person: `licences plan` found rows that break a rule (violations), or `licences apply` found accounts
   * changed since the plan was made (stale: plan again).
   */
  attention: 3,
  /** Partly done: some actions failed or were not done; running the same command again finishes the rest. */
  partial: 4,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM, after saving what was done. */
  interrupted: 130,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
