// The command line as a user runs it: real files, a real SQLite database, one process per call.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../src/core/data-files.ts";
import { ACLED_COLUMNS } from "../src/export/index.ts";

const BIN = join(PROJECT_ROOT, "bin", "sitrep.js");
const DEMO = join(PROJECT_ROOT, "fixtures", "demo", "reports.jsonl");
const dir = mkdtempSync(join(tmpdir(), "sitrep-cli-"));

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: "utf8", cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const ARTICLE = [
  "Drone strike hits convoy near Mosul",
  "",
  "A drone strike hit a convoy near Mosul on Tuesday, killing four militants, Iraqi officials said.",
  "",
  "Read more: Floods hit the south",
].join("\n");

function noStackTrace(err: string) {
  assert.doesNotMatch(err, /^\s+at /m, `stack trace leaked:\n${err}`);
}

test("extract prints one JSON object with the contract's fields for one document", () => {
  const r = sitrep(["extract", "--published", "2024-03-07", file("mosul.txt", ARTICLE)]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.deepEqual(Object.keys(doc), [
    "id",
    "url",
    "title",
    "published",
    "text",
    "events",
    "tallies",
    "dropped",
  ]);
  assert.equal(doc.published, "2024-03-07");
  assert.equal(doc.title, "Drone strike hits convoy near Mosul");
  assert.deepEqual(doc.dropped, ["Read more: Floods hit the south"]);
  const [e] = doc.events;
  assert.equal(e.sub_event_type, "Air/drone strike");
  assert.equal(e.event_date, "2024-03-05");
  assert.equal(e.iso, "IQ");
  assert.equal(e.fatalities, 4);
  for (const ev of e.evidence) assert.equal(doc.text.slice(ev.start, ev.end), ev.text);
  for (const key of [
    "claims",
    "evidence",
    "confidence",
    "injuries",
    "civilian_fatalities",
    "geo_precision",
    "time_precision",
    "notes",
    "source",
  ]) {
    assert.ok(key in e, `event lacks ${key}`);
  }
});

test("extract --format jsonl prints one line per document; csv follows ACLED's column order", () => {
  const jsonl = sitrep(["extract", "--format", "jsonl", DEMO]);
  const lines = jsonl.out.trim().split("\n");
  assert.equal(lines.length, 6, jsonl.err);
  for (const l of lines) assert.ok(JSON.parse(l).id.startsWith("demo-"));
  const csv = sitrep(["extract", "--format", "csv", DEMO]);
  assert.deepEqual(csv.out.split("\n")[0].split(",").slice(0, ACLED_COLUMNS.length), [
    ...ACLED_COLUMNS,
  ]);
  const geo = JSON.parse(sitrep(["extract", "--format", "geojson", DEMO]).out);
  assert.equal(geo.type, "FeatureCollection");
  assert.ok(geo.features.length >= 4);
});

test("extract reads stdin", () => {
  const r = sitrep(
    ["extract", "--published", "2024-03-07", "-"],
    "Gunmen abducted 12 villagers in Zamfara State on Sunday, police said.",
  );
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).events[0].sub_event_type, "Abduction/forced disappearance");
});

test("bad input: one line naming the input and the problem, a non-zero exit, no stack trace", () => {
  const cases: [string[], RegExp, number][] = [
    [["extract", join(dir, "missing.txt")], /missing\.txt: no such file or directory/, 1],
    [
      ["extract", "--published", "2024-02-30", file("a.txt", ARTICLE)],
      /--published "2024-02-30" is not a valid date/,
      2,
    ],
    [["extract", file("empty.txt", "")], /empty\.txt: .*empty/, 1],
    [
      ["extract", file("blob.txt", Buffer.from([0, 1, 2, 3, 255, 0, 7, 8, 0, 0]))],
      /blob\.txt: .*binary/,
      1,
    ],
    [
      [
        "extract",
        file(
          "fr.txt",
          "Les manifestants se sont rassemblés devant le parlement mardi pour protester contre la nouvelle loi sur les retraites, selon la police qui a compté plusieurs milliers de personnes dans les rues de la capitale.",
        ),
      ],
      /fr\.txt: .*English/,
      1,
    ],
    [["extract", "--format", "xml", file("b.txt", ARTICLE)], /xml/, 2],
    [["extract", "--nope", file("c.txt", ARTICLE)], /unknown option/, 2],
  ];
  for (const [args, message, code] of cases) {
    const r = sitrep(args);
    assert.equal(r.code, code, `${args.join(" ")}: exit ${r.code}\n${r.err}`);
    assert.match(r.err, message);
    noStackTrace(r.err);
  }
});

test("a malformed JSONL line is reported by number while the other lines go through", () => {
  const path = file(
    "mixed.jsonl",
    [
      JSON.stringify({
        id: "one",
        text: "Police arrested 12 protesters in Lagos on Monday.",
        published: "2024-03-05",
      }),
      "{not json",
      JSON.stringify({
        id: "three",
        text: "A car bomb killed five people in Kirkuk on Monday.",
        published: "2024-03-05",
      }),
    ].join("\n"),
  );
  const r = sitrep(["extract", "--format", "jsonl", path]);
  assert.equal(r.code, 1);
  assert.match(r.err, /mixed\.jsonl:2: /);
  assert.deepEqual(
    r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).id),
    ["one", "three"],
  );
});

test("ingest stores once; events and export read the store", () => {
  const db = join(dir, "store.db");
  const first = sitrep(["ingest", "--db", db, DEMO]);
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /ingested 6 new document\(s\), 0 already stored/);
  const again = sitrep(["ingest", "--db", db, DEMO]);
  assert.match(again.err, /ingested 0 new document\(s\), 6 already stored, 0 event\(s\) added/);
  const listed = JSON.parse(sitrep(["events", "--db", db, "--format", "json"]).out);
  assert.ok(listed.length >= 4);
  const sudan = JSON.parse(
    sitrep(["events", "--db", db, "--country", "SD", "--format", "json"]).out,
  );
  assert.ok(sudan.length >= 1 && sudan.every((e: { iso: string }) => e.iso === "SD"));
  const table = sitrep(["events", "--db", db, "--type", "Armed clash"]);
  assert.match(table.out, /Rapid Support Forces/);
  const out = join(dir, "export.geojson");
  const exp = sitrep(["export", "--db", db, "--format", "geojson", "--out", out]);
  assert.equal(exp.code, 0, exp.err);
  const csv = sitrep(["export", "--db", db, "--format", "csv"]);
  assert.equal(csv.out.trim().split("\n").length, listed.length + 1);
});

test("--help describes every command", () => {
  const r = sitrep(["--help"]);
  assert.equal(r.code, 0);
  for (const c of ["extract", "ingest", "events", "export", "migrate"])
    assert.match(r.out, new RegExp(`\\b${c}\\b`));
  assert.match(sitrep(["extract", "--help"]).out, /--published/);
});
