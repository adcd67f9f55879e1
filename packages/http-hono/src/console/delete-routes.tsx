import type { AdminActor } from "@jwtgrant/core";
import type { Hono } from "hono";
import type { ConsoleEnv } from "./console-env.js";
import { readForm } from "./form-values.js";
import { ConfirmDeletePage } from "./pages/confirm-delete-page.js";

export interface Deletable<T> {
  /** The record's console page. */
  readonly path: (id: string) => string;
  /** Where a deletion lands: the list of the remaining records. */
  readonly listPath: string;
  readonly get: (id: string) => Promise<T>;
  readonly idOf: (record: T) => string;
  /** What is deleted, as the operator knows it: "the client Orders app". */
  readonly describe: (record: T) => string;
  readonly delete: (actor: AdminActor, id: string) => Promise<void>;
}

/** `GET /:id/delete` asks; only the POST it offers, with `confirm=yes`, deletes. */
export function addDeleteRoutes<T>(app: Hono<ConsoleEnv>, deletable: Deletable<T>): void {
  app.get("/:id/delete", async (c) => {
    const record = await deletable.get(c.req.param("id"));
    const path = deletable.path(deletable.idOf(record));
    return c.html(
      <ConfirmDeletePage
        csrfToken={c.get("session").csrfToken}
        what={deletable.describe(record)}
        action={`${path}/delete`}
        cancel={path}
      />,
    );
  });
  app.post("/:id/delete", async (c) => {
    const id = c.req.param("id");
    if ((await readForm(c)).text("confirm") !== "yes") return c.redirect(`${deletable.path(id)}/delete`, 303);
    await deletable.delete(c.get("actor"), id);
    return c.redirect(deletable.listPath, 303);
  });
}
