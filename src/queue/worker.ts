// A `sitrep worker` process: takes fetch and document jobs from the PostgreSQL queue and runs
// them until it is stopped. Run as many as the database can take, on as many machines as you
// like; they share nothing but the database.
import type { Job, JobResult } from "pg-boss";
import { errors } from "../core/errors.ts";
import { reasonOf } from "../store/failure.ts";
import { openStore, type Store } from "../store/store.ts";
import { type Extractor, inlineExtractor, threadExtractor } from "./extractor.ts";
import { type DocumentOutcome, isRetryable, runDocumentJob, runFetchJob } from "./handlers.ts";
import { type DocumentJob, type FetchJob, type JobQueue, openQueue, QUEUES } from "./job-queue.ts";

/**
 * Jobs a worker loop claims at a time. pg-boss re-polls at once only after a full batch, and
 * waits out its polling interval after anything less, so a batch of 1 would idle half a second
 * between documents; 2 keeps the loop busy while leaving at most one job waiting on a slow one.
 */
const BATCH_SIZE = 2;

/** How often an idle worker looks for new jobs, in seconds (pg-boss's least is 0.5). */
const POLL_SECONDS = 0.5;

export interface WorkerOptions {
  /** postgres:// URL of the database holding the store and the queue. */
  target: string;
  /** Jobs in progress at once; above 1, extraction runs on that many threads. */
  concurrency?: number;
  /** How often to look for jobs whose worker died (default RECOVER_EVERY_SECONDS). */
  recoverEverySeconds?: number;
  /** One line per job and per state change; default stderr. */
  log?: (line: string) => void;
}

export interface RunningWorker {
  store: Store;
  queue: JobQueue;
  /** Finishes the jobs in hand (up to a timeout), then disconnects. */
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw errors.badOption(`--concurrency must be a whole number, 1 or more, not ${concurrency}`);
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  // The queue first: it refuses anything but a PostgreSQL URL before a SQLite file is created.
  const queue = await openQueue(options.target, {
    supervise: true,
    recoverEverySeconds: options.recoverEverySeconds,
    poolMax: concurrency + 2,
  });
  const store = await openStore(options.target, { poolMax: concurrency + 2 }).catch(async (e) => {
    await queue.close();
    throw e;
  });
  const extractor: Extractor = await (concurrency > 1
    ? threadExtractor(concurrency)
    : Promise.resolve(inlineExtractor())
  ).catch(async (e) => {
    await store.close();
    await queue.close();
    throw e;
  });

  const settle = async <T>(
    jobs: Job<T>[],
    run: (data: T) => Promise<object>,
    describe: (data: T) => string,
  ): Promise<JobResult[]> => {
    const results: JobResult[] = [];
    for (const job of jobs) {
      try {
        const output = await run(job.data);
        results.push({ id: job.id, status: "completed", output });
      } catch (e) {
        const retry = isRetryable(e);
        log(
          `${describe(job.data)}: ${reasonOf(e)}${retry ? ` (attempt ${job.retryCount + 1}, will retry)` : " (not retried)"}`,
        );
        // `deadletter` fails it for good; `failed` counts an attempt and retries with backoff.
        results.push({
          id: job.id,
          status: retry ? "failed" : "deadletter",
          output: { error: reasonOf(e) },
        });
      }
    }
    return results;
  };

  const work = { batchSize: BATCH_SIZE, pollingIntervalSeconds: POLL_SECONDS, perJobResults: true };
  await queue.boss.work<DocumentJob>(
    QUEUES.document,
    { ...work, localConcurrency: concurrency, burstWhenBatchFull: true },
    (jobs) =>
      settle(
        jobs,
        async (data) => {
          const o: DocumentOutcome = await runDocumentJob(data, { store, extractor });
          log(
            `document ${data.doc.id}: ${o.added ? `stored, ${o.events} event(s)` : "already stored"}`,
          );
          return o;
        },
        (data) => `document ${data.doc.id}`,
      ),
  );
  await queue.boss.work<FetchJob>(
    QUEUES.fetch,
    { ...work, localConcurrency: concurrency, burstWhenBatchFull: true },
    (jobs) =>
      settle(
        jobs,
        async (data) => {
          const o = await runFetchJob(data, { queue });
          log(
            `fetch ${data.url}: ${o.queued} document(s) queued${o.errors.length ? `, ${o.errors.length} item(s) unreadable` : ""}`,
          );
          for (const problem of o.errors) log(`  ${problem}`);
          return o;
        },
        (data) => `fetch ${data.url}`,
      ),
  );

  let stopping: Promise<void> | null = null;
  return {
    store,
    queue,
    stop: () => {
      stopping ??= (async () => {
        try {
          await queue.close();
        } finally {
          await extractor.close();
          await store.close();
        }
      })();
      return stopping;
    },
  };
}
