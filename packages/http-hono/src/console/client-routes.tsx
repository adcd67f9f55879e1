import { type ClientInput, type Engine, JWT_BEARER_GRANT } from "@jwtgrant/core";
import { Hono } from "hono";
import { CONSOLE_BASE, type ConsoleEnv } from "./console-env.js";
import { clientPath } from "./console-paths.js";
import { addDeleteRoutes } from "./delete-routes.js";
import { formError } from "./form-error.js";
import { readForm } from "./form-values.js";
import { ClientDetailPage } from "./pages/client-detail-page.js";
import { ClientFormPage, type ClientFormValues } from "./pages/client-form-page.js";
import { ClientListPage } from "./pages/client-list-page.js";

const DEFAULTS: ClientFormValues = {
  client_name: "",
  grant_types: [JWT_BEARER_GRANT],
  token_endpoint_auth_method: "client_secret_basic",
  scope: "",
  redirect_uri: "",
  jwks_uri: "",
};

function clientInput(values: ClientFormValues): ClientInput {
  return {
    clientName: values.client_name === "" ? null : values.client_name,
    grantTypes: values.grant_types,
    tokenEndpointAuthMethod: values.token_endpoint_auth_method,
    scope: values.scope,
    redirectUris: values.redirect_uri === "" ? [] : [values.redirect_uri],
    ...(values.jwks_uri === "" ? {} : { jwksUri: values.jwks_uri }),
  };
}

export function clientRoutes(engine: Engine): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get("/", async (c) =>
    c.html(<ClientListPage csrfToken={c.get("session").csrfToken} clients={await engine.clients.list()} />),
  );
  app.get("/new", (c) => c.html(<ClientFormPage csrfToken={c.get("session").csrfToken} values={DEFAULTS} />));
  app.post("/", async (c) => {
    const form = await readForm(c);
    const values: ClientFormValues = {
      client_name: form.text("client_name"),
      grant_types: form.all("grant_types"),
      token_endpoint_auth_method: form.text("token_endpoint_auth_method"),
      scope: form.text("scope"),
      redirect_uri: form.text("redirect_uri"),
      jwks_uri: form.text("jwks_uri"),
    };
    const csrfToken = c.get("session").csrfToken;
    try {
      const { client, clientSecret } = await engine.clients.create(c.get("actor"), clientInput(values));
      return c.html(
        <ClientDetailPage csrfToken={csrfToken} client={client} clientSecret={clientSecret} />,
        201,
      );
    } catch (error) {
      const refused = formError(error);
      return c.html(<ClientFormPage csrfToken={csrfToken} values={values} error={refused} />, refused.status);
    }
  });
  app.get("/:id", async (c) =>
    c.html(
      <ClientDetailPage
        csrfToken={c.get("session").csrfToken}
        client={await engine.clients.get(c.req.param("id"))}
      />,
    ),
  );
  app.post("/:id/secret", async (c) => {
    const { client, clientSecret } = await engine.clients.rotateSecret(c.get("actor"), c.req.param("id"));
    return c.html(
      <ClientDetailPage csrfToken={c.get("session").csrfToken} client={client} clientSecret={clientSecret} />,
    );
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
