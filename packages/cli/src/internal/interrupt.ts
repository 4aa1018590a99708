/**
 * An `AbortSignal` that Ctrl-C (SIGINT) or SIGTERM aborts, so that a long command stops cleanly and reports what it
 * did; a second signal ends the process at once (exit 130; the state file loses nothing it acknowledged). `dispose`
 * removes the handlers.
 */
export function interruptSignal(): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
