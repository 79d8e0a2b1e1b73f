// `sitrep worker` and `sitrep ingest --queue`: the command-line side of the PostgreSQL job queue.
import type { Command } from "commander";
import { errors, type SitrepError } from "../core/errors.ts";
import { loadInputs } from "../load/load-inputs.ts";
import type { PresetName } from "../pipeline/pipeline.ts";
import { type DocumentJob, type FetchJob, openQueue } from "../queue/job-queue.ts";
import { startWorker } from "../queue/worker.ts";
import { redactUrl } from "../store/store.ts";
import { databaseTarget } from "./options.ts";
import { reportError } from "./run-extraction.ts";

/** Documents sent to the queue per round trip while inputs are read. */
const ENQUEUE_BATCH = 200;

function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw errors.badOption(`${option} "${value}" is not a whole number, 1 or more`);
  }
  return n;
}

export function addWorkerCommand(cli: Command): void {
  cli
    .command("worker")
    .description(
      "Take fetch and document jobs from the PostgreSQL job queue and run them until stopped (SIGINT or SIGTERM). Run any number, on any number of machines.",
    )
    .option(
      "--db <url>",
      "PostgreSQL URL holding the store and the queue (default: $SITREP_DATABASE_URL)",
    )
    .option(
      "--concurrency <n>",
      "jobs at once; above 1, extraction runs on that many threads (default 1; about one per core)",
    )
    .option(
      "--recover-every <seconds>",
      "how often to look for jobs whose worker died, to hand them to a live one (default 10)",
    )
    .action(async (o) => {
      const target = databaseTarget(o.db);
      const worker = await startWorker({
        target,
        concurrency: positiveInt(o.concurrency, "--concurrency"),
        recoverEverySeconds: positiveInt(o.recoverEvery, "--recover-every"),
      });
      process.stderr.write(
        `worker ready: pid ${process.pid}, concurrency ${positiveInt(o.concurrency, "--concurrency") ?? 1}, queue ${worker.queue.schema} → ${redactUrl(target)}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.stderr.write(`worker: ${signal}, finishing the jobs in hand\n`);
          resolve();
        };
        process.once("SIGINT", () => stop("SIGINT"));
        process.once("SIGTERM", () => stop("SIGTERM"));
      });
      await worker.stop();
      process.stderr.write("worker stopped\n");
    });
}

export interface EnqueueSummary {
  documents: number;
  urls: number;
  errors: number;
}

/**
 * `sitrep ingest --queue`: URLs become fetch jobs (the workers fetch them); files, directories
 * and stdin are read here, since workers on other machines cannot see them, and each document
 * becomes a document job. Errors for one input are reported and the rest goes on.
 */
export async function enqueueInputs(
  inputs: string[],
  opts: {
    db: string | undefined;
    published: string | undefined;
    preset: PresetName;
    jobTimeout: string | undefined;
  },
  onError: (e: SitrepError) => void = reportError,
): Promise<EnqueueSummary> {
  const target = databaseTarget(opts.db);
  const jobTimeoutSeconds = positiveInt(opts.jobTimeout, "--job-timeout");
  const queue = await openQueue(target, { supervise: false, poolMax: 2 });
  const summary: EnqueueSummary = { documents: 0, urls: 0, errors: 0 };
  try {
    const urls: FetchJob[] = inputs
      .filter((i) => /^https?:\/\//i.test(i))
      .map((url) => ({ url, published: opts.published ?? null, preset: opts.preset }));
    summary.urls = await queue.enqueueUrls(urls, { jobTimeoutSeconds });

    const local = inputs.filter((i) => !/^https?:\/\//i.test(i));
    let batch: DocumentJob[] = [];
    const flush = async () => {
      summary.documents += await queue.enqueueDocuments(batch, { jobTimeoutSeconds });
      batch = [];
    };
    for await (const item of loadInputs(local, { published: opts.published ?? null })) {
      if ("error" in item) {
        summary.errors++;
        onError(item.error);
        continue;
      }
      batch.push({ doc: item.doc, preset: opts.preset });
      if (batch.length >= ENQUEUE_BATCH) await flush();
    }
    await flush();
  } finally {
    await queue.close();
  }
  process.stderr.write(
    `queued ${summary.documents} document(s) and ${summary.urls} URL(s), ${summary.errors} error(s) → ${redactUrl(target)}; \`sitrep worker\` processes them\n`,
  );
  return summary;
}
