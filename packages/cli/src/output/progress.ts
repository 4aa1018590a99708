import stringWidth from 'string-width';
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

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/**
 * A progress display on `stream`: on a terminal, one line redrawn in place (carriage return, erase to the end of
 * the line) with a bar, the count, the rate and the time left; elsewhere (a file, a pipe, CI logs), a plain line at
 * each tenth of the way and at the end, so logs stay short. The bar is drawn with ASCII characters, whose width is
 * the same in every terminal (block characters are "ambiguous" East Asian width, two columns in Chinese setups).
 * `enabled: false` shows nothing.
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  label: string,
  options: { readonly enabled: boolean; readonly now?: () => number },
): Progress {
  if (!options.enabled) return { update() {}, finish() {} };
  const now = options.now ?? (() => performance.now());
  const started = now();
  let last: ProgressFigures | undefined;

  const describe = (figures: ProgressFigures) => {
    const elapsed = now() - started;
    const rate = figures.ratePerSecond ?? (elapsed > 0 ? (figures.done / elapsed) * 1000 : 0);
    const left = figures.total - figures.done;
    const eta = figures.etaMs ?? (rate > 0 ? (left / rate) * 1000 : undefined);
    const percent = figures.total === 0 ? 100 : Math.floor((figures.done / figures.total) * 100);
    const parts = [
      `${figures.done}/${figures.total}`,
      `${percent}%`,
      formatRate(rate),
      left === 0 ? `in ${formatDuration(elapsed)}` : `ETA ${eta === undefined ? '?' : formatDuration(eta)}`,
    ];
    if (figures.note) parts.push(figures.note);
    return { percent, text: parts.join('  ') };
  };

  if (!stream.isTTY) {
    let printedTenth = -1;
    const print = (figures: ProgressFigures) => {
      stream.write(`${label}: ${describe(figures).text}\n`);
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
      },
    };
  }

  let drawnAt = Number.NEGATIVE_INFINITY;
  let finished = false;
  const showCursor = () => stream.write('\u001b[?25h');
  const draw = (figures: ProgressFigures) => {
    const { percent, text } = describe(figures);
    const filled = Math.round((percent / 100) * BAR_WIDTH);
    const bar = `[${'='.repeat(filled)}${filled < BAR_WIDTH ? '>' : ''}${' '.repeat(Math.max(0, BAR_WIDTH - filled - 1))}]`;
    let line = `${label} ${bar} ${text}`;
    // A line longer than the terminal would wrap, and the carriage return would then redraw only its last part.
    const columns = stream.columns > 0 ? stream.columns : 80;
    while (stringWidth(line) > columns - 1) line = line.slice(0, -1);
    stream.write(`\r${line}\u001b[K`);
    drawnAt = now();
  };
  stream.write('\u001b[?25l');
  process.once('exit', showCursor);
  return {
    update(figures) {
      last = figures;
      if (now() - drawnAt >= REDRAW_MS) draw(figures);
    },
    finish() {
      if (finished) return;
      finished = true;
      if (last !== undefined) draw(last);
      stream.write('\n');
      showCursor();
      process.off('exit', showCursor);
    },
  };
}
