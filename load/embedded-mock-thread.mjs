// The embedded mock's thread (see embedded-mock.ts). Plain JavaScript because a worker thread starts without the
// parent's TypeScript loader: it registers tsx, then starts the mock with the options it was given.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { startMock } = await import('../mock/index.ts');
const mock = await startMock(workerData);
parentPort.postMessage({ url: mock.url, apiKey: mock.apiKey });
parentPort.once('message', async () => {
  await mock.close();
  parentPort.close();
});
