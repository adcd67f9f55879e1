import { NotFoundError } from "../errors/admin-errors.js";
import { isStorableText } from "../util/storable-text.js";

/**
 * The record `find` returns for `id`, or `NotFoundError` naming the `kind` of record. An id that is not text
 * names no record, and must not reach a storage query.
 */
export async function findOrNotFound<T>(
  kind: string,
  id: string,
  find: (id: string) => Promise<T | null>,
): Promise<T> {
  const record = isStorableText(id) ? await find(id) : null;
  if (record === null) throw new NotFoundError(`no ${kind} ${id}`);
  return record;
}

/** Deletes the record with `id` through `remove`, which says whether there was one; else `NotFoundError`, as above. */
export async function deleteOrNotFound(
  kind: string,
  id: string,
  remove: (id: string) => Promise<boolean>,
): Promise<void> {
  if (!isStorableText(id) || !(await remove(id))) throw new NotFoundError(`no ${kind} ${id}`);
}
