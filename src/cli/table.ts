// Events as a terminal table: the columns an analyst scans first.
import Table from "cli-table3";
import type { SitrepEvent } from "../core/types.ts";

export function eventsTable(events: SitrepEvent[], width = process.stdout.columns ?? 160): string {
  const narrow = width < 120;
  const table = new Table({
    head: ["date", "type", "actor1", "actor2", "location", "country", "deaths", "conf"],
    colWidths: narrow ? [12, 18, 20, 20, 16, 8, 7, 6] : [12, 28, 30, 30, 22, 10, 8, 6],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const e of events) {
    table.push([
      e.event_date ?? "",
      e.sub_event_type,
      e.actor1 ?? "",
      e.actor2 ?? "",
      e.location ?? "",
      e.iso ?? "",
      String(e.fatalities ?? ""),
      e.confidence.toFixed(2),
    ]);
  }
  return table.toString();
}
