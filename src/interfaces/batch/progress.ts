import cliProgress from 'cli-progress';
import type { BatchProgress } from '../../batch/run-batch.js';

export interface ProgressReporter {
  update(progress: BatchProgress): void;
  /** Writes a line without breaking the bar (an error report). */
  log(line: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Where progress goes (stderr). */
  stream: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Documents expected, for the percentage and ETA; 0 when unknown. */
  total: number;
  /** A bar that redraws in place (terminal), or a plain line every `intervalMs`. */
  bar: boolean;
  intervalMs?: number;
  /** What is counted ("analysed" or "queued"). */
  verb?: string;
}

/** A progress display: cli-progress on a terminal, plain periodic lines in logs and pipes. */
export function createProgress(options: ProgressOptions): ProgressReporter {
  return options.bar ? barProgress(options) : lineProgress(options);
}

function barProgress(options: ProgressOptions): ProgressReporter {
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: options.stream as NodeJS.WriteStream,
      format: `{bar} {value}/{total} | {rate} docs/s | ETA {eta_formatted} | ${options.verb ?? 'analysed'} {analysed} skipped {skipped} errors {failed}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(options.total, 1), 0, { rate: '0.0', analysed: 0, skipped: 0, failed: 0 });
  return {
    update(p) {
      bar.update(p.done, { rate: rate(p.done, started), analysed: p.analysed, skipped: p.skipped, failed: p.failed });
    },
    log(line) {
      // cli-progress redraws over the current line; clear it first. It also jumps back to the
      // cursor position saved at start when it stops, which would overwrite this line: save
      // the position again (ESC 7), now below the line.
      options.stream.write(`\r\x1b[K${line}\n\x1b7`);
    },
    stop: () => bar.stop(),
  };
}

function lineProgress(options: ProgressOptions): ProgressReporter {
  const started = performance.now();
  const interval = options.intervalMs ?? 5000;
  let last = started;
  let latest: BatchProgress | undefined;
  const line = (p: BatchProgress) => {
    const seconds = (performance.now() - started) / 1000;
    const perSecond = p.done / Math.max(seconds, 1e-9);
    const left = options.total > p.done && perSecond > 0 ? `, ETA ${formatSeconds((options.total - p.done) / perSecond)}` : '';
    const of = options.total > 0 ? `/${options.total} (${Math.floor((100 * p.done) / options.total)}%)` : '';
    options.stream.write(`unspin batch: ${p.done}${of} done, ${p.analysed} ${options.verb ?? 'analysed'}, ${p.skipped} skipped, ${p.failed} errors, ${perSecond.toFixed(1)} docs/s${left}\n`);
  };
  return {
    update(p) {
      latest = p;
      const now = performance.now();
      if (now - last >= interval) {
        last = now;
        line(p);
      }
    },
    log: (text) => options.stream.write(`${text}\n`),
    stop() {
      if (latest && performance.now() - last > 0 && latest.done > 0) line(latest);
    },
  };
}

function rate(done: number, started: number): string {
  const seconds = (performance.now() - started) / 1000;
  return seconds > 0 ? (done / seconds).toFixed(1) : '0.0';
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
