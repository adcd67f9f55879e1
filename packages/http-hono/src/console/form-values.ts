import type { Context } from "hono";

/** A submitted form, read once (Hono caches the parsed body, so middleware and handler share it). */
export interface FormValues {
  /** The trimmed value, or `""` when absent. */
  text(name: string): string;
  /** Every non-empty value of a repeated field. */
  all(name: string): string[];
}

export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values = (name: string): string[] => {
    const raw = body[name];
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.filter((value): value is string => typeof value === "string");
  };
  return {
    text: (name) => values(name)[0]?.trim() ?? "",
    all: (name) =>
      values(name)
        .map((value) => value.trim())
        .filter((value) => value.length > 0),
  };
}
