// The embedded mock's thread (see embedded-mock.ts). Plain JavaScript because a worker thread starts without the
// parent's TypeScript loader: the parent names the mock's module as it exists in this copy (core/own-module.ts) —
// compiled in the installed package; TypeScript in a checkout, where the thread registers tsx first. Then it starts
// the mock with the options it was given.
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { options, mockModule, fromSources } = workerData;
if (fromSources) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { startMock } = await import(pathToFileURL(mockModule).href);
const mock = await startMock(options);
parentPort.postMessage({ url: mock.url, apiKey: mock.apiKey });
parentPort.once('message', async () => {
  await mock.close();
  parentPort.close();
});
