import type { JsonValue } from "../domain/json-value.js";
import type { ClientEntry, IssuerEntry, SecretSource } from "./trust-document.js";

/** One field of an entry that a plan changes; `undefined` on a side: the field is absent there. */
export interface FieldChange {
  readonly field: string;
  readonly from: JsonValue | undefined;
  readonly to: JsonValue | undefined;
}

/** One step of a plan. `index` is the entry's position in the document, for refusals that name it. */
export type TrustChange =
  | {
      readonly action: "create";
      readonly kind: "issuer";
      readonly key: string;
      readonly index: number;
      readonly entry: IssuerEntry;
    }
  | {
      readonly action: "update";
      readonly kind: "issuer";
      readonly key: string;
      readonly index: number;
      readonly id: string;
      readonly changes: readonly FieldChange[];
      readonly entry: IssuerEntry;
    }
  | { readonly action: "delete"; readonly kind: "issuer"; readonly key: string; readonly id: string }
  | {
      readonly action: "create";
      readonly kind: "client";
      readonly key: string;
      readonly index: number;
      readonly entry: ClientEntry;
      readonly secret: SecretSource | null;
    }
  | {
      readonly action: "update";
      readonly kind: "client";
      readonly key: string;
      readonly index: number;
      readonly changes: readonly FieldChange[];
      readonly entry: ClientEntry;
    }
  | { readonly action: "delete"; readonly kind: "client"; readonly key: string };

/**
 * What applying a document does, in the order it is done: issuers created and updated, then clients (which
 * may name the issuers), then clients deleted, then issuers. Empty: nothing to do.
 */
export interface TrustPlan {
  readonly changes: readonly TrustChange[];
}
