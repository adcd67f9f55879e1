import type { KeyResolver } from "../keys/key-resolver.js";
import type { Clock } from "../ports/clock.js";
import type { JwsCrypto } from "../ports/jws-crypto.js";
import type { Storage } from "../ports/storage.js";
import type { EngineSettings } from "./settings.js";

/** What every use case runs against: the ports, the resolved settings, and the key caches. */
export interface EngineContext {
  readonly storage: Storage;
  readonly clock: Clock;
  readonly crypto: JwsCrypto;
  readonly keys: KeyResolver;
  readonly settings: EngineSettings;
}
