// Node-only (node:fs, and PGlite on demand): an edge bundle imports the package's main entry instead.
export {
  DEFAULT_DATA_DIR,
  type OpenedStorage,
  type OpenStorageOptions,
  openStorage,
} from "./open-storage.js";
