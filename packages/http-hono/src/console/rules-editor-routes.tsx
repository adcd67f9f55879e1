import { type AdminActor, type Engine, type TrustRule, trustRulesToWire } from "@jwtgrant/core";
import type { Hono } from "hono";
import type { ConsoleEnv } from "./console-env.js";
import { issuerPath } from "./console-paths.js";
import { type FormError, formError } from "./form-error.js";
import { readForm } from "./form-values.js";
import { TrustRulesEditorPage } from "./pages/trust-rules-editor-page.js";
import { parseRulesText } from "./parse-rules-text.js";

const rulesText = (rules: readonly TrustRule[] | null) =>
  rules === null ? "" : JSON.stringify(trustRulesToWire(rules), null, 2);

/** Saves an issuer's rules; what the form shows when they are refused, or `undefined` once saved. */
async function saveRules(
  engine: Engine,
  actor: AdminActor,
  id: string,
  rules: unknown,
): Promise<FormError | undefined> {
  try {
    await engine.issuers.update(actor, id, { rules });
    return undefined;
  } catch (error) {
    return formError(error);
  }
}

/**
 * `GET /:id/rules` shows an issuer's rules as JSON in a textarea; its POST saves them whole through the
 * engine, which validates them as the admin API does, then goes back to the issuer's page. A refused text
 * comes back as typed, with the problem beside it.
 */
export function addRulesEditorRoutes(app: Hono<ConsoleEnv>, engine: Engine): void {
  app.get("/:id/rules", async (c) => {
    const issuer = await engine.issuers.get(c.req.param("id"));
    return c.html(
      <TrustRulesEditorPage
        csrfToken={c.get("session").csrfToken}
        issuer={issuer}
        text={rulesText(issuer.rules)}
      />,
    );
  });
  app.post("/:id/rules", async (c) => {
    const issuer = await engine.issuers.get(c.req.param("id"));
    const text = (await readForm(c)).text("rules");
    const parsed = parseRulesText(text);
    const error =
      "error" in parsed ? parsed.error : await saveRules(engine, c.get("actor"), issuer.id, parsed.rules);
    if (error === undefined) return c.redirect(issuerPath(issuer.id), 303);
    return c.html(
      <TrustRulesEditorPage
        csrfToken={c.get("session").csrfToken}
        issuer={issuer}
        text={text}
        error={error}
      />,
      error.status,
    );
  });
}
