// What the exports take: an extracted event, with its id and document when it has been stored.
import type { ExtractionResult, SitrepEvent } from "../core/types.ts";

export type ExportEvent = SitrepEvent & {
  /** The store's event id; absent for events straight from extraction. */
  id?: string;
  document_id?: string;
  document_url?: string | null;
  document_title?: string | null;
};

/** The events of extraction results, each labelled with its document, for export unstored. */
export function eventsOf(results: ExtractionResult | readonly ExtractionResult[]): ExportEvent[] {
  const list: readonly ExtractionResult[] = Array.isArray(results)
    ? results
    : [results as ExtractionResult];
  return list.flatMap((r) =>
    r.events.map((e) => ({
      ...e,
      document_id: r.id,
      document_url: r.url,
      document_title: r.title,
    })),
  );
}
