import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkEnglish,
  ENGLISH_MIN_SHARE,
  englishFunctionWords,
  MIN_WORDS_FOR_SHARE,
} from "./english-check.ts";

// All texts here were written for these tests.
const english = {
  oneSentence: "Police arrested 12 protesters in Lagos on Monday.",
  headline: "Gunmen kill five in attack on Kaduna village",
  paragraph:
    "Gunmen on motorbikes attacked a police checkpoint outside the town on Tuesday night, killing four officers and wounding two others, a district official said. The attackers fled towards the forest before reinforcements arrived, and no group has claimed responsibility for the attack.",
  telegraphic:
    "UPDATE 2 - Army says 14 militants killed in overnight raids near Kunduz; two soldiers wounded; operation continues in three districts, spokesman says, adding that roads to the provincial capital remain closed to traffic",
  headlineBundle:
    "Five Nigerien soldiers killed in jihadist ambush: army sources\n\nFive Nigerien soldiers killed in jihadist ambush - army sources\n\nNiger army says ambush kills five troops near Malian border",
};

const foreign = {
  french:
    "Des hommes armés ont attaqué mardi soir un poste de contrôle de la police à la sortie de la ville, tuant quatre policiers et en blessant deux autres, a indiqué un responsable local. Les assaillants se sont enfuis vers la forêt avant l'arrivée des renforts.",
  spanish:
    "Hombres armados atacaron el martes por la noche un puesto de control de la policía a las afueras de la ciudad, matando a cuatro agentes e hiriendo a otros dos, según informó un funcionario local. Los atacantes huyeron hacia el bosque antes de que llegaran los refuerzos.",
  german:
    "Bewaffnete Männer haben am Dienstagabend einen Kontrollposten der Polizei am Stadtrand angegriffen und dabei vier Polizisten getötet und zwei weitere verletzt, wie ein örtlicher Beamter mitteilte. Die Angreifer flohen in den Wald, bevor Verstärkung eintraf.",
  arabic:
    "هاجم مسلحون نقطة تفتيش للشرطة على أطراف المدينة مساء الثلاثاء، ما أسفر عن مقتل أربعة من رجال الشرطة وإصابة اثنين آخرين، وفق ما أفاد مسؤول محلي.",
  russian:
    "Вооружённые люди во вторник вечером напали на полицейский блокпост на окраине города, убив четырёх полицейских и ранив ещё двоих, сообщил местный чиновник.",
  shortArabic: "انفجار في السوق",
};

describe("English check", () => {
  it("reads a function-word list of about a hundred words from data/", () => {
    const words = englishFunctionWords();
    assert.ok(words.size >= 100 && words.size <= 200, `${words.size} words`);
    // headline words count too: headlines drop the function words
    assert.ok(words.has("killed") && words.has("soldiers"));
    assert.ok(words.has("the") && words.has("of") && words.has("were"));
    // Words frequent in French, Spanish or German would let those languages pass.
    for (const w of ["a", "in", "on", "an", "was", "die", "de", "la"])
      assert.ok(!words.has(w), `"${w}" is in the list`);
  });

  for (const [name, text] of Object.entries(english)) {
    it(`accepts English: ${name}`, () => {
      const verdict = checkEnglish(text);
      assert.equal(verdict.english, true, JSON.stringify(verdict));
    });
  }

  for (const [name, text] of Object.entries(foreign)) {
    it(`rejects ${name}`, () => {
      const verdict = checkEnglish(text);
      assert.equal(verdict.english, false, `${name} passed as English`);
    });
  }

  it("says which script a non-Latin text is in", () => {
    const verdict = checkEnglish(foreign.arabic);
    assert.ok(!verdict.english && /Arabic/.test(verdict.detail), JSON.stringify(verdict));
    const russian = checkEnglish(foreign.russian);
    assert.ok(!russian.english && /Cyrillic/.test(russian.detail), JSON.stringify(russian));
  });

  it("names the language whose function words outvote English ones", () => {
    const verdict = checkEnglish(foreign.french);
    assert.ok(!verdict.english && /reads as French/.test(verdict.detail), JSON.stringify(verdict));
  });

  it("accepts telegraphic English with few function words", () => {
    const wire =
      "Gunmen abducted 23 villagers in Gusau, Zamfara State, on Saturday night, a local official said. Police said a search operation was under way. Residents said the attackers arrived on motorcycles.";
    assert.equal(checkEnglish(wire).english, true);
  });

  it("keeps English with a quoted name in another script", () => {
    const text = `${english.paragraph} The group, known locally as جماعة النصر, denied any role.`;
    assert.equal(checkEnglish(text).english, true);
  });

  it("leaves short texts to the script check: the share is too noisy below the minimum", () => {
    assert.ok(MIN_WORDS_FOR_SHARE >= 10 && ENGLISH_MIN_SHARE > 0);
    const shortFrench = "Quatre policiers tués à Kelmora";
    assert.equal(checkEnglish(shortFrench).english, true);
  });
});
