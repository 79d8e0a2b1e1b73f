// Store errors name the database (errors.db) and say what was being done when it failed.
import { errors, isSitrepError, type SitrepError } from "../core/errors.ts";

/** The reason of an error, without the "target: " prefix a SitrepError message starts with. */
export function reasonOf(e: unknown): string {
  if (isSitrepError(e)) {
    return e.input && e.message.startsWith(`${e.input}: `)
      ? e.message.slice(e.input.length + 2)
      : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Re-raises `e` as a DB_ERROR on `target` that says what was being done. */
export function failure(target: string, doing: string, e: unknown): SitrepError {
  const wrapped = errors.db(target, `${doing}: ${reasonOf(e)}`);
  wrapped.cause = e;
  return wrapped;
}
