/** A configuration value the server cannot start with; its message is the one line an operator sees. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
