// Reproducers (Schemathesis' rule: a failure you cannot replay is a rumour): every failure carries the request that
// showed it as a runnable curl — the key as `$VAR`, the variable --api-key-env names, never its value — and the
// command that re-runs its case(s) alone with --grep.
import type { Reproducer } from '../core/result-files.ts';
import { WRONG_KEY } from './vendor-urls.ts';
import type { Exchange, Subject } from './types.ts';

export interface ReproducerOptions {
  /** How to name the target on the command line, e.g. `--target https://host --api-key-env VAR`. */
  readonly targetArgs: readonly string[];
  readonly apiKeyEnv: string;
  /** Flags the re-run needs besides the target: --fail-prompt, --rpm. */
  readonly extraArgs: readonly string[];
  /** The --max-billable the re-run of these cases needs, or undefined when the target costs nothing. */
  readonly budgetFor?: (caseIds: readonly string[]) => number | undefined;
}

/** Single-quoted for a POSIX shell. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A --grep pattern that matches exactly these case ids. */
export function exactGrep(caseIds: readonly string[]): string {
  const escaped = caseIds.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return escaped.length === 1 ? `^${escaped[0]}$` : `^(${escaped.join('|')})$`;
}

/** The wrong key the wrong-key probes send, split so that no report line holds a key-shaped string (core/redact.ts). */
const WRONG_KEY_ARG = `'x-api-key: ${WRONG_KEY.slice(0, 7)}''${WRONG_KEY.slice(7)}'`;

export function curlOf(exchange: Exchange, apiKeyEnv: string): string {
  const { request } = exchange;
  const parts = ['curl', '-sS', '-i'];
  if (request.method !== 'GET') parts.push('-X', request.method);
  parts.push(shellQuote(request.url));
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'x-api-key' || name === 'authorization') continue;
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  const auth = request.auth ?? (request.headers['x-api-key'] !== undefined ? 'key' : 'none');
  if (auth === 'key') parts.push('-H', `"x-api-key: $${apiKeyEnv}"`);
  if (auth === 'bearer') parts.push('-H', `"authorization: Bearer $${apiKeyEnv}"`);
  if (auth === 'wrong') parts.push('-H', WRONG_KEY_ARG);
  if (request.bodyText !== undefined) parts.push('--data-raw', shellQuote(request.bodyText));
  return parts.join(' ');
}

/** The exchange a subject is best shown by, when a finding names none. */
export function mainExchange(subject: Subject): Exchange | undefined {
  switch (subject.kind) {
    case 'exchange':
      return subject.exchange;
    case 'generation':
      return subject.first;
    case 'determinism':
      return subject.second[0] ?? subject.first[0];
    case 'ledger':
      return subject.entries.at(-1)?.exchanges[0];
    case 'rate-limit':
      return subject.exchanges[0];
  }
}

export function reproducerFor(options: ReproducerOptions, subject: Subject, exchange: Exchange | undefined): Reproducer {
  const caseIds = subject.case.caseIds ?? [subject.case.id];
  const budget = options.budgetFor?.(caseIds);
  const args = ['infercheck', 'contracts', ...options.targetArgs, ...options.extraArgs, ...(budget === undefined ? [] : ['--max-billable', String(budget)]), '--grep', exactGrep(caseIds)];
  const shown = exchange ?? mainExchange(subject);
  return { caseIds, rerun: args.map(shellQuote).join(' '), ...(shown ? { curl: curlOf(shown, options.apiKeyEnv) } : {}) };
}
