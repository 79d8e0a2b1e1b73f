// JSON Lines: one event per line, everything kept, claims and evidence included.
import type { ExportEvent } from "./export-event.ts";

export function toJsonl(events: readonly ExportEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join("");
}
