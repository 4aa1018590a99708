import cliProgress from 'cli-progress';
import { formatDuration, formatRate } from './format';

/** Figures of one progress update. */
export interface ProgressFigures {
  /** Units done (accounts read, actions settled). */
  readonly done: number;
  /** Units in all. */
  readonly total: number;
  /** Units per second lately; computed from the elapsed time when absent. */
  readonly ratePerSecond?: number | undefined;
  /** Time left in milliseconds; computed from the rate when absent. */
  readonly etaMs?: number | undefined;
  /** Further counts shown after the figures, e.g. `failed 2`. */
  readonly note?: string | undefined;
}

/** Shows the progress of a long command. */
export interface Progress {
  /** Shows new figures (a terminal redraws at most 10 times a second; plain output prints every tenth). */
  update(figures: ProgressFigures): void;
  /** Shows the last figures and ends the display. */
  finish(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** `false` shows nothing (`--no-progress`). */
  readonly enabled: boolean;
  /** The clock, in milliseconds. @default performance.now */
  readonly now?: () => number;
}

/**
 * A progress display on `stream`. On a terminal, a bar redrawn in place by cli-progress (at most 10 times a second,
 * the cursor hidden meanwhile, cut to the terminal's width so that it never wraps) with the count, the rate and the
 * time left. Elsewhere (a file, a pipe, CI logs), a plain line at each tenth of the way and at the end, so that logs
 * stay short and hold no escape sequences. The bar is ASCII: block characters are "ambiguous" East Asian width, two
 * columns in terminals set up for Chinese.
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  label: string,
  options: ProgressOptions,
): Progress {
  if (!options.enabled) return { update() {}, finish() {} };
  const now = options.now ?? (() => performance.now());
  const started = now();

  /** The rate and the time (left, or taken once done) as words, from the engine's figures where it gives them. */
  const describe = (figures: ProgressFigures) => {
    const elapsed = now() - started;
    const rate = figures.ratePerSecond ?? (elapsed > 0 ? (figures.done / elapsed) * 1000 : 0);
    const left = figures.total - figures.done;
    const eta = figures.etaMs ?? (rate > 0 ? (left / rate) * 1000 : undefined);
    const time =
      left === 0 ? `in ${formatDuration(elapsed)}` : `ETA ${eta === undefined ? '?' : formatDuration(eta)}`;
    return { rate: formatRate(rate), time, note: figures.note ? `  ${figures.note}` : '' };
  };

  if (!stream.isTTY) return plainProgress(stream, label, describe);

  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total}  {percentage}%  {rate}  {time}{note}`,
      barsize: 24,
      hideCursor: true,
      linewrap: false,
      fps: 10,
      // Our own SIGINT/SIGTERM handling stops the command cleanly, and the bar with it.
      gracefulExit: false,
    },
    cliProgress.Presets.legacy,
  );
  let running = false;
  let finished = false;
  return {
    update(figures) {
      if (finished) return;
      if (!running) {
        running = true;
        bar.start(figures.total, figures.done, describe(figures));
        return;
      }
      if (figures.total !== bar.getTotal()) bar.setTotal(figures.total);
      bar.update(figures.done, describe(figures));
    },
    finish() {
      if (finished) return;
      finished = true;
      if (running) bar.stop();
    },
  };
}

/** Plain lines at each tenth of the way, and the last figures at the end. */
function plainProgress(
  stream: NodeJS.WriteStream,
  label: string,
  describe: (figures: ProgressFigures) => { rate: string; time: string; note: string },
): Progress {
  let last: ProgressFigures | undefined;
  let printedTenth = -1;
  const print = (figures: ProgressFigures) => {
    const { rate, time, note } = describe(figures);
    const percent = figures.total === 0 ? 100 : Math.floor((figures.done / figures.total) * 100);
    stream.write(`${label}: ${figures.done}/${figures.total}  ${percent}%  ${rate}  ${time}${note}\n`);
  };
  return {
    update(figures) {
      last = figures;
      const tenth = figures.total === 0 ? 10 : Math.floor((figures.done / figures.total) * 10);
      if (tenth > printedTenth && tenth < 10 && figures.done > 0) {
        printedTenth = tenth;
        print(figures);
      }
    },
    finish() {
      if (last !== undefined) print(last);
      last = undefined;
    },
  };
}
