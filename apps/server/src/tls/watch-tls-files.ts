import { type FSWatcher, watch } from "node:fs";
import { dirname, resolve } from "node:path";
import type { TlsFiles } from "./read-tls-material.js";

export interface TlsFilesWatch {
  close(): void;
}

export interface WatchTlsFilesOptions {
  /** Called once the directories have been quiet for `debounceMs` after a change. */
  readonly onChange: () => void;
  /** A directory that cannot be watched, or stops being watchable: SIGHUP is then the only trigger. */
  readonly onError: (error: Error) => void;
  /** Default 250: cert-manager and editors write the certificate and the key in separate steps. */
  readonly debounceMs?: number;
}

/**
 * Watches the directories that hold the certificate and the key, not the files: Kubernetes mounts a secret
 * as symlinks into a `..data` directory and rotates it by swapping that link, which a watch on the old
 * file would never see. Any change in those directories counts; the reload compares the content anyway.
 */
export function watchTlsFiles(files: TlsFiles, options: WatchTlsFilesOptions): TlsFilesWatch {
  const debounceMs = options.debounceMs ?? 250;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(options.onChange, debounceMs);
  };
  const directories = new Set([files.certFile, files.keyFile].map((file) => dirname(resolve(file))));
  const watchers: FSWatcher[] = [];
  for (const directory of directories) {
    try {
      const watcher = watch(directory, { persistent: false }, changed);
      watcher.on("error", options.onError);
      watchers.push(watcher);
    } catch (error) {
      options.onError(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
