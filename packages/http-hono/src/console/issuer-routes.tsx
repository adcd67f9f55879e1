import type { Engine, TrustedIssuerInput } from "@jwtgrant/core";
import { Hono } from "hono";
import { CONSOLE_BASE, type ConsoleEnv } from "./console-env.js";
import { issuerPath } from "./console-paths.js";
import { addDeleteRoutes } from "./delete-routes.js";
import { formError } from "./form-error.js";
import { type FormValues, readForm } from "./form-values.js";
import { keyFingerprints } from "./key-fingerprints.js";
import { IssuerDetailPage } from "./pages/issuer-detail-page.js";
import { ISSUER_FIELDS, IssuerFormPage, type IssuerFormValues } from "./pages/issuer-form-page.js";
import { IssuerListPage } from "./pages/issuer-list-page.js";
import { addRulesEditorRoutes } from "./rules-editor-routes.js";
import { tryAssertion } from "./try-assertion.js";

const EMPTY = Object.fromEntries(ISSUER_FIELDS.map((field) => [field, ""])) as IssuerFormValues;

/** An empty field means "not given", so that core applies its defaults and its one-key-source rule. */
function issuerInput(values: IssuerFormValues): TrustedIssuerInput {
  const given = (value: string) => (value === "" ? undefined : value);
  const subjects = values.subjects.split(/\s+/).filter((subject) => subject.length > 0);
  return {
    issuer: values.issuer,
    name: given(values.name) ?? null,
    certificate: given(values.certificate),
    jwksUri: given(values.jwks_uri),
    ...(subjects.length === 0 ? {} : { subjects }),
    scope: given(values.scope) ?? null,
    // datetime-local carries no zone; the form labels it UTC.
    expiresAt: values.expires_at === "" ? null : new Date(`${values.expires_at}Z`),
  };
}

function formValues(form: FormValues): IssuerFormValues {
  return Object.fromEntries(ISSUER_FIELDS.map((field) => [field, form.text(field)])) as IssuerFormValues;
}

export function issuerRoutes(engine: Engine): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const detail = async (id: string, csrfToken: string) => {
    const issuer = await engine.issuers.get(id);
    return {
      csrfToken,
      issuer,
      keys: await keyFingerprints(issuer.keySource),
      clients: await engine.clients.list(),
      serverMaxAssertionLifetimeSeconds: engine.settings.maxAssertionLifetimeSeconds,
    };
  };

  app.get("/", async (c) =>
    c.html(<IssuerListPage csrfToken={c.get("session").csrfToken} issuers={await engine.issuers.list()} />),
  );
  app.get("/new", (c) => c.html(<IssuerFormPage csrfToken={c.get("session").csrfToken} values={EMPTY} />));
  app.post("/", async (c) => {
    const values = formValues(await readForm(c));
    try {
      const issuer = await engine.issuers.create(c.get("actor"), issuerInput(values));
      return c.redirect(issuerPath(issuer.id), 303);
    } catch (error) {
      const refused = formError(error);
      return c.html(
        <IssuerFormPage csrfToken={c.get("session").csrfToken} values={values} error={refused} />,
        refused.status,
      );
    }
  });
  app.get("/:id", async (c) =>
    c.html(<IssuerDetailPage {...(await detail(c.req.param("id"), c.get("session").csrfToken))} />),
  );
  app.post("/:id/enabled", async (c) => {
    const id = c.req.param("id");
    await engine.issuers.update(c.get("actor"), id, {
      enabled: (await readForm(c)).text("enabled") === "true",
    });
    return c.redirect(issuerPath(id), 303);
  });
  app.post("/:id/try", async (c) => {
    const props = await detail(c.req.param("id"), c.get("session").csrfToken);
    const form = await readForm(c);
    const result = await tryAssertion(engine, {
      assertion: form.text("assertion"),
      clientId: form.text("client_id"),
      scope: form.text("scope"),
    });
    return c.html(<IssuerDetailPage {...props} tryIt={result} />);
  });
  addRulesEditorRoutes(app, engine);
  addDeleteRoutes(app, {
    path: issuerPath,
    listPath: `${CONSOLE_BASE}/issuers`,
    get: (id) => engine.issuers.get(id),
    idOf: (issuer) => issuer.id,
    describe: (issuer) => `the trusted issuer ${issuer.issuer}`,
    delete: (actor, id) => engine.issuers.delete(actor, id),
  });
  return app;
}
