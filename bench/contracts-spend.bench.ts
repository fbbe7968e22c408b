// What the contract suite really spends (money issue, "Must show"): `infercheck contracts` run as a user runs it, in a
// child process, against scripted vendors on 127.0.0.1 (core/testing/scripted-vendor.ts) — one that keeps every rule,
// one that breaks three documented rules, one lenient where the documents allow it, one that accepts everything — and,
// for each, the vendor's own ledger beside the report's: billable requests planned, taken on by the vendor, billed
// per the report, credits charged vs the report's cost fields. Wall time is printed as a ratio against the conforming
// vendor's run in this same bench (issue goal: a failing vendor within 1.2 × a clean run).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startScriptedVendor } from '../core/testing/scripted-vendor.ts';
import type { Leniency, Quirk } from '../core/testing/vendor-script.ts';

const BIN = fileURLToPath(new URL('../bin/infercheck.mjs', import.meta.url));

interface Vendor { readonly name: string; readonly quirks?: Quirk[]; readonly lenient?: Leniency[]; readonly max: number; readonly strict?: boolean }
const VENDORS: Vendor[] = [
  { name: 'conforming', max: 1000 },
  { name: '3 documented rules broken', quirks: ['accept-out-of-range', 'metrics-as-string', 'error-as-message'], max: 10 },
  { name: 'lenient (3 leniencies)', lenient: ['accept-negative-seed', 'null-as-absent', 'coerce-strings'], max: 1000 },
  { name: 'lenient, --strict', lenient: ['accept-negative-seed', 'null-as-absent', 'coerce-strings'], max: 1000, strict: true },
  { name: 'accepts everything', quirks: ['accept-everything'], max: 1000 },
];

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, CI: 'true' }, stdio: 'ignore' });
    child.on('exit', (code) => resolve(code));
  });
}

const rows: string[][] = [];
let cleanMs = 0;
for (const v of VENDORS) {
  const vendor = await startScriptedVendor({ quirks: v.quirks, lenient: v.lenient, credits: 1e6 });
  const out = mkdtempSync(join(tmpdir(), 'infercheck-spend-'));
  const started = performance.now();
  const code = await run(['contracts', '--target', vendor.url, '--max-billable', String(v.max), '--out', out, ...(v.strict ? ['--strict'] : [])], { SEGMIND_API_KEY: vendor.key });
  const ms = performance.now() - started;
  if (v.name === 'conforming') cleanMs = ms;
  const o = JSON.parse(readFileSync(join(out, 'outcomes.json'), 'utf8'));
  const catalogueMs = Date.parse(o.finishedAt) - Date.parse(o.startedAt);
  const s = o.spend;
  const failed = o.checks.filter((c: { failures?: unknown[] }) => (c.failures?.length ?? 0) > 0).length;
  const l = vendor.ledger();
  rows.push([
    v.name, String(v.max), `${s.planned.expected} / ${s.planned.worstCase}`, String(l.billable), String(s.requests.billed),
    l.billable === s.requests.billed && l.billable <= v.max ? 'yes' : 'NO',
    `${l.charged.toFixed(4)} / ${Number(s.creditsReported).toFixed(4)}`, String(l.requests), `${code}`, `${failed}`, String(o.checks.reduce((n: number, c: { findings?: unknown[] }) => n + (c.findings?.length ?? 0), 0)),
    `${(ms / 1000).toFixed(1)} s`, `${(catalogueMs / 1000).toFixed(1)} s`, `${(ms / cleanMs).toFixed(2)} ×`,
  ]);
  await vendor.close();
  rmSync(out, { recursive: true, force: true });
}
const head = ['vendor', 'cap', 'planned / worst', 'vendor took', 'report billed', 'equal, ≤ cap', 'charged / reported', 'requests', 'exit', 'failed checks', 'findings', 'wall', 'catalogue', 'wall vs clean'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
if (rows.some((r) => r[5] !== 'yes')) process.exitCode = 1;
