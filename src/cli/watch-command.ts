// `sitrep watch --feeds FILE`: follow a list of feeds (RSS, Atom, JSON Feed), reading each new
// item's page once per story into the database, with a status line per feed per poll. With
// --once it polls each due feed once and exits (for cron); otherwise every --interval minutes
// until SIGINT or SIGTERM.
import { readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { errors } from "../core/errors.ts";
import {
  DEFAULT_INTERVAL_MS,
  type FeedStatus,
  parseFeedList,
  pollFeeds,
} from "../fetch/feed-poller.ts";
import { HttpClient } from "../fetch/http-client.ts";
import { createPipeline, loadResources } from "../pipeline/pipeline.ts";
import { openStore, redactUrl } from "../store/store.ts";
import { databaseTarget, delayMs, parseIsoDate, parsePreset } from "./options.ts";
import { reportError } from "./run-extraction.ts";

function positiveNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw errors.badOption(`${option} "${value}" is not a positive number`);
  return n;
}

export function addWatchCommand(cli: Command): void {
  cli
    .command("watch")
    .description(
      "Follow feeds: poll each (conditional GET; failing feeds back off), read each new item's page once per story, store its events; a status line per feed per poll.",
    )
    .requiredOption("--feeds <file>", "feed URLs, one a line (# comments)")
    .option(
      "--db <file>",
      "SQLite file or postgres:// URL (default: $SITREP_DATABASE_URL or sitrep.db)",
    )
    .option("--once", "poll each due feed once, then exit")
    .option(
      "--interval <minutes>",
      `minutes between polls (default ${DEFAULT_INTERVAL_MS / 60_000})`,
    )
    .option("--max-items <n>", "items read per feed per poll (default 100)")
    .option("--force", "poll feeds that are backing off after failures too")
    .option("--delay <seconds>", "between two requests to one host (default 1)")
    .option("--published <YYYY-MM-DD>", "publication date that relative dates resolve against")
    .addOption(
      new Option("--preset <name>", "precise or broad")
        .choices(["precise", "broad"])
        .default("precise"),
    )
    .action(async (o) => {
      let text: string;
      try {
        text = readFileSync(o.feeds, "utf8");
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw code === "ENOENT"
          ? errors.notFound(o.feeds)
          : errors.unreadable(o.feeds, code ?? (e as Error).message);
      }
      const feeds = parseFeedList(text, o.feeds);
      if (feeds.length === 0) throw errors.badOption(`${o.feeds} lists no feeds`);
      const intervalMs =
        (positiveNumber(o.interval, "--interval") ?? DEFAULT_INTERVAL_MS / 60_000) * 60_000;
      const maxItems = positiveNumber(o.maxItems, "--max-items");
      const pipeline = createPipeline(loadResources(), { preset: parsePreset(o.preset) });
      const store = await openStore(databaseTarget(o.db));
      const http = new HttpClient({ perHostDelayMs: delayMs(o.delay) });
      let stopping = false;
      let wake: (() => void) | null = null;
      const stop = () => {
        stopping = true;
        (wake as (() => void) | null)?.();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      let anyFailed = false;
      try {
        for (let round = 1; !stopping; round++) {
          const started = new Date();
          process.stdout.write(
            `poll ${round} at ${started.toISOString()}: ${feeds.length} feed(s)\n`,
          );
          const statuses = await pollFeeds(
            feeds,
            {
              http,
              store,
              extract: (doc, log) => pipeline.extract(doc, log),
              published: parseIsoDate(o.published, "--published") ?? null,
              intervalMs,
              maxItems,
              force: !!o.force,
              onItemError: reportError,
            },
            (s: FeedStatus) => process.stdout.write(`  ${s.line}\n`),
          );
          anyFailed = statuses.some((s) => s.outcome === "failed");
          const read = statuses.reduce((n, s) => n + s.read, 0);
          const events = statuses.reduce((n, s) => n + s.events, 0);
          process.stdout.write(
            `poll ${round} done: ${read} new stor(ies), ${events} event(s) → ${redactUrl(databaseTarget(o.db))}\n`,
          );
          if (o.once) break;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, intervalMs);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        http.close();
        await store.close();
      }
      if (anyFailed) process.exitCode = 1;
    });
}
