/** Upper bounds, in seconds, of the request latency histogram. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

export interface RequestObservation {
  readonly endpoint: string;
  /** The grant type of a token request; empty elsewhere. */
  readonly grantType: string;
  /** `ok`, or the error code answered. */
  readonly outcome: string;
  /** The refusal's reason, from the closed vocabulary of reasons (so the label stays bounded); empty when none. */
  readonly reason: string;
  readonly seconds: number;
  /** The request was refused because its assertion had been used before. */
  readonly replay: boolean;
}

/** In-process counters exposed in the Prometheus text format (version 0.0.4). */
export interface Metrics {
  observe(observation: RequestObservation): void;
  render(): string;
}

const escapeLabel = (value: string) =>
  value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

interface Histogram {
  readonly buckets: number[];
  count: number;
  sum: number;
}

interface Counter {
  readonly labels: string;
  value: number;
}

export function createMetrics(): Metrics {
  // Keyed by the raw label values: the escaped label text is built once per series, not per request.
  const requests = new Map<string, Counter>();
  const latency = new Map<string, Histogram>();
  let replays = 0;

  return {
    observe({ endpoint, grantType, outcome, reason, seconds, replay }) {
      const key = JSON.stringify([endpoint, grantType, outcome, reason]);
      let counter = requests.get(key);
      if (counter === undefined) {
        counter = {
          labels: `endpoint="${escapeLabel(endpoint)}",grant_type="${escapeLabel(grantType)}",outcome="${escapeLabel(outcome)}",reason="${escapeLabel(reason)}"`,
          value: 0,
        };
        requests.set(key, counter);
      }
      counter.value += 1;
      let histogram = latency.get(endpoint);
      if (histogram === undefined) {
        histogram = { buckets: LATENCY_BUCKETS.map(() => 0), count: 0, sum: 0 };
        latency.set(endpoint, histogram);
      }
      const bucket = LATENCY_BUCKETS.findIndex((bound) => seconds <= bound);
      if (bucket >= 0) histogram.buckets[bucket] = (histogram.buckets[bucket] ?? 0) + 1;
      histogram.count += 1;
      histogram.sum += seconds;
      if (replay) replays += 1;
    },

    render() {
      const lines = [
        "# HELP jwtgrant_requests_total Requests by endpoint, grant type, outcome and refusal reason.",
        "# TYPE jwtgrant_requests_total counter",
        ...[...requests.values()].map(({ labels, value }) => `jwtgrant_requests_total{${labels}} ${value}`),
        "# HELP jwtgrant_request_duration_seconds Request latency by endpoint.",
        "# TYPE jwtgrant_request_duration_seconds histogram",
      ];
      for (const [endpoint, histogram] of latency) {
        const label = `endpoint="${escapeLabel(endpoint)}"`;
        let cumulative = 0;
        LATENCY_BUCKETS.forEach((bound, index) => {
          cumulative += histogram.buckets[index] ?? 0;
          lines.push(`jwtgrant_request_duration_seconds_bucket{${label},le="${bound}"} ${cumulative}`);
        });
        lines.push(`jwtgrant_request_duration_seconds_bucket{${label},le="+Inf"} ${histogram.count}`);
        lines.push(`jwtgrant_request_duration_seconds_sum{${label}} ${histogram.sum}`);
        lines.push(`jwtgrant_request_duration_seconds_count{${label}} ${histogram.count}`);
      }
      lines.push(
        "# HELP jwtgrant_replay_rejections_total Assertions refused because they had been used before.",
        "# TYPE jwtgrant_replay_rejections_total counter",
        `jwtgrant_replay_rejections_total ${replays}`,
      );
      return `${lines.join("\n")}\n`;
    },
  };
}
