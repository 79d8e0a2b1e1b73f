// The job queue `sitrep worker` processes take work from: PostgreSQL tables run by pg-boss, in
// their own schema beside the store's. Any number of workers on any number of machines share it;
// SKIP LOCKED hands each job to one of them, and a job whose worker dies (no heartbeat, or past
// its timeout) goes back to the queue for another.
//
// Two kinds of job: `fetch` (a URL to read; it queues a `document` job for each article found)
// and `document` (one article: extract its events and store them, in one job, so the result of
// an extraction never waits in the queue). Handlers are idempotent: the store adds a document
// once whatever the number of times its job runs.

import type { JobInsert } from "pg-boss";
import { PgBoss } from "pg-boss";
import { errors } from "../core/errors.ts";
import type { Document } from "../core/types.ts";
import type { PresetName } from "../pipeline/pipeline.ts";
import { POSTGRES_URL, parsePostgresUrl } from "../store/postgres-db.ts";

export const QUEUES = { fetch: "fetch", document: "document" } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface FetchJob {
  url: string;
  /** --published: the date relative expressions resolve against, or null for the page's own. */
  published: string | null;
  preset: PresetName;
}

export interface DocumentJob {
  doc: Document;
  preset: PresetName;
}

/**
 * A running job whose worker has sent no heartbeat for this long is given to another worker: how
 * soon the work of a killed worker (SIGKILL, a lost machine) resumes. pg-boss allows 10 s at the
 * least; 30 s leaves room for a long extraction that holds the event loop.
 */
export const HEARTBEAT_SECONDS = 30;

/**
 * A job still running after this long is given to another worker even if its worker is alive:
 * a page fetch times out in 20 s and an article extracts in well under one, so 10 minutes means
 * something is stuck. `sitrep ingest --queue --job-timeout` sets it per job.
 */
export const JOB_TIMEOUT_SECONDS = 600;

/** How often a worker looks for jobs whose worker died (a cheap indexed query, under a lock). */
export const RECOVER_EVERY_SECONDS = 10;

/**
 * Attempts after the first, and the delay before the first retry. A failure that is not the
 * input's fault (the database restarting, a server answering 503, a worker killed mid-job) is
 * retried with exponential backoff, 1-2 s, then 2-4 s ... up to 9-17 min for the 10th, so a job
 * outlives about half an hour of trouble; a bad input (a 404, non-English text) is not retried.
 */
export const RETRY_LIMIT = 10;
export const RETRY_DELAY_SECONDS = 1;

/**
 * Done jobs are kept this long, for `sitrep worker`'s operators to look at; the documents are in
 * the store, so there is no need to keep their text twice for pg-boss's default of a week.
 */
const KEEP_DONE_SECONDS = 24 * 3600;

/** Jobs per INSERT when queueing many documents at once. */
const INSERT_BATCH = 200;

export interface QueueOptions {
  /** Run the maintenance that hands dead workers' jobs to others (workers do; enqueuers need not). */
  supervise?: boolean;
  /** How often that maintenance runs (default RECOVER_EVERY_SECONDS). */
  recoverEverySeconds?: number;
  /** Most connections pg-boss opens in this process. */
  poolMax?: number;
}

export interface EnqueueOptions {
  /** Seconds a job may run before another worker gets it (default JOB_TIMEOUT_SECONDS). */
  jobTimeoutSeconds?: number;
}

/** The schema the queue lives in: the store's `?schema=` with `_queue` added, else sitrep_queue. */
export function queueSchemaFor(storeSchema: string | null): string {
  return storeSchema ? `${storeSchema}_queue` : "sitrep_queue";
}

export class JobQueue {
  readonly boss: PgBoss;
  /** The database URL with its password masked. */
  readonly target: string;
  readonly schema: string;

  constructor(boss: PgBoss, target: string, schema: string) {
    this.boss = boss;
    this.target = target;
    this.schema = schema;
  }

  /** Queues URLs to fetch; returns how many jobs were added. */
  async enqueueUrls(jobs: FetchJob[], options: EnqueueOptions = {}): Promise<number> {
    return this.#insert(QUEUES.fetch, jobs, options);
  }

  /** Queues documents to extract and store; returns how many jobs were added. */
  async enqueueDocuments(jobs: DocumentJob[], options: EnqueueOptions = {}): Promise<number> {
    return this.#insert(QUEUES.document, jobs, options);
  }

  /** Jobs not finished yet (waiting, waiting for a retry, or running), per queue. */
  async pending(): Promise<Record<QueueName, number>> {
    // pg-boss documents its job table for raw SQL (non-Node producers insert into it directly);
    // counting it is exact, where its statistics API serves figures up to a minute old.
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT name, COUNT(*)::int AS n FROM ${this.schema}.job
          WHERE name = ANY($1) AND state IN ('created', 'retry', 'active') GROUP BY name`,
      [Object.values(QUEUES)],
    );
    const out: Record<QueueName, number> = { fetch: 0, document: 0 };
    for (const r of rows as { name: QueueName; n: number }[]) out[r.name] = r.n;
    return out;
  }

  /** Jobs that failed for good, with the error each stopped on, newest first. */
  async failures(limit = 20): Promise<{ queue: string; data: unknown; error: unknown }[]> {
    const { rows } = await this.boss.getDb().executeSql(
      `SELECT name AS queue, data, output AS error FROM ${this.schema}.job
          WHERE name = ANY($1) AND state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
      [Object.values(QUEUES), limit],
    );
    return rows as { queue: string; data: unknown; error: unknown }[];
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, close: true, timeout: 10_000 });
  }

  async #insert(name: QueueName, data: object[], options: EnqueueOptions): Promise<number> {
    const timeout = options.jobTimeoutSeconds ?? JOB_TIMEOUT_SECONDS;
    if (!Number.isInteger(timeout) || timeout < 1) {
      throw errors.badOption(`--job-timeout must be a whole number of seconds, 1 or more`);
    }
    let added = 0;
    for (let i = 0; i < data.length; i += INSERT_BATCH) {
      const jobs: JobInsert[] = data.slice(i, i + INSERT_BATCH).map((d) => ({
        data: d,
        retryLimit: RETRY_LIMIT,
        retryDelay: RETRY_DELAY_SECONDS,
        retryBackoff: true,
        expireInSeconds: timeout,
        // A heartbeat longer than the timeout would never be the one that fires.
        heartbeatSeconds: Math.max(10, Math.min(HEARTBEAT_SECONDS, timeout)),
      }));
      try {
        added += (await this.boss.insert(name, jobs))?.length ?? jobs.length;
      } catch (e) {
        throw errors.db(this.target, `could not queue ${name} jobs: ${(e as Error).message}`);
      }
    }
    return added;
  }
}

/**
 * Connects to the queue in the PostgreSQL database `url` names, installing or upgrading its
 * tables if need be (pg-boss takes its own lock for that) and creating the two queues.
 */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<JobQueue> {
  if (!POSTGRES_URL.test(url)) {
    throw errors.badOption(
      `the job queue lives in PostgreSQL: give --db postgres://user:password@host/database (or set SITREP_DATABASE_URL), not ${url}`,
    );
  }
  const t = parsePostgresUrl(url);
  const schema = queueSchemaFor(t.schema);
  const recover = options.recoverEverySeconds ?? RECOVER_EVERY_SECONDS;
  const boss = new PgBoss({
    connectionString: t.connectionString,
    schema,
    application_name: "sitrep-queue",
    max: options.poolMax ?? 4,
    supervise: options.supervise ?? false,
    // Dead workers' jobs are found by pg-boss's monitor pass, which runs at the slower of these.
    superviseIntervalSeconds: recover,
    monitorIntervalSeconds: recover,
    // Schedules (cron) are not used; their timer need not run.
    schedule: false,
  });
  // Errors in pg-boss's background timers (a lost connection): they retry on their own; the
  // worker reports job failures itself. Without a listener the EventEmitter would throw them.
  boss.on("error", () => {});
  try {
    await boss.start();
    for (const name of Object.values(QUEUES)) {
      if (await boss.getQueue(name)) continue;
      await boss
        .createQueue(name, {
          retryLimit: RETRY_LIMIT,
          retryDelay: RETRY_DELAY_SECONDS,
          retryBackoff: true,
          expireInSeconds: JOB_TIMEOUT_SECONDS,
          heartbeatSeconds: HEARTBEAT_SECONDS,
          deleteAfterSeconds: KEEP_DONE_SECONDS,
        })
        .catch(async (e) => {
          // Another process created it between our check and our create.
          if (!(await boss.getQueue(name))) throw e;
        });
    }
  } catch (e) {
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    throw errors.db(t.redacted, `could not open the job queue: ${(e as Error).message}`);
  }
  return new JobQueue(boss, t.redacted, schema);
}
