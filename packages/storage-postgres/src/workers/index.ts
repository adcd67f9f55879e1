// For Workers (workerd): postgres.js over Workers' sockets, no file system, no embedded database.
export {
  openWorkersStorage,
  type WorkersStorage,
  type WorkersStorageOptions,
} from "./open-workers-storage.js";
