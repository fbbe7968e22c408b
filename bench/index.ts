// npm run bench [-- NAME…]: runs every bench/*.bench.ts one after the other, each in its own process so one
// benchmark's heap and sockets cannot disturb the next. Each prints its own table, with ratios against a baseline
// measured in the same run; this driver adds the wall time and an exit code that is non-zero when any crashed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
if (benches.length === 0) {
  console.error(`bench: nothing matches ${wanted.join(' ') || '*.bench.ts'}`);
  process.exit(2);
}

console.log(`infercheck benchmarks — node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString()}`);
console.log('(shared, noisy machines: read the ratios, each measured against a baseline in the same run)\n');
const crashed: string[] = [];
for (const bench of benches) {
  console.log(`━━━ ${bench}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', dir + bench], { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) crashed.push(bench);
  console.log(`━━━ ${bench}: ${result.status === 0 ? 'done' : `exit ${result.status ?? result.signal}`} in ${seconds} s\n`);
}
if (crashed.length > 0) {
  console.error(`bench: ${crashed.length} benchmark(s) failed: ${crashed.join(', ')}`);
  process.exit(1);
}
