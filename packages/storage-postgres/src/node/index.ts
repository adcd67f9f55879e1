// Node-only (node:fs, and PGlite on demand): an edge bundle imports the package's main entry instead.
export { type OpenedStorage, type OpenStorageOptions, openStorage } from "./open-storage.js";
