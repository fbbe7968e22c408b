// The Prometheus scrape endpoint of a load run (`--metrics-port <n>`, `--metrics-host`): prom-client holds the
// counters, gauges and histograms of metrics.ts in a registry of its own and writes the exposition format; this file
// only serves GET /metrics on a node:http server. It binds 127.0.0.1 unless told otherwise — a load generator's
// numbers are not for every network it sits on — and closes when the run ends (the run's files keep the final
// numbers; use --otlp for a push that is flushed at the end).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { UsageError } from '../../core/target.ts';
import type { MetricSink, SeriesLabels } from './feed.ts';
import { labelNamesOf, LIVE_METRICS, SECONDS_BUCKETS, type LiveMetric } from './metrics.ts';

export const DEFAULT_METRICS_HOST = '127.0.0.1';

type Instrument = Counter | Gauge | Histogram;

export interface PrometheusEndpoint extends MetricSink {
  /** http://host:port/metrics */
  readonly url: string;
  readonly registry: Registry;
  close(): Promise<void>;
}

function instrumentFor(metric: LiveMetric, labelNames: string[], registry: Registry): Instrument {
  const config = { name: metric.name, help: metric.help, labelNames, registers: [registry] };
  if (metric.kind === 'counter') return new Counter(config);
  if (metric.kind === 'gauge') return new Gauge(config);
  return new Histogram({ ...config, buckets: [...SECONDS_BUCKETS] });
}

/** Starts serving /metrics; a port in use or a host that cannot be bound is one usage line (nothing else has started). */
export async function startPrometheusEndpoint(port: number, host: string, runLabels: SeriesLabels): Promise<PrometheusEndpoint> {
  const registry = new Registry();
  const instruments = new Map<string, Instrument>();
  for (const metric of Object.values(LIVE_METRICS)) instruments.set(metric.name, instrumentFor(metric, labelNamesOf(metric, Object.keys(runLabels)), registry));
  // the generator's own health beside the vendor's: CPU, memory and event-loop lag (a saturated loop makes late starts)
  collectDefaultMetrics({ register: registry, prefix: 'infercheck_', labels: { ...runLabels } });

  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('infercheck: the metrics are at /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${err instanceof Error ? err.message : String(err)}\n`),
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(new UsageError(`--metrics-port ${port}: cannot listen on ${host}:${port} (${err.code ?? err.message})`)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/metrics`,
    registry,
    add(metric, value, labels) {
      const instrument = instruments.get(metric.name) as Counter | Gauge;
      instrument.inc(labels, value);
    },
    observe(metric, value, labels) {
      (instruments.get(metric.name) as Histogram).observe(labels, value);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        registry.clear();
      }),
  };
}
