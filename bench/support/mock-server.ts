// The embedded mock as a process of its own for the load benchmarks, with a clock of sub-millisecond resolution
// (performance.now() anchored to the epoch), so the server's own timeline of arrivals is not rounded to whole
// milliseconds. Options come as one JSON argument; prints one line with its URL.
import { startMock, type MockOptions } from '../../mock/index.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as MockOptions;
const mock = await startMock({ ...options, clock: { now: () => performance.timeOrigin + performance.now() } });
console.log(`mock listening on ${mock.url}`);
const close = (): void => void mock.close().then(() => process.exit(0));
process.on('SIGTERM', close);
process.on('SIGINT', close);
