export { createProgram } from "./program.js";
export { EXIT_FAILURE, EXIT_USAGE, runCli } from "./run-cli.js";
