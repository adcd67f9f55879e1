/**
 * Who made an admin change. Never a credential: the shared bootstrap token is named by its kind alone, an
 * admin key by its id and name, a console session by a fingerprint of its id.
 */
export type AdminActor =
  /**
   * The bootstrap token, with the first 12 hex digits of its SHA-256 when the request presented it: a
   * changed token shows as another fingerprint, and so few digits of a 32-character secret reveal nothing.
   */
  | { readonly kind: "bootstrap_token"; readonly fingerprint?: string }
  | { readonly kind: "api_key"; readonly id: string; readonly name: string }
  | { readonly kind: "console"; readonly session: string }
  /** The server itself: applying `JWTGRANT_BOOTSTRAP_FILE`, or rotating its key on schedule. */
  | { readonly kind: "server"; readonly task: ServerTask };

export type ServerTask = "bootstrap_file" | "key_rotation_schedule";

/** The holder of the bootstrap admin token (`JWTGRANT_ADMIN_TOKEN`), shared by whoever has it. */
export const BOOTSTRAP_ADMIN: AdminActor = { kind: "bootstrap_token" };
