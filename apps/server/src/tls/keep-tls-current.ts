import type { JsonLogger } from "../json-logger.js";
import { readTlsMaterial, type TlsFiles, type TlsMaterial } from "./read-tls-material.js";
import { watchTlsFiles } from "./watch-tls-files.js";

export type TlsReloadTrigger = "file change" | "SIGHUP";

export interface KeepTlsCurrentOptions {
  readonly files: TlsFiles;
  /** What the listener serves now. */
  readonly served: TlsMaterial;
  /** Makes the listener serve `material` to new connections; rejects if it cannot, leaving the old one. */
  readonly swap: (material: TlsMaterial) => Promise<void>;
  readonly log: JsonLogger["log"];
  /** How to hear SIGHUP; `undefined` where there is none (Windows). */
  readonly onSighup: ((handler: () => void) => void) | undefined;
  /** Debounce of the directory watch; default that of `watchTlsFiles`. */
  readonly debounceMs?: number;
}

export interface TlsReloads {
  /** Re-reads the files and swaps if they changed; resolves when done, whatever the outcome. */
  reload(trigger: TlsReloadTrigger): Promise<void>;
  /** Stops watching; reloads asked for afterwards do nothing. */
  close(): void;
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ");
}

/**
 * Serves the certificate the files hold now: re-reads them when their directories change or on SIGHUP, and
 * swaps it in. A replacement that fails its checks or the swap is one error line, and the previous
 * certificate stays in service. Reloads run one at a time, in order.
 */
export function keepTlsCurrent(options: KeepTlsCurrentOptions): TlsReloads {
  let served = options.served;
  let queue = Promise.resolve();
  let closed = false;

  const attempt = async (trigger: TlsReloadTrigger) => {
    // A signal during shutdown must not bring up a new listener.
    if (closed) return;
    let material: TlsMaterial;
    try {
      material = readTlsMaterial(options.files);
      if (material.cert === served.cert && material.key === served.key) {
        options.log("debug", "tls certificate unchanged", { trigger });
        return;
      }
      await options.swap(material);
    } catch (error) {
      options.log("error", "tls reload failed, still serving the previous certificate", {
        trigger,
        error: message(error),
      });
      return;
    }
    served = material;
    options.log("info", "tls certificate reloaded", {
      trigger,
      fingerprint: material.fingerprint,
      notAfter: material.notAfter,
    });
  };
  const reload = (trigger: TlsReloadTrigger) => {
    queue = queue.then(() => attempt(trigger));
    return queue;
  };

  const watch = watchTlsFiles(options.files, {
    onChange: () => void reload("file change"),
    onError: (error) =>
      options.log("warn", "tls files not watched, reload with SIGHUP", { error: message(error) }),
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
  });
  options.onSighup?.(() => void reload("SIGHUP"));
  return {
    reload,
    close() {
      closed = true;
      watch.close();
    },
  };
}
