import assert from "node:assert/strict";
import { test } from "node:test";
import { annotateActors, loadActorDictionary } from "./actor-annotator.ts";
import { loadCountryLexicon } from "./countries.ts";

const dict = loadActorDictionary(loadCountryLexicon());
const found = (s: string) => annotateActors(s, dict).map((a) => [a.text, a.actor.name]);

test("dictionary actors meet through spelling variants", () => {
  assert.deepEqual(found("Kata'ib Hizballah fighters"), [
    ["Kata'ib Hizballah", "Kataib Hezbollah"],
  ]);
  assert.deepEqual(found("the Islamic Resistance in Iraq claimed it"), [
    ["Islamic Resistance in Iraq", "Islamic Resistance in Iraq"],
  ]);
  assert.deepEqual(found("US Central Command said"), [
    ["US Central Command", "Military Forces of the United States"],
  ]);
});

test("generic parties take the country of the adjective before them", () => {
  assert.deepEqual(found("three American soldiers"), [
    ["American soldiers", "Military Forces of the United States"],
  ]);
  assert.deepEqual(found("Unidentified gunmen shot two men"), [
    ["Unidentified gunmen", "Unidentified Armed Group ({country})"],
  ]);
  assert.deepEqual(found("Kenyan police dispersed them"), [
    ["Kenyan police", "Police Forces of Kenya"],
  ]);
});

test("pro-government forces are the state's of the event, not one country's", () => {
  assert.deepEqual(found("Pro-government forces attacked the village"), [
    ["government forces", "Military Forces of {country}"],
  ]);
  assert.deepEqual(found("regime troops shelled the town"), [
    ["regime troops", "Military Forces of Syria"],
  ]);
});

test("a dictionary actor's continuation is not a second party", () => {
  assert.deepEqual(found("two Iraqi police officers"), [["Iraqi police", "Police Forces of Iraq"]]);
});

test("countries act as parties, but not as places or adjectives", () => {
  assert.deepEqual(found("The US responded with airstrikes in Iraq and Syria"), [
    ["US", "United States"],
  ]);
  assert.deepEqual(found("according to two US officials"), []);
  assert.deepEqual(found("other Iraqi border areas"), []);
});

test("one person named by nationality is a civilian; a country in a place phrase is no party", () => {
  assert.deepEqual(found("a drone strike killed a Yemeni with his son"), [
    ["Yemeni", "Civilians (Yemen)"],
  ]);
  assert.deepEqual(found("an Iraqi was shot on Tuesday"), [["Iraqi", "Civilians (Iraq)"]]);
  // with a noun after it, the demonym is an adjective again
  assert.deepEqual(found("a Syrian soldier"), [["Syrian soldier", "Military Forces of Syria"]]);
  assert.deepEqual(found("shelling in southern Lebanon"), []);
  assert.deepEqual(found("Turkish border guards opened fire"), [
    ["Turkish border guards", "Military Forces of Turkey"],
  ]);
  assert.deepEqual(found("the gendarmerie arrested him"), [
    ["gendarmerie", "Police Forces of {country}"],
  ]);
});

test("acronyms that are English words match only as written", () => {
  assert.deepEqual(found("let us go, it is done"), []);
  assert.deepEqual(found("IS fighters attacked"), [["IS", "Islamic State"]]);
});

test("finds nothing in a football report", () => {
  assert.deepEqual(found("The striker scored twice and the coach praised his attack."), []);
});

test("a group that claims an attack names itself, in capitals too; nobody claiming names nobody", () => {
  assert.deepEqual(
    found(
      "THE CINCHONERO POPULAR LIBERATION MOVEMENT, WHICH ON 25 JANUARY CLAIMED RESPONSIBILITY FOR KILLING A GENERAL",
    ),
    [["CINCHONERO POPULAR LIBERATION MOVEMENT", "Cinchonero Popular Liberation Movement"]],
  );
  assert.deepEqual(found("THE ZARATE WILLKA FRONT HAS CLAIMED RESPONSIBILITY FOR THE BOMBING"), [
    ["ZARATE WILLKA FRONT", "Zarate Willka Front"],
  ]);
  assert.deepEqual(found("NO GUERRILLA GROUP HAS CLAIMED RESPONSIBILITY FOR THE ATTACK."), []);
  assert.deepEqual(found("No group has claimed responsibility for the attack."), []);
});

test("people named by nationality as the victims are that country's civilians", () => {
  assert.deepEqual(found("Israeli troops kill 3 Palestinians in Jenin"), [
    ["Israeli troops", "Military Forces of Israel"],
    ["Palestinians", "Civilians (Palestine)"],
  ]);
  assert.deepEqual(found("Palestinians killed by Israeli security forces"), [
    ["Palestinians", "Civilians (Palestine)"],
    ["Israeli security forces", "Military Forces of Israel"],
  ]);
  assert.deepEqual(found("Turkish border guards kill more Syrian citizens"), [
    ["Turkish border guards", "Military Forces of Turkey"],
    ["Syrian citizens", "Civilians (Syria)"],
  ]);
  // a crowd of a nationality acting is no victim
  assert.ok(!found("Afghans protest in Kabul").some(([, name]) => name.startsWith("Civilians")));
});

test("armed groups of other wars are named, acronyms only as written", () => {
  assert.deepEqual(found("CODECO militiamen attacked a displacement camp in Djugu"), [
    ["CODECO", "CODECO: Cooperative for the Development of Congo"],
  ]);
  assert.deepEqual(found("Arakan Army fighters seized a base in Rakhine"), [
    ["Arakan Army", "AA: Arakan Army"],
  ]);
  assert.deepEqual(found("ISIS-K claimed the bombing at the airport"), [
    ["ISIS-K", "Islamic State Khorasan Province"],
  ]);
  assert.deepEqual(found("Tatmadaw jets bombed a village held by the Kachin Independence Army"), [
    ["Tatmadaw", "Military Forces of Myanmar"],
    ["Kachin Independence Army", "KIA: Kachin Independence Army"],
  ]);
  assert.deepEqual(found("the FARDC retook the town from FARC dissidents"), [
    ["FARDC", "Military Forces of the Democratic Republic of Congo"],
    ["FARC dissidents", "FARC Dissidents"],
  ]);
  // a capitals-only acronym matches as written, not the name it spells
  assert.deepEqual(found("The OLA ambushed a convoy in Oromia"), [
    ["OLA", "OLA: Oromo Liberation Army"],
  ]);
  assert.deepEqual(found("Ola and her sister fled"), []);
  // "PDF" is left out of Myanmar's People's Defence Force: it is a file format
  assert.deepEqual(found("Download the full report as a PDF"), []);
  // "Sinai Province" is left out of the Islamic State's affiliate: it is a place
  assert.deepEqual(found("in Egypt's North Sinai province"), []);
});

test("a name with a possessive in it meets its alias ('People's', 'Workers'')", () => {
  assert.deepEqual(found("The New People's Army ambushed a patrol."), [
    ["New People's Army", "NPA: New People's Army"],
  ]);
  assert.deepEqual(found("The Kurdistan Workers' Party denied it."), [
    ["Kurdistan Workers' Party", "PKK: Kurdistan Workers Party"],
  ]);
});

test("a spaced dash ends a headline's clause: 'in Somalia - residents' is no Somali crowd", () => {
  assert.deepEqual(found("Drone strike kills at least two in Somalia - residents"), [
    ["residents", "Civilians ({country})"],
  ]);
});

test("a country of two words before a force is the whole name: 'DR Congo police'", () => {
  assert.deepEqual(found("Two DR Congo police killed in clash with cult members"), [
    ["DR Congo police", "Police Forces of the Democratic Republic of Congo"],
  ]);
  assert.deepEqual(found("DRC troops attacked a camp"), [
    ["DRC troops", "Military Forces of the Democratic Republic of Congo"],
  ]);
});

test("factions named by their backer are the Syrian National Army, not Turkey's forces", () => {
  assert.deepEqual(found("Turkey-loyal factions executed 9 people"), [
    ["Turkey-loyal factions", "Syrian National Army"],
  ]);
  assert.deepEqual(found("The pro-Turkey factions withdrew from the villages"), [
    ["pro-Turkey factions", "Syrian National Army"],
  ]);
});

test("the SDF's local councils and security forces are the SDF", () => {
  // a country already in a named party qualifies no other term ("fighters" is no Turkish group)
  assert.deepEqual(found("Turkish warplanes target fighters of Manbij Military Council"), [
    ["Turkish warplanes", "Military Forces of Turkey"],
    ["fighters", "Unidentified Armed Group ({country})"],
    ["Manbij Military Council", "Syrian Democratic Forces"],
  ]);
});

test("a military police is one party, not the military and the police", () => {
  assert.deepEqual(found("a man was beaten by the military police in Azaz"), [
    ["military police", "Military Forces of {country}"],
  ]);
  assert.deepEqual(found("two Egyptian military policemen were hurt"), [
    ["Egyptian military policemen", "Military Forces of Egypt"],
  ]);
  // riot and border police stay police
  assert.deepEqual(found("riot police charged the crowd"), [
    ["police", "Police Forces of {country}"],
  ]);
});
