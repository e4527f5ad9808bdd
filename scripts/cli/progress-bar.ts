import { SingleBar } from 'cli-progress';
import type { JobProgress } from '../../lib/ingest/run-job';

/** Files, events per second and ETA on stderr, so stdout stays clean for pipes. */
export class IngestProgressBar {
  private readonly bar = new SingleBar({
    format: ' {bar} {percentage}% | {files} files | {eps} events/s | ETA {eta_formatted}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    stream: process.stderr,
    etaBuffer: 50,
  });
  private started = false;

  update(progress: JobProgress): void {
    const total = Math.max(progress.bytesTotal, 1);
    const seconds = (Date.now() - progress.startedAt) / 1000;
    const payload = {
      files: `${progress.filesDone + progress.filesFailed}/${progress.filesTotal}`,
      eps: seconds > 0 ? Math.round((progress.eventsInserted + progress.eventsDuplicate) / seconds) : 0,
    };
    if (!this.started) {
      this.bar.start(total, 0, payload);
      this.started = true;
    }
    this.bar.update(Math.min(progress.bytesDone, total), payload);
  }

  stop(): void {
    if (this.started) this.bar.stop();
  }
}
