import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openStore } from "../store/store.ts";
import { baghdad, event, jordan, nairobi } from "../store/test-fixtures.ts";
import { civilianTargeting, interaction, toCsv } from "./csv.ts";
import { eventsOf } from "./export-event.ts";

// Written out here rather than imported, so the test checks the order against ACLED's, not
// against itself.
const ACLED_HEADER =
  "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";
const SITREP_EXTRAS = "injuries,civilian_fatalities,confidence,document_url";

const NOW = new Date("2024-02-09T12:00:00Z");
const NOW_SECONDS = 1707480000;

/** A small RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  assert.equal(field + row.length, "0", "the CSV does not end with CRLF");
  return rows;
}

function records(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => {
    assert.equal(r.length, header.length, "a row has the wrong number of fields");
    return Object.fromEntries(header.map((h, i) => [h, r[i]]));
  });
}

test("the header is ACLED's columns in ACLED's order, then sitrep's", () => {
  const csv = toCsv([], { now: NOW });
  assert.equal(csv, `${ACLED_HEADER},${SITREP_EXTRAS}\r\n`);
});

test("an event fills ACLED's columns, with derived ones computed", () => {
  const [row] = records(toCsv(eventsOf(baghdad.result), { now: NOW }));
  assert.deepEqual(row, {
    event_id_cnty: "IRQ1",
    event_date: "2024-02-07",
    year: "2024",
    time_precision: "1",
    disorder_type: "Political violence",
    event_type: "Explosions/Remote violence",
    sub_event_type: "Air/drone strike",
    actor1: "Military Forces of the United States",
    assoc_actor_1: "",
    inter1: "8",
    actor2: "Kataib Hezbollah",
    assoc_actor_2: "",
    inter2: "3",
    interaction: "38",
    civilian_targeting: "",
    iso: "IQ",
    region: "Middle East",
    country: "Iraq",
    admin1: "Baghdad",
    admin2: "",
    admin3: "",
    location: "Baghdad - Al-Mashtal",
    latitude: "33.3406",
    longitude: "44.4009",
    geo_precision: "2",
    source: "news.example; Iraqi Joint Operations Command",
    source_scale: "",
    notes: baghdad.result.events[0].notes,
    fatalities: "2",
    tags: "",
    timestamp: String(NOW_SECONDS),
    injuries: "",
    civilian_fatalities: "0",
    confidence: "0.9",
    document_url: "https://news.example/baghdad",
  });
});

test("commas, quotes and line breaks are quoted per RFC 4180 and read back intact", () => {
  const tricky = 'He said "at least 5, maybe 6" died.\nA second line,\r\nand a third.';
  const csv = toCsv(
    [event({ notes: tricky, location: "Al-Qa'im, Anbar", actor1: 'The "Group"' })],
    {
      now: NOW,
    },
  );
  const [row] = records(csv);
  assert.equal(row.notes, tricky);
  assert.equal(row.location, "Al-Qa'im, Anbar");
  assert.equal(row.actor1, 'The "Group"');
  assert.ok(
    csv.includes('"He said ""at least 5, maybe 6"" died.\nA second line,\r\nand a third."'),
  );
  // Plain fields are not quoted.
  assert.ok(csv.includes(",Air/drone strike,"));
});

test("unknown values are empty, not 0 or null", () => {
  const [row] = records(toCsv([event({ event_date: null, fatalities: null })], { now: NOW }));
  assert.equal(row.event_date, "");
  assert.equal(row.year, "");
  assert.equal(row.fatalities, "");
  assert.equal(row.region, "");
  assert.equal(row.interaction, "");
  assert.equal(row.event_id_cnty, "XXX1");
});

test("disorder type follows ACLED's codebook", () => {
  const cases: [Parameters<typeof event>[0], string][] = [
    [{ event_type: "Battles", sub_event_type: "Armed clash" }, "Political violence"],
    [{ event_type: "Violence against civilians", sub_event_type: "Attack" }, "Political violence"],
    [{ event_type: "Protests", sub_event_type: "Peaceful protest" }, "Demonstrations"],
    [{ event_type: "Protests", sub_event_type: "Protest with intervention" }, "Demonstrations"],
    [
      { event_type: "Protests", sub_event_type: "Excessive force against protesters" },
      "Political violence; Demonstrations",
    ],
    [{ event_type: "Riots", sub_event_type: "Violent demonstration" }, "Demonstrations"],
    [{ event_type: "Riots", sub_event_type: "Mob violence" }, "Political violence"],
    [{ event_type: "Strategic developments", sub_event_type: "Arrests" }, "Strategic developments"],
  ];
  const rows = records(
    toCsv(
      cases.map(([fields]) => event(fields)),
      { now: NOW },
    ),
  );
  assert.deepEqual(
    rows.map((r) => r.disorder_type),
    cases.map(([, expected]) => expected),
  );
});

test("interaction puts the lower inter code first; a lone actor gets a 0", () => {
  assert.equal(interaction(1, 8), "18");
  assert.equal(interaction(8, 1), "18");
  assert.equal(interaction(3, 3), "33");
  assert.equal(interaction(6, null), "60");
  assert.equal(interaction(null, 2), "20");
  assert.equal(interaction(null, null), "");
});

test("civilian targeting: violence against civilians, civilian deaths, or civilians as actor 2", () => {
  assert.equal(
    civilianTargeting(
      event({ event_type: "Violence against civilians", sub_event_type: "Attack" }),
    ),
    "Civilian targeting",
  );
  assert.equal(civilianTargeting(event({ civilian_fatalities: 4 })), "Civilian targeting");
  assert.equal(civilianTargeting(event({ inter2: 7 })), "Civilian targeting");
  assert.equal(civilianTargeting(event({ civilian_fatalities: 0, inter2: 3 })), "");
});

test("region and event ids come from the country; ids number events within each country", () => {
  const rows = records(
    toCsv(
      [
        ...eventsOf([baghdad.result, jordan.result, nairobi.result]),
        event({ iso: "MX", country: "Mexico" }),
        event({ iso: null, country: "Armenia" }),
        event({ iso: "IQ" }),
      ],
      { now: NOW },
    ),
  );
  assert.deepEqual(
    rows.map((r) => [r.event_id_cnty, r.region]),
    [
      ["IRQ1", "Middle East"],
      ["JOR1", "Middle East"],
      ["KEN1", "Eastern Africa"],
      ["KEN2", "Eastern Africa"],
      ["MEX1", "Central America"],
      ["ARM1", "Caucasus and Central Asia"],
      ["IRQ2", "Middle East"],
    ],
  );
});

const dir = mkdtempSync(join(tmpdir(), "sitrep-csv-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("stored events export with their store ids and document urls", async () => {
  const store = await openStore(join(dir, "export.db"));
  try {
    const { documentId } = await store.ingest(jordan.doc, jordan.result);
    const [row] = records(toCsv(await store.queryEvents(), { now: NOW }));
    assert.equal(row.event_id_cnty, `JOR-${documentId}-001`);
    assert.equal(row.document_url, "https://news.example/jordan");
    assert.equal(row.injuries, "34");
  } finally {
    await store.close();
  }
});
