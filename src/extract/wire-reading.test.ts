// Reading errors found on wire reports (MUC-4 style), each checked on sentences written here.
import assert from "node:assert/strict";
import { test } from "node:test";
import { testPipeline, textDocument } from "../pipeline/test-resources.ts";

const extract = (text: string) => testPipeline("broad").extract(textDocument(text, "2024-05-14"));
const types = (text: string) => extract(text).events.map((e) => e.sub_event_type);

test("a strike that is called or runs for so many hours is a stoppage, not an air strike", () => {
  assert.deepEqual(
    types("The rebel command called a 48-hour armed strike in Tarma, and shops stayed shut."),
    ["Peaceful protest"],
  );
  assert.ok(
    !types("A 72-hour strike was called in the province on Monday.").includes("Air/drone strike"),
  );
});

test("work words make a bare strike a labour one in capitals too", () => {
  assert.deepEqual(
    types("THE STRIKE AT THE PORT CONTINUED TODAY AS DOCK WORKERS DEMANDED HIGHER WAGES."),
    ["Peaceful protest"],
  );
});

test("an opening 'when' clause's 'could not' neither negates nor conditions the act after it", () => {
  assert.deepEqual(
    types(
      "When the gunmen could not find the mayor, they set off a bomb at the town hall in Tarma on Monday.",
    ),
    ["Remote explosive/landmine/IED"],
  );
  assert.deepEqual(types("When the rebels come, they will set off bombs in Tarma."), []);
});

test("the subject of a clause is not the agent of an act named after 'following'", () => {
  const [e] = extract(
    "Soldiers were put on alert in Cusco following the murder of two councillors on Sunday.",
  ).events;
  assert.ok(e);
  assert.doesNotMatch(e.actor1 ?? "", /Military/);
});

test("acts named by a bare plural after 'the sites of' are no event", () => {
  assert.deepEqual(types("The police sent patrols to the sites of attacks in Lima on Monday."), []);
});

test("an act told with no place right after a sentence that set one happened there", () => {
  const events = extract(
    "A bomb exploded outside a bank in Lima on Monday, wounding a guard.\n\n" +
      "Last week in Cusco gunmen shot dead a judge. On Monday a car bomb exploded outside a school, wounding two people.",
  ).events.filter((e) => e.sub_event_type === "Remote explosive/landmine/IED");
  assert.deepEqual(
    events.map((e) => e.location),
    ["Lima", "Cusco"],
  );
});

test("a town left in darkness after an attack is where the attack was", () => {
  const [e] = extract(
    "Tarma was left in darkness on Monday after a rebel attack on the power station.",
  ).events;
  assert.equal(e?.location, "Tarma");
});

test("'demonstrated' as 'shown' is no demonstration", () => {
  assert.deepEqual(
    types("This can be demonstrated by the number of calls the embassy received."),
    [],
  );
  assert.ok(
    !types("The raid demonstrated that the army can reach the valley.").includes(
      "Peaceful protest",
    ),
  );
  assert.deepEqual(types("Students demonstrated outside the ministry in Lima on Monday."), [
    "Peaceful protest",
  ]);
  assert.deepEqual(types("Hundreds of farmers were demonstrating in Lima on Monday."), [
    "Peaceful protest",
  ]);
});
