// The `sitrep` command line: a thin shell over the pipeline, the store and the exports.
import { writeFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { isSitrepError } from "../core/errors.ts";
import type { ExtractionResult } from "../core/types.ts";
import { eventsOf, toCsv, toGeoJson, toJsonl } from "../export/index.ts";
import { createPipeline, loadResources } from "../pipeline/pipeline.ts";
import type { EventFilter } from "../store/store.ts";
import { openStore, redactUrl } from "../store/store.ts";
import { addFetchCommand } from "./fetch-command.ts";
import { databaseTarget, parseChoice, parseIsoDate, parseLimit, parsePreset } from "./options.ts";
import { reportError, runExtraction } from "./run-extraction.ts";
import { eventsTable } from "./table.ts";
import { addWatchCommand } from "./watch-command.ts";
import { addWorkerCommand, enqueueInputs } from "./worker-command.ts";

const EXTRACT_FORMATS = ["json", "jsonl", "csv", "geojson"] as const;
const EXPORT_FORMATS = ["csv", "geojson", "jsonl"] as const;
const LIST_FORMATS = ["table", "json", "jsonl", "csv", "geojson"] as const;

/** Exit codes: 0 all went through, 1 some inputs failed, 2 the command itself could not run. */
const EXIT_INPUT_ERRORS = 1;
const EXIT_USAGE = 2;

function program(): Command {
  const cli = new Command("sitrep")
    .description("Turns news about armed conflict into an incident database.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  cli
    .command("extract")
    .description("Read articles and print the events, tallies and dropped boilerplate of each.")
    .argument(
      "<inputs...>",
      "files (.txt .md .html .htm .xml .rss .atom .jsonl), directories, URLs, or - for stdin",
    )
    .option("--published <YYYY-MM-DD>", "publication date that relative dates resolve against")
    .addOption(
      new Option("--format <format>", "output format").choices(EXTRACT_FORMATS).default("json"),
    )
    .addOption(
      new Option("--preset <name>", "precise leaves out low-confidence events; broad keeps all")
        .choices(["precise", "broad"])
        .default("precise"),
    )
    .option("--debug", "print each stage's decisions to stderr")
    .action(async (inputs: string[], o) => {
      const published = parseIsoDate(o.published, "--published");
      const format = parseChoice(o.format, "--format", EXTRACT_FORMATS, "json");
      const pipeline = createPipeline(loadResources(), {
        preset: parsePreset(o.preset),
        debug: !!o.debug,
      });
      const results: ExtractionResult[] = [];
      const summary = await runExtraction(
        inputs,
        pipeline,
        { published, label: "extract" },
        (_doc, r) => {
          if (format === "jsonl") process.stdout.write(`${JSON.stringify(r)}\n`);
          else results.push(r);
          return undefined;
        },
      );
      if (format === "json") {
        if (results.length === 1) process.stdout.write(`${JSON.stringify(results[0], null, 2)}\n`);
        else if (results.length > 1) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      } else if (format === "csv") process.stdout.write(toCsv(eventsOf(results)));
      else if (format === "geojson")
        process.stdout.write(`${JSON.stringify(toGeoJson(eventsOf(results)), null, 2)}\n`);
      if (summary.errors) process.exitCode = EXIT_INPUT_ERRORS;
    });

  cli
    .command("ingest")
    .description(
      "Read articles, extract their events and store them; a document already stored adds nothing.",
    )
    .argument("<inputs...>", "files, directories, URLs, or - for stdin")
    .option(
      "--db <file>",
      "SQLite file or postgres:// URL (default: $SITREP_DATABASE_URL or sitrep.db)",
    )
    .option("--published <YYYY-MM-DD>", "publication date that relative dates resolve against")
    .addOption(
      new Option("--preset <name>", "precise or broad")
        .choices(["precise", "broad"])
        .default("precise"),
    )
    .option("--queue", "queue the inputs for `sitrep worker` processes instead (PostgreSQL only)")
    .option("--job-timeout <seconds>", "with --queue: seconds a job may run before it is retried")
    .action(async (inputs: string[], o) => {
      const published = parseIsoDate(o.published, "--published");
      if (o.queue) {
        const queued = await enqueueInputs(inputs, {
          ...o,
          published,
          preset: parsePreset(o.preset),
        });
        if (queued.errors) process.exitCode = EXIT_INPUT_ERRORS;
        return;
      }
      const pipeline = createPipeline(loadResources(), { preset: parsePreset(o.preset) });
      const store = await openStore(databaseTarget(o.db));
      let added = 0;
      let skipped = 0;
      try {
        const summary = await runExtraction(
          inputs,
          pipeline,
          { published, label: "ingest" },
          async (doc, r) => {
            const outcome = await store.ingest(doc, r);
            if (outcome.added) added++;
            else skipped++;
            return outcome.events;
          },
        );
        process.stderr.write(
          `ingested ${added} new document(s), ${skipped} already stored, ${summary.events} event(s) added, ${summary.errors} error(s) → ${redactUrl(databaseTarget(o.db))}\n`,
        );
        if (summary.errors) process.exitCode = EXIT_INPUT_ERRORS;
      } finally {
        await store.close();
      }
    });

  const withFilters = (c: Command) =>
    c
      .option(
        "--db <file>",
        "SQLite file or postgres:// URL (default: $SITREP_DATABASE_URL or sitrep.db)",
      )
      .option("--from <YYYY-MM-DD>", "first event date")
      .option("--to <YYYY-MM-DD>", "last event date")
      .option("--country <code|name>", "ISO alpha-2 code or country name")
      .option("--type <type>", "event type or sub-event type")
      .option("--actor <text>", "part of an actor's name")
      .option("--text <text>", "part of the notes or the article")
      .option("--limit <n>", "at most this many events");

  withFilters(cli.command("events").description("List stored events."))
    .addOption(
      new Option("--format <format>", "output format").choices(LIST_FORMATS).default("table"),
    )
    .action(async (o) => {
      const events = await queryStored(o);
      const format = parseChoice(o.format, "--format", LIST_FORMATS, "table");
      if (format === "table")
        process.stdout.write(`${eventsTable(events)}\n${events.length} event(s)\n`);
      else process.stdout.write(render(format, events));
    });

  withFilters(
    cli
      .command("export")
      .description("Export stored events as ACLED-style CSV, GeoJSON or JSON Lines."),
  )
    .addOption(
      new Option("--format <format>", "output format")
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (o) => {
      const events = await queryStored(o);
      const out = render(parseChoice(o.format, "--format", EXPORT_FORMATS, "csv"), events);
      if (o.out) {
        writeFileSync(o.out, out);
        process.stderr.write(`exported ${events.length} event(s) → ${o.out}\n`);
      } else process.stdout.write(out);
    });

  cli
    .command("migrate")
    .description("Create or upgrade the database schema.")
    .option(
      "--db <file>",
      "SQLite file or postgres:// URL (default: $SITREP_DATABASE_URL or sitrep.db)",
    )
    .action(async (o) => {
      const store = await openStore(databaseTarget(o.db));
      await store.close();
      process.stderr.write(`database ${redactUrl(databaseTarget(o.db))} is up to date\n`);
    });
  addWorkerCommand(cli);
  addFetchCommand(cli);
  addWatchCommand(cli);
  return cli;
}

async function queryStored(o: Record<string, string | undefined>) {
  const filter: EventFilter = {
    from: parseIsoDate(o.from, "--from"),
    to: parseIsoDate(o.to, "--to"),
    country: o.country,
    type: o.type,
    actor: o.actor,
    text: o.text,
    limit: parseLimit(o.limit),
  };
  const store = await openStore(databaseTarget(o.db));
  try {
    return await store.queryEvents(filter);
  } finally {
    await store.close();
  }
}

function render(format: string, events: Parameters<typeof toCsv>[0]): string {
  if (format === "csv") return toCsv(events);
  if (format === "geojson") return `${JSON.stringify(toGeoJson(events), null, 2)}\n`;
  if (format === "jsonl") return toJsonl(events);
  return `${JSON.stringify(events, null, 2)}\n`;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end with code 0; commander has printed its message already.
      process.exitCode = e.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (isSitrepError(e)) {
      reportError(e);
      process.exitCode = EXIT_USAGE;
    } else {
      process.stderr.write(`sitrep: internal error: ${(e as Error).message}\n`);
      if (process.env.SITREP_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
      process.exitCode = EXIT_USAGE;
    }
  }
}

// A closed pipe ("sitrep extract ... | head") is not an error worth a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
});

await main(process.argv.slice(2));
