/**
 * The data directory of the server and the CLI when none is configured: `.jwtgrant` in the working directory.
 * A module of its own, so that reading the configuration loads no driver (a Worker's bundle has no PGlite).
 */
export const DEFAULT_DATA_DIR = "./.jwtgrant";
