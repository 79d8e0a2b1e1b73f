import assert from "node:assert/strict";
import { test } from "node:test";
import { annotateDates, period } from "./date-annotator.ts";

const ref = "2024-02-08"; // a Thursday

test("a weekday resolves to the past week and is implied, not stated", () => {
  const [d] = annotateDates("a strike in Baghdad on Wednesday", ref);
  assert.equal(d.date, "2024-02-07");
  assert.equal(d.precision, "day");
  assert.equal(d.stated, false);
  assert.equal(d.text, "on Wednesday");
});

test("'last week' is the Monday-to-Sunday week before, with week precision", () => {
  const [d] = annotateDates("Last week, the group announced a halt", ref);
  assert.deepEqual([d.date, d.endDate, d.precision], ["2024-01-29", "2024-02-04", "week"]);
});

test("a full date is stated; a day without a year after the report date is last year's", () => {
  const [full] = annotateDates("on January 21, 1989", ref);
  assert.deepEqual([full.date, full.stated], ["1989-01-21", true]);
  const [may] = annotateDates("killing 30 on 5 May", ref);
  assert.equal(may.date, "2023-05-05");
});

test("without a reference date only fully stated dates are kept", () => {
  assert.deepEqual(annotateDates("on Wednesday", null), []);
  // "three weeks after" counts from something told; with no date told, it names no day
  assert.deepEqual(annotateDates("almost three weeks after the offensive began", null), []);
  assert.deepEqual(annotateDates("two days ago", null), []);
  // lower-case "march" and "may" are the common words
  assert.deepEqual(annotateDates("Police halted the march in Istanbul", "2024-05-14"), []);
  assert.equal(
    annotateDates("Police halted a rally in March", "2024-05-14")[0]?.date,
    "2024-03-01",
  );
  assert.equal(annotateDates("on 3 March 2021", null)[0].date, "2021-03-03");
});

test("finds nothing in a time of day alone", () => {
  assert.deepEqual(annotateDates("They may attack at 10 pm", ref), []);
});

test("period spans", () => {
  const d = new Date("2024-02-15T00:00:00Z");
  assert.deepEqual(period(d, "month"), ["2024-02-01", "2024-02-29"]);
  assert.deepEqual(period(d, "year"), ["2024-01-01", "2024-12-31"]);
});

test("'the funeral march of' is a procession, 'the March attack' a month", () => {
  assert.deepEqual(
    annotateDates("LEADERS HEADED THE FUNERAL MARCH OF THE 10 UNION MEMBERS.", "1989-11-03"),
    [],
  );
  assert.equal(
    annotateDates("THE MARCH TERRORIST ATTACK ON THE BAR KILLED A SOLDIER.", "1990-05-16")[0]?.date,
    "1990-03-01",
  );
});

test("a counted span 'later' or 'after' counts from the date told before it, not the report's", () => {
  const text =
    "On 27 February Forero was killed. Next day, we met Barco. Only 4 days later, Anteguera was killed.";
  const days = annotateDates(text, "1990-03-20").map((d) => [d.text, d.date, d.precision]);
  assert.deepEqual(days, [
    ["On 27 February", "1990-02-27", "day"],
    ["Next day", "1990-02-28", "day"],
    ["4 days later", "1990-03-04", "day"],
  ]);
  const [, ambush] = annotateDates(
    "Rebels struck on Monday. A few minutes after the ambush, a gunship fired.",
    ref,
  );
  assert.deepEqual([ambush.text, ambush.date], ["A few minutes after", "2024-02-05"]);
  const offensive = annotateDates(
    "On 2 November the guerrillas launched an offensive. After 8 days of fierce battle, they held the towns.",
    "1989-12-15",
  );
  assert.deepEqual(
    offensive.map((d) => d.date),
    ["1989-11-02", "1989-11-10"],
  );
  // nothing told before: no day at all, rather than one counted from the report
  assert.deepEqual(annotateDates("Two days after the attack, police came.", ref), []);
  // "the day before" and "two days ago" are the report's own
  assert.equal(annotateDates("bombs had gone off the day before", ref)[0].date, "2024-02-07");
  assert.equal(annotateDates("two days ago", ref)[0].date, "2024-02-06");
});

test("'4 days since the killing' dates the act after 'since', counted back from the report", () => {
  const [since] = annotateDates(
    "It has been 4 days since the shooting and no one is in custody.",
    ref,
  );
  assert.deepEqual(
    [since.text, since.date, since.precision],
    ["4 days since", "2024-02-04", "day"],
  );
  // it dates only what follows it
  assert.equal(since.reach?.from, since.end);
  const [passed] = annotateDates("Three days have passed since the ambush on the road.", ref);
  assert.equal(
    annotateDates("On 2 January the town was shelled. Five days had passed since the raid.", ref)[1]
      ?.date,
    "2023-12-28",
  );
  assert.deepEqual([passed.date, passed.precision], ["2024-02-05", "day"]);
  const [weeks] = annotateDates("In the two weeks since the raid, the camp has emptied.", ref);
  assert.deepEqual([weeks.date, weeks.precision], ["2024-01-22", "week"]);
  // told in the past perfect, it counts from the day told before, not from the report's
  const past = annotateDates(
    "On 2 January the town was shelled. It had been five days since the raid on the market.",
    ref,
  );
  assert.deepEqual(
    past.map((d) => d.date),
    ["2024-01-02", "2023-12-28"],
  );
  assert.deepEqual(annotateDates("It had been five days since the raid.", ref), []);
  // a span between two days names no act's day
  assert.deepEqual(
    annotateDates("It is 3 days since Monday.", ref).map((d) => d.text),
    ["Monday"],
  );
  assert.deepEqual(annotateDates("It has been 4 days since the shooting.", null), []);
});

test("'three days after the bombing of 10 January' counts from the day its object names", () => {
  const [after, anchor] = annotateDates(
    "The raid came three days after the bombing of 10 January, officials said.",
    ref,
  );
  assert.deepEqual([after.text, after.date], ["three days after", "2024-01-13"]);
  // the anchor's day dates the bombing alone: it reaches from the counted span to the comma
  assert.deepEqual([anchor.text, anchor.date], ["10 January", "2024-01-10"]);
  assert.deepEqual(anchor.reach, { from: after.end, to: anchor.end });
  const [before] = annotateDates("Two days before the 12 January vote, gunmen struck.", ref);
  assert.deepEqual([before.text, before.date], ["Two days before", "2024-01-10"]);
  // a day told in another clause is no anchor: the day told before still is
  const [, later] = annotateDates(
    "On 3 February rebels struck. A day after the attack, on Tuesday, police came.",
    ref,
  );
  assert.deepEqual([later.text, later.date], ["A day after", "2024-02-04"]);
});

test("'X came a day after Y': the day told is X's, and Y, told after the span, came before it", () => {
  const days = annotateDates(
    "Gunmen stormed the hotel on Tuesday. The assault comes just two days after militants freed three hostages.",
    ref,
  );
  assert.deepEqual(
    days.map((d) => [d.text, d.date]),
    [
      ["on Tuesday", "2024-02-06"],
      ["two days after", "2024-02-04"],
    ],
  );
  // it dates the act after it, not the subject before it
  assert.equal(days[1].reach?.from, days[1].end);
  // without a verb of sequence, the span counts forward from the day told
  const [, next] = annotateDates(
    "Gunmen stormed the hotel on Tuesday. Two days after the assault, troops retook it.",
    ref,
  );
  assert.equal(next.date, "2024-02-08");
});

test("counted back from the report: 'ago', 'the day before yesterday', 'last night', 'this morning'", () => {
  const on = (text: string) => annotateDates(text, ref).map((d) => [d.text, d.date, d.precision]);
  assert.deepEqual(on("Rebels attacked four days ago."), [["four days ago", "2024-02-04", "day"]]);
  assert.deepEqual(on("A bomb went off 48 hours ago."), [["48 hours ago", "2024-02-06", "day"]]);
  assert.deepEqual(on("They struck the day before yesterday."), [
    ["the day before yesterday", "2024-02-06", "day"],
  ]);
  assert.deepEqual(on("Shelling resumed late last night."), [["last night", "2024-02-07", "day"]]);
  assert.deepEqual(on("Police dispersed the crowd this morning."), [
    ["this morning", "2024-02-08", "day"],
  ]);
  assert.deepEqual(annotateDates("Police dispersed the crowd this morning.", null), []);
});
