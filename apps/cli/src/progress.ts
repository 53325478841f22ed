/** @module A progress bar on stderr when it is a terminal; silent otherwise (CI, pipes). */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, detail?: number): void;
  stop(): void;
}

export function progressBar(label: string, total?: number): Progress {
  if (process.stderr.isTTY !== true) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format:
        total === undefined
          ? `${label} {value} events, {detail} ballots checked`
          : `${label} [{bar}] {value}/{total}`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic
  );
  bar.start(total ?? 0, 0, { detail: 0 });
  return { update: (done, detail = 0) => bar.update(done, { detail }), stop: () => bar.stop() };
}
