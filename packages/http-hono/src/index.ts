export { createHttpApp, type HttpAppOptions, type HttpServices } from "./create-http-app.js";
export type { ClientAddress } from "./oauth/client-address.js";
export type { ReadBody } from "./oauth/read-body-text.js";
export { createMetrics, type Metrics } from "./observability/metrics.js";
export type { RequestLogger, RequestLogRecord } from "./observability/request-log.js";
