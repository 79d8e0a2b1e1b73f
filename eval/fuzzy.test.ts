import assert from "node:assert/strict";
import { test } from "node:test";
import {
  distanceKm,
  firstMeeting,
  firstStatedNumber,
  foldName,
  namesMeet,
  normalizeProse,
} from "./fuzzy.ts";

test("foldName: case, diacritics, apostrophes and punctuation", () => {
  assert.equal(foldName("Al-Qā’im"), "al qaim");
  assert.equal(foldName("Kata'ib  Hezbollah"), "kataib hezbollah");
  assert.equal(foldName("U.S."), "u s");
});

test("namesMeet: whole words inside each other, either way", () => {
  assert.ok(namesMeet("United States", "Military Forces of the United States"));
  assert.ok(namesMeet("Military Forces of the United States", "United States"));
  assert.ok(namesMeet("U.S.", "U.S. forces"));
  assert.ok(!namesMeet("US", "Russia"));
  // a leading article is no part of a name
  assert.ok(namesMeet("The Extraditables", "EXTRADITABLES GROUP"));
  assert.ok(!namesMeet("The Extraditables", "the group"));
  assert.ok(!namesMeet("", "Russia"));
});

test("firstMeeting splits associated actors on semicolons", () => {
  assert.equal(
    firstMeeting([null, "Civilians; Red Hand Militia"], ["Red Hand"]),
    "Red Hand Militia",
  );
  assert.equal(firstMeeting([null, undefined], ["Red Hand"]), null);
});

test("normalizeProse: whitespace and typographic quotes", () => {
  assert.equal(normalizeProse("  “Yes,”\n he  said’s "), '"Yes," he said\'s');
});

test("firstStatedNumber: digits, thousands separators, small number words", () => {
  assert.equal(firstStatedNumber("dozens (at least 24 when a number is required)"), 24);
  assert.equal(firstStatedNumber("more than 2,500"), 2500);
  assert.equal(firstStatedNumber("three dead"), 3);
  assert.equal(firstStatedNumber("dozens"), null);
});

test("distanceKm: one degree of latitude is about 111 km", () => {
  assert.equal(Math.round(distanceKm(0, 0, 1, 0)), 111);
  assert.equal(distanceKm(33.34, 44.4, 33.34, 44.4), 0);
});
