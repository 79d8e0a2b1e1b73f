// The GLOCON scorer on labels and events written for these tests (nothing from ../shared).
import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyEvent } from "../src/core/empty-event.ts";
import {
  detectionCounts,
  fileDate,
  isContentiousArticle,
  isProtestArticle,
  sentenceRecall,
} from "./glocon.ts";
import { prf } from "./section.ts";

test("fileDate: the date the wire's file name carries", () => {
  assert.equal(fileDate("SAP140202S1234"), "2014-02-02");
  assert.equal(fileDate("SAP20090122999"), "2009-01-22");
  assert.equal(fileDate("SAP20120404S1234"), "2012-04-04");
  assert.equal(fileDate("SAPXIN_20151114161049000_1"), "2015-11-14");
  assert.equal(fileDate("SAPAI-0123456789-1"), null);
  assert.equal(fileDate("SAP20121340S1"), null, "no 40th day");
});

test("isProtestArticle: a Protests or Riots event, at a confidence", () => {
  const protest = emptyEvent({ event_type: "Protests", confidence: 0.5 });
  const riot = emptyEvent({ event_type: "Riots", confidence: 0.8 });
  const battle = emptyEvent({ event_type: "Battles", confidence: 0.9 });
  assert.ok(isProtestArticle([battle, protest]));
  assert.ok(!isProtestArticle([battle]));
  assert.ok(!isProtestArticle([protest], 0.6));
  assert.ok(isProtestArticle([protest, riot], 0.6));
});

test("isContentiousArticle: an event of any type, at a confidence", () => {
  const battle = emptyEvent({ event_type: "Battles", confidence: 0.9 });
  const agreement = emptyEvent({ event_type: "Strategic developments", confidence: 0.3 });
  assert.ok(isContentiousArticle([battle]));
  assert.ok(!isContentiousArticle([]));
  assert.ok(!isContentiousArticle([agreement], 0.45));
});

test("detectionCounts and prf: label 2 is left out", () => {
  const c = detectionCounts([
    { label: 1, predicted: true },
    { label: 1, predicted: true },
    { label: 1, predicted: false },
    { label: 0, predicted: true },
    { label: 0, predicted: false },
    { label: 2, predicted: true },
    { label: 2, predicted: false },
  ]);
  assert.deepEqual(c, { tp: 2, fp: 1, fn: 1 });
  const s = prf(c);
  assert.equal(s.precision, 2 / 3);
  assert.equal(s.recall, 2 / 3);
  assert.ok(Math.abs(s.f1 - 2 / 3) < 1e-12);
  assert.deepEqual(prf({ tp: 0, fp: 0, fn: 0 }), {
    tp: 0,
    fp: 0,
    fn: 0,
    precision: 0,
    recall: 0,
    f1: 0,
  });
});

test("sentenceRecall: label-1 sentences under an event's evidence", () => {
  const text = "Workers marched to the hall.  The mayor spoke.  Police fired tear gas at them.";
  const march = emptyEvent({
    event_type: "Protests",
    evidence: [{ text: "Workers marched to the hall.", start: 0, end: 28 }],
  });
  const gas = emptyEvent({
    event_type: "Strategic developments",
    evidence: [{ text: "Police fired tear gas at them.", start: 48, end: 78 }],
  });
  const r = sentenceRecall(
    text,
    [
      { text: "Workers marched to the hall.", label: 1 },
      { text: "The mayor spoke.", label: 0 },
      { text: "Police fired tear gas at them.", label: 1 },
      { text: "A sentence the loader dropped.", label: 1 },
    ],
    [march, gas],
  );
  assert.deepEqual(r, { positive: 3, located: 2, anyEvent: 2, protestEvent: 1 });
});
