// A progress line on stderr for long runs, shown only on a terminal so pipes and CI stay clean.
import cliProgress from "cli-progress";

export interface Progress {
  tick(docs: number, events: number, errors: number): void;
  stop(): void;
}

export function createProgress(label: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} {value} documents | {events} events | {errors} errors | {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0, { events: 0, errors: 0 });
  return {
    tick: (docs, events, errs) => bar.update(docs, { events, errors: errs }),
    stop: () => bar.stop(),
  };
}
