// `sitrep fetch URL...`: read single pages from the web, politely (src/fetch), and print their
// events as `extract` does, or, with --db, store each story once (src/dedup): a page already
// read, or another outlet's copy of a story read, is recorded and not read again.
import { type Command, Option } from "commander";
import { errors, type SitrepError } from "../core/errors.ts";
import type { ExtractionResult } from "../core/types.ts";
import { readOnce } from "../dedup/read-once.ts";
import { eventsOf, toCsv, toGeoJson } from "../export/index.ts";
import { HttpClient } from "../fetch/http-client.ts";
import { loadInputs } from "../load/load-inputs.ts";
import { createPipeline, loadResources } from "../pipeline/pipeline.ts";
import { openStore, redactUrl } from "../store/store.ts";
import { databaseTarget, delayMs, parseChoice, parseIsoDate, parsePreset } from "./options.ts";
import { reportError } from "./run-extraction.ts";

const FORMATS = ["json", "jsonl", "csv", "geojson"] as const;

export function addFetchCommand(cli: Command): void {
  cli
    .command("fetch")
    .description(
      "Fetch web pages (robots.txt obeyed, at most 2 connections and a delay per host) and print their events as `extract` does; with --db, store each story once.",
    )
    .argument("<urls...>", "http:// or https:// addresses of articles (or feeds)")
    .option(
      "--db <file>",
      "store in this database instead of printing (SQLite file or postgres:// URL)",
    )
    .option("--published <YYYY-MM-DD>", "publication date that relative dates resolve against")
    .addOption(
      new Option("--format <format>", "output format without --db")
        .choices(FORMATS)
        .default("json"),
    )
    .addOption(
      new Option("--preset <name>", "precise leaves out low-confidence events; broad keeps all")
        .choices(["precise", "broad"])
        .default("precise"),
    )
    .option("--debug", "print each stage's decisions to stderr")
    .option("--delay <seconds>", "between two requests to one host (default 1)")
    .action(async (urls: string[], o) => {
      for (const url of urls) {
        if (!/^https?:\/\//i.test(url)) {
          throw errors.badOption(
            `"${url}" is not an http:// or https:// URL; for files use \`sitrep extract\``,
          );
        }
      }
      const published = parseIsoDate(o.published, "--published");
      const format = parseChoice(o.format, "--format", FORMATS, "json");
      const pipeline = createPipeline(loadResources(), {
        preset: parsePreset(o.preset),
        debug: !!o.debug,
      });
      const http = new HttpClient({ perHostDelayMs: delayMs(o.delay) });
      const store = o.db ? await openStore(databaseTarget(o.db)) : null;
      const results: ExtractionResult[] = [];
      const counts = { read: 0, seen: 0, copies: 0, events: 0, errors: 0 };
      const fail = (e: SitrepError) => {
        counts.errors++;
        reportError(e);
      };
      try {
        for await (const item of loadInputs(urls, { published: published ?? null, http })) {
          if ("error" in item) {
            fail(item.error);
            continue;
          }
          const { doc, log } = item;
          try {
            if (!store) {
              const r = pipeline.extract(doc, log);
              if (format === "jsonl") process.stdout.write(`${JSON.stringify(r)}\n`);
              else results.push(r);
              continue;
            }
            const verdict = await readOnce(store, doc, (d) => pipeline.extract(d, log), log);
            const where = doc.url ?? doc.origin;
            if (verdict.kind === "new") {
              counts.read++;
              counts.events += verdict.ingest.events;
              process.stderr.write(
                `${where}: new story ${verdict.storyId}, ${verdict.ingest.events} event(s)\n`,
              );
            } else if (verdict.kind === "same-url") {
              counts.seen++;
              process.stderr.write(`${where}: already read (story ${verdict.storyId})\n`);
            } else {
              counts.copies++;
              process.stderr.write(
                `${where}: a copy of story ${verdict.storyId} (${Math.round(verdict.similarity * 100)}% shared): outlet recorded, not read again\n`,
              );
            }
          } catch (e) {
            fail(e as SitrepError);
          }
        }
      } finally {
        http.close();
        await store?.close();
      }
      if (store) {
        process.stderr.write(
          `fetched ${counts.read + counts.seen + counts.copies} document(s): ${counts.read} new stor(ies), ${counts.events} event(s) added, ${counts.seen} already read, ${counts.copies} copies of stories read, ${counts.errors} error(s) → ${redactUrl(databaseTarget(o.db))}\n`,
        );
      } else if (format === "json") {
        if (results.length === 1) process.stdout.write(`${JSON.stringify(results[0], null, 2)}\n`);
        else if (results.length > 1) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      } else if (format === "csv") process.stdout.write(toCsv(eventsOf(results)));
      else if (format === "geojson") {
        process.stdout.write(`${JSON.stringify(toGeoJson(eventsOf(results)), null, 2)}\n`);
      }
      if (counts.errors) process.exitCode = 1;
    });
}
