import assert from "node:assert/strict";
import { test } from "node:test";
import { baghdad, nairobi } from "../store/test-fixtures.ts";
import { eventsOf } from "./export-event.ts";
import { toJsonl } from "./jsonl.ts";

test("one event per line, each line complete JSON, claims and evidence kept", () => {
  const events = eventsOf([baghdad.result, nairobi.result]);
  const out = toJsonl(events);
  assert.ok(out.endsWith("\n"));
  const lines = out.slice(0, -1).split("\n");
  assert.equal(lines.length, 3);
  assert.deepEqual(
    lines.map((l) => JSON.parse(l)),
    events,
  );
  assert.equal(JSON.parse(lines[0]).claims.length, 2);
});

test("notes with line breaks stay on their event's line", () => {
  const [e] = eventsOf(nairobi.result);
  const out = toJsonl([{ ...e, notes: "one\ntwo" }]);
  assert.equal(out.split("\n").length, 2);
});

test("no events, no lines", () => {
  assert.equal(toJsonl([]), "");
});
