// What a worker does with each kind of job. Both are idempotent, so a job that runs twice (its
// worker was killed after the work committed but before the job was marked done) changes nothing
// the second time: the store adds a document once by its content key, and a fetch only queues
// document jobs, which the store then dedupes.
import { isSitrepError } from "../core/errors.ts";
import { loadInputs } from "../load/load-inputs.ts";
import type { Store } from "../store/store.ts";
import type { Extractor } from "./extractor.ts";
import type { DocumentJob, FetchJob, JobQueue } from "./job-queue.ts";

export interface DocumentOutcome {
  documentId: string;
  /** false when the document was stored already (a re-run, or the same article queued twice). */
  added: boolean;
  events: number;
}

/** Extracts one document and stores it, in one job: the store commits it whole or not at all. */
export async function runDocumentJob(
  job: DocumentJob,
  deps: { store: Store; extractor: Extractor },
): Promise<DocumentOutcome> {
  const result = await deps.extractor.extract(job.doc, job.preset);
  return deps.store.ingest(job.doc, result);
}

export interface FetchOutcome {
  /** Document jobs queued for what the URL held (one page, or a feed's items). */
  queued: number;
  /** Items of the URL that could not be read, each a one-line reason. */
  errors: string[];
}

/**
 * Reads a URL (a page or a feed) and queues a document job for each article in it. A failure
 * of the whole URL is thrown, so the job is retried or reported; a bad item of a feed is
 * recorded and the rest go on.
 */
export async function runFetchJob(
  job: FetchJob,
  deps: { queue: JobQueue; jobTimeoutSeconds?: number },
): Promise<FetchOutcome> {
  const docs = [];
  const problems: string[] = [];
  for await (const item of loadInputs([job.url], { published: job.published })) {
    if ("error" in item) {
      // The URL itself failed (nothing read yet): the job fails, to be retried if it may pass.
      if (docs.length === 0 && item.error.input === job.url) throw item.error;
      problems.push(item.error.message);
    } else docs.push({ doc: item.doc, preset: job.preset });
  }
  const queued = await deps.queue.enqueueDocuments(docs, {
    jobTimeoutSeconds: deps.jobTimeoutSeconds,
  });
  return { queued, errors: problems };
}

/**
 * Whether retrying a failed job could help. Bad input (an empty or non-English document, a 404,
 * a page over the size limit, a stage that fails on this text) fails the same way every time;
 * the database or a server being unavailable may pass later.
 */
export function isRetryable(e: unknown): boolean {
  if (!isSitrepError(e)) return true;
  if (e.code === "DB_ERROR") return true;
  if (e.code === "FETCH_FAILED") {
    const status = /HTTP (\d{3})/.exec(e.message);
    if (status) return /^(5\d\d|429|408)$/.test(status[1]);
    return !/larger than/.test(e.message);
  }
  return false;
}
