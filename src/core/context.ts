// One context per document (CONVENTIONS 4): the publication date, outlet and options travel
// together, and stages log their decisions here as reasons.
import type { Document, IsoDate } from "./types.ts";

export interface DecisionLog {
  stage: string;
  reason: string;
}

export interface DocumentContext {
  doc: Document;
  /** The date relative expressions resolve against: the document's, or --published. */
  reference: IsoDate | null;
  /** Decisions, kept for --debug and for failing tests. */
  log: DecisionLog[];
  debug: boolean;
}

export function createContext(doc: Document, debug = false): DocumentContext {
  return { doc, reference: doc.published, log: [], debug };
}

export function note(ctx: DocumentContext, stage: string, reason: string): void {
  ctx.log.push({ stage, reason });
  if (ctx.debug) process.stderr.write(`[${ctx.doc.id}] ${stage}: ${reason}\n`);
}
