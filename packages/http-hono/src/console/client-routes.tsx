import {
  type Client,
  type ClientInput,
  type Engine,
  JWT_BEARER_GRANT,
  REFRESH_TOKEN_GRANT,
} from "@jwtgrant/core";
import { Hono } from "hono";
import { CONSOLE_BASE, type ConsoleEnv } from "./console-env.js";
import { clientPath } from "./console-paths.js";
import { addDeleteRoutes } from "./delete-routes.js";
import { type FormError, formError } from "./form-error.js";
import { type FormValues, readForm } from "./form-values.js";
import { ClientDetailPage } from "./pages/client-detail-page.js";
import { ClientFormPage, type ClientFormValues } from "./pages/client-form-page.js";
import { ClientListPage } from "./pages/client-list-page.js";
import { parseJsonField } from "./parse-json-field.js";
import { parseSeconds } from "./parse-seconds.js";
import type { SecretFlashCookie } from "./secret-flash-cookie.js";
import { splitList } from "./split-list.js";

// Both grants by default: a client without refresh_token silently gets no refresh token.
const DEFAULTS: ClientFormValues = {
  client_name: "",
  grant_types: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
  token_endpoint_auth_method: "client_secret_basic",
  scope: "",
  trusted_issuers: "",
  resources: "",
  access_token_ttl: "",
  refresh_token_ttl: "",
  jwks_uri: "",
  jwks: "",
  redirect_uris: "",
};

const seconds = (value: number | null) => (value === null ? "" : String(value));

/** A stored client as the edit form shows it. */
function clientValues(client: Client): ClientFormValues {
  const source = client.keySource;
  return {
    client_name: client.clientName ?? "",
    grant_types: client.grantTypes,
    token_endpoint_auth_method: client.authMethod,
    scope: client.scope.join(" "),
    trusted_issuers: client.trustedIssuers?.join("\n") ?? "",
    resources: client.resources.join("\n"),
    access_token_ttl: seconds(client.accessTokenTtl),
    refresh_token_ttl: seconds(client.refreshTokenTtl),
    jwks_uri: source?.kind === "jwks_uri" ? source.jwksUri : "",
    jwks: source?.kind === "jwks" ? JSON.stringify(source.jwks, null, 2) : "",
    redirect_uris: client.redirectUris.join("\n"),
  };
}

function formValues(form: FormValues): ClientFormValues {
  return {
    client_name: form.text("client_name"),
    grant_types: form.all("grant_types"),
    token_endpoint_auth_method: form.text("token_endpoint_auth_method"),
    scope: form.text("scope"),
    trusted_issuers: form.text("trusted_issuers"),
    resources: form.text("resources"),
    access_token_ttl: form.text("access_token_ttl"),
    refresh_token_ttl: form.text("refresh_token_ttl"),
    jwks_uri: form.text("jwks_uri"),
    jwks: form.text("jwks"),
    redirect_uris: form.text("redirect_uris"),
  };
}

/** The admin API's input for the form; empty fields mean the defaults (no limit, the server's lifetimes). */
function clientInput(values: ClientFormValues): ClientInput | FormError {
  const jwks = parseJsonField("jwks", values.jwks);
  if ("error" in jwks) return jwks.error;
  const trustedIssuers = splitList(values.trusted_issuers);
  return {
    clientName: values.client_name === "" ? null : values.client_name,
    grantTypes: values.grant_types,
    tokenEndpointAuthMethod: values.token_endpoint_auth_method,
    scope: values.scope,
    redirectUris: splitList(values.redirect_uris),
    resources: splitList(values.resources),
    trustedIssuers: trustedIssuers.length === 0 ? null : trustedIssuers,
    accessTokenTtl: parseSeconds(values.access_token_ttl),
    refreshTokenTtl: parseSeconds(values.refresh_token_ttl),
    ...(values.jwks_uri === "" ? {} : { jwksUri: values.jwks_uri }),
    ...(jwks.value === undefined ? {} : { jwks: jwks.value }),
  };
}

/** Runs a save; what the form shows when it is refused, or the saved result. */
async function attempt<T>(save: () => Promise<T>): Promise<{ saved: T } | { error: FormError }> {
  try {
    return { saved: await save() };
  } catch (error) {
    return { error: formError(error) };
  }
}

/**
 * Clients: a list, an add form and an edit form, each page reached again by GET after a POST. A new or
 * rotated secret travels to the client's page in the one-time flash cookie, never in a URL, so a reload
 * neither adds another client nor shows the secret again.
 */
export function clientRoutes(engine: Engine, flash: SecretFlashCookie): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const addForm = { action: `${CONSOLE_BASE}/clients`, title: "Add a client", submit: "Add client" };
  const editForm = (client: Client) => ({
    action: `${clientPath(client.clientId)}/edit`,
    title: `Edit ${client.clientName ?? client.clientId}`,
    submit: "Save changes",
  });

  app.get("/", async (c) =>
    c.html(<ClientListPage csrfToken={c.get("session").csrfToken} clients={await engine.clients.list()} />),
  );
  app.get("/new", (c) =>
    c.html(
      <ClientFormPage
        csrfToken={c.get("session").csrfToken}
        values={DEFAULTS}
        imported={{ clientId: "" }}
        {...addForm}
      />,
    ),
  );
  app.post("/", async (c) => {
    const form = await readForm(c);
    const values = formValues(form);
    const broughtId = form.text("client_id");
    const broughtSecret = form.text("client_secret");
    const input = clientInput(values);
    const brought = {
      ...(broughtId === "" ? {} : { clientId: broughtId }),
      ...(broughtSecret === "" ? {} : { clientSecret: broughtSecret }),
    };
    const result =
      "status" in input
        ? { error: input }
        : await attempt(() => engine.clients.create(c.get("actor"), { ...input, ...brought }));
    if ("error" in result) {
      return c.html(
        <ClientFormPage
          csrfToken={c.get("session").csrfToken}
          values={values}
          error={result.error}
          imported={{ clientId: broughtId }}
          {...addForm}
        />,
        result.error.status,
      );
    }
    const { client, clientSecret } = result.saved;
    if (clientSecret !== null) await flash.put(c, { clientId: client.clientId, clientSecret });
    return c.redirect(clientPath(client.clientId), 303);
  });
  app.get("/:id", async (c) => {
    const client = await engine.clients.get(c.req.param("id"));
    const clientSecret = await flash.take(c, client.clientId);
    return c.html(
      <ClientDetailPage csrfToken={c.get("session").csrfToken} client={client} clientSecret={clientSecret} />,
    );
  });
  app.get("/:id/edit", async (c) => {
    const client = await engine.clients.get(c.req.param("id"));
    return c.html(
      <ClientFormPage
        csrfToken={c.get("session").csrfToken}
        values={clientValues(client)}
        {...editForm(client)}
      />,
    );
  });
  app.post("/:id/edit", async (c) => {
    const client = await engine.clients.get(c.req.param("id"));
    const values = formValues(await readForm(c));
    const input = clientInput(values);
    const result =
      "status" in input
        ? { error: input }
        : await attempt(() => engine.clients.update(c.get("actor"), client.clientId, input));
    if ("error" in result) {
      return c.html(
        <ClientFormPage
          csrfToken={c.get("session").csrfToken}
          values={values}
          error={result.error}
          {...editForm(client)}
        />,
        result.error.status,
      );
    }
    return c.redirect(clientPath(client.clientId), 303);
  });
  app.post("/:id/secret", async (c) => {
    const { client, clientSecret } = await engine.clients.rotateSecret(c.get("actor"), c.req.param("id"));
    if (clientSecret !== null) await flash.put(c, { clientId: client.clientId, clientSecret });
    return c.redirect(clientPath(client.clientId), 303);
  });
  addDeleteRoutes(app, {
    path: clientPath,
    listPath: `${CONSOLE_BASE}/clients`,
    get: (id) => engine.clients.get(id),
    idOf: (client) => client.clientId,
    describe: (client) => `the client ${client.clientName ?? client.clientId}`,
    delete: (actor, id) => engine.clients.delete(actor, id),
  });
  return app;
}
