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

/** `log` carries the load stage's decisions ("dropped: a link line") into the document's record. */
export function createContext(
  doc: Document,
  debug = false,
  log: DecisionLog[] = [],
): DocumentContext {
  if (debug) for (const l of log) process.stderr.write(`[${doc.id}] ${l.stage}: ${l.reason}\n`);
  return { doc, reference: doc.published, log: [...log], debug };
}

export function note(ctx: DocumentContext, stage: string, reason: string): void {
  ctx.log.push({ stage, reason });
  if (ctx.debug) process.stderr.write(`[${ctx.doc.id}] ${stage}: ${reason}\n`);
}
