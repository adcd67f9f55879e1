import type { Engine, TrustedIssuerInput } from "@jwtgrant/core";
import { Hono } from "hono";
import { CONSOLE_BASE, type ConsoleEnv } from "./console-env.js";
import { formError } from "./form-error.js";
import { type FormValues, readForm } from "./form-values.js";
import { keyFingerprints } from "./key-fingerprints.js";
import { ConfirmDeletePage } from "./pages/confirm-delete-page.js";
import {
  ISSUER_FIELDS,
  IssuerDetailPage,
  IssuerFormPage,
  type IssuerFormValues,
  IssuerListPage,
} from "./pages/issuer-pages.js";
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
  const path = (id: string) => `${CONSOLE_BASE}/issuers/${encodeURIComponent(id)}`;
  const detail = async (id: string, csrfToken: string) => {
    const issuer = await engine.issuers.get(id);
    return {
      csrfToken,
      issuer,
      keys: await keyFingerprints(issuer.keySource),
      clients: await engine.clients.list(),
    };
  };

  app.get("/", async (c) =>
    c.html(<IssuerListPage csrfToken={c.get("session").csrfToken} issuers={await engine.issuers.list()} />),
  );
  app.get("/new", (c) => c.html(<IssuerFormPage csrfToken={c.get("session").csrfToken} values={EMPTY} />));
  app.post("/", async (c) => {
    const values = formValues(await readForm(c));
    try {
      const issuer = await engine.issuers.create(issuerInput(values));
      return c.redirect(path(issuer.id), 303);
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
    await engine.issuers.update(id, { enabled: (await readForm(c)).text("enabled") === "true" });
    return c.redirect(path(id), 303);
  });
  app.post("/:id/try", async (c) => {
    const props = await detail(c.req.param("id"), c.get("session").csrfToken);
    const form = await readForm(c);
    const result = await tryAssertion(engine, props.issuer, form.text("client_id"), form.text("assertion"));
    return c.html(<IssuerDetailPage {...props} tryIt={result} />);
  });
  app.get("/:id/delete", async (c) => {
    const issuer = await engine.issuers.get(c.req.param("id"));
    return c.html(
      <ConfirmDeletePage
        csrfToken={c.get("session").csrfToken}
        what={`the trusted issuer ${issuer.issuer}`}
        action={`${path(issuer.id)}/delete`}
        cancel={path(issuer.id)}
      />,
    );
  });
  app.post("/:id/delete", async (c) => {
    const id = c.req.param("id");
    if ((await readForm(c)).text("confirm") !== "yes") return c.redirect(`${path(id)}/delete`, 303);
    await engine.issuers.delete(id);
    return c.redirect(`${CONSOLE_BASE}/issuers`, 303);
  });
  return app;
}
