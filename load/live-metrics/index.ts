// Live metrics while a load run runs: the exporters the flags ask for, each fed the run's events (feed.ts). Started
// before the run folder is touched, so a port already in use is a usage error that costs nothing.
import type { RunLabels } from '../../core/run-labels.ts';
import type { LoadEvents } from '../events.ts';
import { feedLiveMetrics, type MetricSink } from './feed.ts';
import { startOtlpExport, DEFAULT_OTLP_INTERVAL_S } from './otlp.ts';
import { DEFAULT_METRICS_HOST, startPrometheusEndpoint } from './prometheus.ts';

export { DEFAULT_METRICS_HOST } from './prometheus.ts';
export { DEFAULT_OTLP_INTERVAL_S } from './otlp.ts';

export interface LiveMetricsOptions {
  /** serve Prometheus' /metrics on this port (0: any free one) */
  readonly metricsPort?: number;
  readonly metricsHost?: string;
  /** push OTLP/HTTP to this URL (e.g. http://collector:4318/v1/metrics) */
  readonly otlp?: string;
  readonly otlpIntervalS?: number;
}

export interface LiveMetrics {
  /** Where each exporter is, one line each (the CLI prints them). */
  readonly lines: readonly string[];
  readonly prometheusUrl?: string;
  /** Starts feeding the run's events to the exporters. */
  attach(events: LoadEvents): void;
  /** Stops feeding, flushes OTLP, closes the endpoint. */
  close(): Promise<void>;
}

/** A URL as shown in a line: without credentials. */
function shown(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.toString();
}

export async function startLiveMetrics(options: LiveMetricsOptions, runLabels: RunLabels, version: string): Promise<LiveMetrics | undefined> {
  if (options.metricsPort === undefined && options.otlp === undefined) return undefined;
  const sinks: (MetricSink & { close(): Promise<void> })[] = [];
  const lines: string[] = [];
  let prometheusUrl: string | undefined;
  if (options.metricsPort !== undefined) {
    const endpoint = await startPrometheusEndpoint(options.metricsPort, options.metricsHost ?? DEFAULT_METRICS_HOST, runLabels);
    sinks.push(endpoint);
    prometheusUrl = endpoint.url;
    lines.push(`metrics: Prometheus scrape endpoint ${endpoint.url} (open while the run runs)`);
  }
  if (options.otlp !== undefined) {
    const intervalS = options.otlpIntervalS ?? DEFAULT_OTLP_INTERVAL_S;
    sinks.push(startOtlpExport(options.otlp, intervalS, runLabels, version));
    lines.push(`metrics: OTLP/HTTP to ${shown(options.otlp)} every ${intervalS} s, flushed at the end`);
  }
  let detach: (() => void) | undefined;
  return {
    lines,
    ...(prometheusUrl ? { prometheusUrl } : {}),
    attach(events) {
      detach = feedLiveMetrics(events, sinks, runLabels);
    },
    async close() {
      detach?.();
      await Promise.all(sinks.map((s) => s.close()));
    },
  };
}
