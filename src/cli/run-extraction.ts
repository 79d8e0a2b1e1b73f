// The one loop the CLI commands share: load each input, extract it, hand the result on. Errors
// for one input are reported on one line and the rest goes on.
import type { SitrepError } from "../core/errors.ts";
import type { Document, ExtractionResult } from "../core/types.ts";
import { loadInputs } from "../load/load-inputs.ts";
import type { Pipeline } from "../pipeline/pipeline.ts";
import { createProgress } from "./progress.ts";

export interface RunSummary {
  documents: number;
  events: number;
  errors: number;
}

export async function runExtraction(
  inputs: string[],
  pipeline: Pipeline,
  opts: { published?: string; label: string },
  onResult: (
    doc: Document,
    result: ExtractionResult,
  ) => Promise<number | undefined> | number | undefined,
  onError: (e: SitrepError) => void = reportError,
): Promise<RunSummary> {
  const summary: RunSummary = { documents: 0, events: 0, errors: 0 };
  const progress = createProgress(opts.label);
  try {
    for await (const item of loadInputs(inputs, { published: opts.published ?? null })) {
      if ("error" in item) {
        summary.errors++;
        progress.stop();
        onError(item.error);
        continue;
      }
      try {
        const result = pipeline.extract(item.doc, item.log);
        const added = await onResult(item.doc, result);
        summary.documents++;
        summary.events += typeof added === "number" ? added : result.events.length;
      } catch (e) {
        summary.errors++;
        onError(e as SitrepError);
      }
      progress.tick(summary.documents, summary.events, summary.errors);
    }
  } finally {
    progress.stop();
  }
  return summary;
}

export function reportError(e: { message: string }): void {
  process.stderr.write(`sitrep: ${e.message}\n`);
}
