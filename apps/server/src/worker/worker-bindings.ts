/** A Hyperdrive binding: a pooled, regional route to the database, as the Worker sees it. */
export interface HyperdriveBinding {
  readonly connectionString: string;
}

/**
 * The Worker's bindings: its variables and secrets (strings), and, when one is bound under this name, the
 * Hyperdrive binding that reaches the database.
 */
export interface WorkerEnv {
  readonly HYPERDRIVE?: HyperdriveBinding;
  readonly [name: string]: unknown;
}

/** The part of the Worker's `ExecutionContext` the server uses. */
export interface WorkerContext {
  /** Keeps the invocation alive until `promise` settles, after the response has gone. */
  waitUntil(promise: Promise<unknown>): void;
}

/** What a cron trigger hands the `scheduled` handler. */
export interface ScheduledController {
  readonly cron: string;
  readonly scheduledTime: number;
}
