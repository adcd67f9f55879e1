import type { Engine, TrustedIssuer, TrustedIssuerInput } from "@jwtgrant/core";
import { Hono } from "hono";
import { CONSOLE_BASE, type ConsoleEnv } from "./console-env.js";
import { issuerPath } from "./console-paths.js";
import { addDeleteRoutes } from "./delete-routes.js";
import { type FormError, formError } from "./form-error.js";
import { type FormValues, readForm } from "./form-values.js";
import { keyFingerprints } from "./key-fingerprints.js";
import { IssuerDetailPage } from "./pages/issuer-detail-page.js";
import { ISSUER_FIELDS, IssuerFormPage, type IssuerFormValues } from "./pages/issuer-form-page.js";
import { IssuerListPage } from "./pages/issuer-list-page.js";
import { parseJsonField } from "./parse-json-field.js";
import { parseSeconds } from "./parse-seconds.js";
import { addRulesEditorRoutes } from "./rules-editor-routes.js";
import { splitCertificates } from "./split-certificates.js";
import { splitList } from "./split-list.js";
import { tryAssertion } from "./try-assertion.js";

const EMPTY: IssuerFormValues = {
  ...(Object.fromEntries(ISSUER_FIELDS.map((field) => [field, ""])) as IssuerFormValues),
  assertion_reuse: "single_use",
};

const text = (value: string | null | undefined) => value ?? "";

/** A stored issuer as the edit form shows it: its key source in the field that registers it. */
function issuerValues(issuer: TrustedIssuer): IssuerFormValues {
  const source = issuer.keySource;
  return {
    issuer: issuer.issuer,
    name: text(issuer.name),
    certificate:
      source.kind === "certificate"
        ? source.certificate
        : source.kind === "certificates"
          ? source.certificates.join("\n")
          : "",
    jwks_uri: source.kind === "jwks_uri" ? source.jwksUri : "",
    jwks: source.kind === "jwks" ? JSON.stringify(source.jwks, null, 2) : "",
    discovery: source.kind === "discovery" ? "yes" : "",
    algorithms: text(issuer.algorithms?.join(" ")),
    subjects: issuer.subjectRule.kind === "any" ? "" : issuer.subjectRule.subjects.join("\n"),
    scope: text(issuer.scope?.join(" ")),
    audiences: issuer.audiences.join("\n"),
    assertion_reuse: issuer.assertionReuse,
    max_assertion_lifetime: text(issuer.maxAssertionLifetimeSeconds?.toString()),
    // datetime-local carries no zone; the form labels it UTC.
    expires_at: text(issuer.expiresAt?.toISOString().slice(0, 19)),
    enabled: issuer.enabled ? "yes" : "",
  };
}

/**
 * The admin API's input for the form. An empty field means "not given" or "none", so that core applies its
 * defaults, its one-key-source rule, and (on an edit with every key field emptied) keeps the current keys.
 */
function issuerInput(values: IssuerFormValues, editing: boolean): TrustedIssuerInput | FormError {
  const given = (value: string) => (value === "" ? undefined : value);
  const jwks = parseJsonField("jwks", values.jwks);
  if ("error" in jwks) return jwks.error;
  const expiresAt = values.expires_at === "" ? null : new Date(`${values.expires_at}Z`);
  if (expiresAt !== null && Number.isNaN(expiresAt.getTime())) {
    return { status: 400, field: "expires_at", message: "expires_at: not a date and time" };
  }
  const pems = splitCertificates(values.certificate);
  const subjects = splitList(values.subjects);
  const algorithms = splitList(values.algorithms);
  const audiences = splitList(values.audiences);
  return {
    issuer: values.issuer,
    name: given(values.name) ?? null,
    ...(pems.length === 0 ? {} : pems.length === 1 ? { certificate: pems[0] } : { certificates: pems }),
    jwksUri: given(values.jwks_uri),
    jwks: jwks.value,
    discovery: values.discovery === "yes" ? true : undefined,
    algorithms: algorithms.length === 0 ? null : algorithms,
    ...(subjects.length === 0 ? { allowAnySubject: true } : { subjects }),
    scope: given(values.scope) ?? null,
    audiences: audiences.length === 0 ? null : audiences,
    assertionReuse: given(values.assertion_reuse),
    maxAssertionLifetime: parseSeconds(values.max_assertion_lifetime),
    expiresAt,
    ...(editing ? { enabled: values.enabled === "yes" } : {}),
  };
}

function formValues(form: FormValues): IssuerFormValues {
  return Object.fromEntries(ISSUER_FIELDS.map((field) => [field, form.text(field)])) as IssuerFormValues;
}

/** Runs a save; the refusal the form shows, with several certificates blamed on their one box. */
async function attempt(
  save: () => Promise<TrustedIssuer>,
): Promise<{ saved: TrustedIssuer } | { error: FormError }> {
  try {
    return { saved: await save() };
  } catch (error) {
    const refused = formError(error);
    return { error: refused.field === "certificates" ? { ...refused, field: "certificate" } : refused };
  }
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
      acceptedAudiences: [engine.settings.issuer, engine.settings.tokenEndpoint, ...issuer.audiences],
    };
  };

  app.get("/", async (c) =>
    c.html(<IssuerListPage csrfToken={c.get("session").csrfToken} issuers={await engine.issuers.list()} />),
  );
  const addForm = {
    action: `${CONSOLE_BASE}/issuers`,
    title: "Add a trusted issuer",
    submit: "Add issuer",
    editing: false,
  };
  const editForm = (issuer: TrustedIssuer) => ({
    action: `${issuerPath(issuer.id)}/edit`,
    title: `Edit ${issuer.name ?? issuer.issuer}`,
    submit: "Save changes",
    editing: true,
  });
  app.get("/new", (c) =>
    c.html(<IssuerFormPage csrfToken={c.get("session").csrfToken} values={EMPTY} {...addForm} />),
  );
  app.post("/", async (c) => {
    const values = formValues(await readForm(c));
    const input = issuerInput(values, false);
    const result =
      "status" in input
        ? { error: input }
        : await attempt(() => engine.issuers.create(c.get("actor"), input));
    if ("saved" in result) return c.redirect(issuerPath(result.saved.id), 303);
    return c.html(
      <IssuerFormPage
        csrfToken={c.get("session").csrfToken}
        values={values}
        error={result.error}
        {...addForm}
      />,
      result.error.status,
    );
  });
  app.get("/:id/edit", async (c) => {
    const issuer = await engine.issuers.get(c.req.param("id"));
    return c.html(
      <IssuerFormPage
        csrfToken={c.get("session").csrfToken}
        values={issuerValues(issuer)}
        {...editForm(issuer)}
      />,
    );
  });
  app.post("/:id/edit", async (c) => {
    const issuer = await engine.issuers.get(c.req.param("id"));
    const values = formValues(await readForm(c));
    const input = issuerInput(values, true);
    const result =
      "status" in input
        ? { error: input }
        : await attempt(() => engine.issuers.update(c.get("actor"), issuer.id, input));
    if ("saved" in result) return c.redirect(issuerPath(issuer.id), 303);
    return c.html(
      <IssuerFormPage
        csrfToken={c.get("session").csrfToken}
        values={values}
        error={result.error}
        {...editForm(issuer)}
      />,
      result.error.status,
    );
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
