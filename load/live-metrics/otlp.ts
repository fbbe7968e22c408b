// OpenTelemetry metrics over OTLP/HTTP (`--otlp <url>`): the official SDK's MeterProvider with a periodic reader and
// the OTLP/HTTP exporter (JSON), instruments declared from metrics.ts. Cumulative temporality (what a Prometheus
// back end behind a collector expects). The run's --label pairs are resource attributes and are also put on every
// data point, so `region` is a label of each series wherever the metrics land. Headers (a collector's token) come
// from the standard OTEL_EXPORTER_OTLP_HEADERS / OTEL_EXPORTER_OTLP_METRICS_HEADERS variables, never from a flag
// that a process listing would show. At the end of the run the reader is flushed, so the last numbers are exported
// even when the run is shorter than one interval.
import type { Counter, Histogram, UpDownCounter } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { MetricSink, SeriesLabels } from './feed.ts';
import { LIVE_METRICS, SECONDS_BUCKETS } from './metrics.ts';

export const DEFAULT_OTLP_INTERVAL_S = 10;

export interface OtlpExport extends MetricSink {
  /** Exports what is pending and stops the reader. */
  close(): Promise<void>;
}

type Instrument = Counter | UpDownCounter | Histogram;

export function startOtlpExport(url: string, intervalS: number, runLabels: SeriesLabels, version: string): OtlpExport {
  const intervalMs = Math.max(100, Math.round(intervalS * 1000));
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url }),
    exportIntervalMillis: intervalMs,
    exportTimeoutMillis: Math.min(intervalMs, 10_000),
  });
  const provider = new MeterProvider({ resource: resourceFromAttributes({ 'service.name': 'infercheck', 'service.version': version, ...runLabels }), readers: [reader] });
  const meter = provider.getMeter('infercheck-load', version);
  const instruments = new Map<string, Instrument>();
  for (const metric of Object.values(LIVE_METRICS)) {
    const options = { description: metric.help, unit: metric.unit };
    instruments.set(
      metric.name,
      metric.kind === 'counter'
        ? meter.createCounter(metric.name, options)
        : metric.kind === 'gauge'
          ? meter.createUpDownCounter(metric.name, options)
          : meter.createHistogram(metric.name, { ...options, advice: { explicitBucketBoundaries: [...SECONDS_BUCKETS] } }),
    );
  }
  return {
    add(metric, value, labels) {
      (instruments.get(metric.name) as Counter | UpDownCounter).add(value, labels);
    },
    observe(metric, value, labels) {
      (instruments.get(metric.name) as Histogram).record(value, labels);
    },
    async close() {
      await provider.forceFlush().catch(() => undefined);
      await provider.shutdown().catch(() => undefined);
    },
  };
}
