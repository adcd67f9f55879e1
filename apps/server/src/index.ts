export { type ComposedServer, composeServer } from "./compose-server.js";
export { ConfigError } from "./config/config-error.js";
export { readServerConfig, type ServerConfig } from "./config/server-config.js";
export { type Runtime, type RuntimeServer, runServer } from "./run-server.js";
