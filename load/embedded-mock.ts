// The embedded mock for a load run, in a worker thread of its own. In the engine's thread its work (JPEG encoding of
// v1 answers, the queue's bookkeeping) would share one event loop with the scheduler and delay starts and polls —
// the engine would measure itself. A thread cannot outlive the process, so nothing is left behind.
import { Worker } from 'node:worker_threads';
import { FROM_SOURCES, ownModule } from '../core/own-module.ts';
import type { MockOptions } from '../mock/index.ts';

export interface ThreadedMock {
  readonly url: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

export async function startMockThread(options: Omit<MockOptions, 'clock'>): Promise<ThreadedMock> {
  const worker = new Worker(new URL('./embedded-mock-thread.mjs', import.meta.url), {
    workerData: { options, mockModule: ownModule('../mock/index.ts', import.meta.url), fromSources: FROM_SOURCES },
  });
  const ready = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the embedded mock's thread exited (${code}) before it started`)));
  });
  let closing: Promise<void> | undefined;
  return {
    ...ready,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate(), 5_000);
        worker.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage('close');
      });
      return closing;
    },
  };
}
