import type { GrantType } from "../domain/client.js";
import type { GrantActor } from "../domain/grant-parties.js";
import type { RefusalReason } from "../errors/refusal-reason.js";

/** One grant decision, for operators. Never holds an assertion, a token or a secret. */
export interface GrantAuditEntry {
  readonly at: Date;
  readonly grantType: GrantType;
  readonly clientId: string;
  /** The assertion's `iss`, `sub` and `jti`; unverified when the grant was refused before the signature check. */
  readonly issuer: string | null;
  readonly subject: string | null;
  readonly jti: string | null;
  /** Who acted for the subject, in a token exchange with an actor; `null` otherwise. */
  readonly actor: GrantActor | null;
  readonly outcome: "granted" | "refused";
  /**
   * The trust rule that granted it; for a refusal because no rule matched, each rule with the first claim
   * that failed it (`deploy: ref; ci: repository_id`); otherwise `null`.
   */
  readonly rule: string | null;
  /** The refusal's reason code (`OAuthError.reason`); `null` when granted. */
  readonly reason: RefusalReason | null;
}

/** The trail of grant decisions. */
export interface GrantAuditLog {
  /**
   * Records a decision without delaying the grant: adapters may buffer and write in batches, and a failed
   * write must not surface here (it never throws).
   */
  record(entry: GrantAuditEntry): void;
  /** The latest `limit` decisions, newest first, including any still buffered. */
  recent(limit: number): Promise<GrantAuditEntry[]>;
}
