// One event told several times in one article is one event; two events stay two.
import assert from "node:assert/strict";
import { test } from "node:test";
import { testPipeline, textDocument } from "../pipeline/test-resources.ts";

const extract = (text: string) => testPipeline("broad").extract(textDocument(text, "2024-05-14"));
/** The sub-event types read from a text, in order. */
const type = (text: string) => extract(text).events.map((e) => e.sub_event_type);

test("one attack told three times is one event, with every claim kept", () => {
  const { events } = extract(
    "A car bomb exploded at a market in Kirkuk on Monday, killing at least five people, police said.\n\n" +
      "The bombing also wounded 20 people.\n\n" +
      "Local hospital officials said the blast killed seven people.",
  );
  assert.equal(events.length, 1, events.map((e) => e.notes).join(" | "));
  const [e] = events;
  assert.equal(e.location, "Kirkuk");
  assert.equal(e.event_date, "2024-05-13");
  assert.equal(e.fatalities, 5, "the most conservative figure");
  assert.equal(e.injuries, 20);
  const deaths = e.claims
    .filter((c) => c.field === "fatalities")
    .map((c) => [c.value, c.qualifier, c.source]);
  assert.deepEqual(deaths, [
    [5, "at least", "police"],
    [7, "exact", "Local hospital officials"],
  ]);
  assert.equal(e.evidence.length, 3);
});

test("two attacks on one day in one city stay two", () => {
  const { events } = extract(
    "A car bomb exploded in Kirkuk on Monday, killing five people.\n\n" +
      "In a separate attack, gunmen shot dead two policemen in Kirkuk on Monday.",
  );
  assert.equal(events.length, 2, events.map((e) => e.sub_event_type).join(", "));
  assert.deepEqual(
    events.map((e) => e.fatalities),
    [5, 2],
  );
});

test("events in two countries are not merged", () => {
  const { events } = extract(
    "A drone strike hit a car in Idlib, Syria, on Sunday, killing two. A drone strike hit a car in Mosul, Iraq, on Sunday, killing three.",
  );
  assert.deepEqual(events.map((e) => e.iso).sort(), ["IQ", "SY"]);
});

test("a reference to an event not told here adds nothing", () => {
  const { events } = extract("The attack drew condemnation from the United Nations.");
  assert.deepEqual(events, []);
});

test("a demonstration's type comes from what the account tells of it", () => {
  // riot police are police, not rioters
  assert.deepEqual(type("Riot police chased protesters through central Tunis on Tuesday."), [
    "Protest with intervention",
  ]);
  assert.deepEqual(
    type("Riot police officers beat a protester during a march in Beirut on Saturday."),
    ["Excessive force against protesters"],
  );
  assert.deepEqual(
    type("Protesters fired firecrackers at police during a march in Beirut on Saturday."),
    ["Violent demonstration"],
  );
  assert.deepEqual(
    type("Protesters removed the barriers outside parliament during a rally in Beirut on Sunday."),
    ["Violent demonstration"],
  );
});

test("a demonstration's type reads the sentences beside its telling", () => {
  assert.deepEqual(
    type(
      "Hundreds of villagers protested against the new dam in Kisumu on Monday. They blocked the road to the site for hours.",
    ),
    ["Violent demonstration"],
  );
  assert.deepEqual(
    type("Police baton-charged a human chain formed by teachers in Rangpur on Sunday."),
    ["Protest with intervention"],
  );
});

test("violence breaking out at a demonstration, or roads blocked, makes it violent", () => {
  assert.deepEqual(
    type(
      "Police fired tear gas at marchers in Harare on Friday as the protest descended into the worst violence in years.",
    ),
    ["Violent demonstration"],
  );
  assert.deepEqual(
    type(
      "Crowds of protesters took to the streets of Hong Kong on Saturday, blocking major roads.",
    ),
    ["Violent demonstration"],
  );
});

test("stated wounded, like stated dead, raise an event's confidence", () => {
  const [bare] = extract("A bomb exploded near a bus in Quetta.").events;
  const [hurt] = extract("A bomb exploded near a bus in Quetta, wounding five people.").events;
  assert.ok(hurt.confidence > bare.confidence, `${hurt.confidence} <= ${bare.confidence}`);
});

test("a clash told as a demonstration's, and 'another 30' hurt in it, stay one event", () => {
  const { events } = extract(
    "Three people died during protests in La Paz on Tuesday after violent clashes erupted between demonstrators and police.\n\n" +
      "Officials said another 30 people had been injured in the skirmishes on Tuesday.",
  );
  assert.equal(events.length, 1, events.map((e) => e.sub_event_type).join(", "));
  assert.equal(events[0].sub_event_type, "Violent demonstration");
  assert.equal(events[0].fatalities, 3);
  assert.equal(events[0].injuries, 30);
});

test("crowds dispersed, a group attacking a rally, a fence thrown", () => {
  assert.deepEqual(
    type("Police halted the march in Istanbul on Saturday, dispersing the crowds."),
    ["Protest with intervention"],
  );
  assert.deepEqual(
    type("A group of nationalists attacked a peaceful rally in Lyon on Wednesday."),
    ["Mob violence"],
  );
  assert.deepEqual(
    type("A demonstrator threw a fence into a fire during a protest in Barcelona on Saturday."),
    ["Violent demonstration"],
  );
});

test("an event told only as what came before the news ranks below the news", () => {
  const { events } = extract(
    "Government forces recovered control of two villages near Idlib on Monday from rebel fighters who withdrew following intensive artillery bombardment.",
  );
  const top = [...events].sort((a, b) => b.confidence - a.confidence)[0];
  assert.equal(top.sub_event_type, "Government regains territory");
});

test("'the guerrillas' of a report that names one rebel group are that group", () => {
  const { events } = extract(
    "The FMLN called a general strike in San Salvador on Monday.\n\n" +
      "The guerrillas attacked a police post in San Miguel on Tuesday, killing two officers.",
  );
  const attack = events.find((e) => e.location === "San Miguel");
  assert.equal(attack?.actor1, "FMLN: Farabundo Marti National Liberation Front");
  // with two rebel groups named, "the rebels" stay unnamed
  const two = extract(
    "The Shining Path and the Tupac Amaru Revolutionary Movement called an armed strike in Lima on Monday.\n\n" +
      "The guerrillas attacked a police post in Huancayo on Tuesday, killing two officers.",
  ).events.find((e) => e.location === "Huancayo");
  assert.ok(two, "the Huancayo attack");
  assert.match(two.actor1 ?? "", /^Unidentified Armed Group/);
});

test("a count told in a sentence of its own joins the event told just before", () => {
  const { events } = extract(
    "A bomb was thrown at a shop in the central market of San Salvador on Friday. Police have no information on those responsible. One person has died in hospital.",
  );
  assert.equal(events.length, 1);
  assert.equal(events[0].sub_event_type, "Remote explosive/landmine/IED");
  assert.equal(events[0].fatalities, 1);
  // a running count is a tally, not this event's toll
  const tally = extract(
    "A bomb was thrown at a shop in the central market of San Salvador on Friday. So far this year 300 people have died in the city.",
  ).events;
  assert.equal(tally[0].fatalities, 0);
});

test("the lead is the first sentence that tells an act when title lines precede it", () => {
  const told = "Gunmen killed a farmer in Kaduna on Monday.";
  const alone = extract(told).events[0]?.confidence;
  assert.equal(extract(`Weekly Incident Report: May 2024\n\n${told}`).events[0]?.confidence, alone);
  // a sentence after an opening sentence of the same paragraph is not the lead
  const later = extract(`The state has been calm for weeks. ${told}`).events[0]?.confidence;
  assert.ok(later !== undefined && alone !== undefined && later < alone, `${later} < ${alone}`);
});

test("a day's toll split by side is kept apart, ranked low, and absorbs no act", () => {
  const { events } = extract(
    "48 people were killed yesterday, including 12 members of the army and 30 civilians\n\nHeavy clashes in Homs countryside on Monday",
  );
  const clash = events.find((e) => e.location === "Homs");
  assert.equal(clash?.fatalities, 0, "the day's toll is not the clash's");
  const summary = events.find((e) => e.fatalities === 48);
  assert.ok(summary && clash && summary.confidence < clash.confidence);
});

test("an execution told beside a battle is an act of its own", () => {
  assert.deepEqual(
    type(
      "Militants executed a shepherd in Idlib on Monday. Clashes with the army went on in Idlib on Monday.",
    ),
    ["Attack", "Armed clash"],
  );
});

test("a demonstration with no named party has ACLED's generic crowd", () => {
  const [p] = extract(
    "Thousands of people marched through Nairobi on Tuesday to protest the tax.",
  ).events;
  assert.equal(p?.actor1, "Protesters (Kenya)");
  assert.equal(p?.inter1, 6);
  // a leader's supporters who clash are a crowd too
  const [c] = extract(
    "Violent clashes erupted in La Paz on Tuesday between the former leader's supporters and police.",
  ).events;
  assert.ok([c?.actor1, c?.actor2].includes("Protesters (Bolivia)"), `${c?.actor1} / ${c?.actor2}`);
});

test("'the clandestine group' is the one armed group the report names", () => {
  const events = extract(
    "The Extraditables threatened judges in Bogota on Friday. The clandestine group, which set fire to a country club in Rionegro on Friday, sent a letter to a judge.",
  ).events;
  assert.equal(events.find((e) => e.location === "Rionegro")?.actor1, "The Extraditables");
});

test("civilians named by nationality do not place the event in their country", () => {
  const [e] = extract(
    "Gunmen murdered two American citizens on Sunday. Police in Bolivia said they had no suspects.",
  ).events;
  assert.equal(e.iso, "BO", e.notes);
  assert.equal(e.actor2, "Civilians (United States)");
  // with no other country named, theirs is the last resort
  assert.equal(extract("Gunmen murdered two American citizens on Sunday.").events[0]?.iso, "US");
});

test("a suicide bombing told later as 'the bombings' is one event; a bomb defused is another", () => {
  const [e, ...rest] = extract(
    "Two suicide attacks killed 31 people in Damascus on Monday.\n\n" +
      "The number of casualties of the Damascus bombings rose to 52.",
  ).events;
  assert.equal(rest.length, 0, rest.map((x) => x.notes).join(" | "));
  assert.equal(e.sub_event_type, "Suicide bomb");
  assert.equal(e.fatalities, 52, "the revised toll");
  assert.deepEqual(
    type(
      "A roadside bomb exploded in Kirkuk on Monday, killing two soldiers.\n\n" +
        "Police defused a second bomb in Kirkuk on Monday.",
    ),
    ["Remote explosive/landmine/IED", "Disrupted weapons use"],
  );
});

test("a clash with a state's forces by no one named has ACLED's unidentified armed group", () => {
  const [e] = extract("Six soldiers were killed in clashes near Gao on Monday.").events;
  assert.equal(e?.sub_event_type, "Armed clash");
  assert.equal(e?.actor2, "Military Forces of Mali");
  assert.equal(e?.actor1, "Unidentified Armed Group (Mali)");
});
