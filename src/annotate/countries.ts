// Country names, official names, alternate spellings and demonyms → ISO 3166-1 alpha-2, from
// the world-countries package. Actors use it for "Iraqi police" and "US troops"; places use the
// gazetteer's own copy built from the same package.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { readTable } from "../core/data-files.ts";
import { fold } from "../core/text.ts";

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

export interface CountryLexicon {
  /** ISO code for a folded country name or demonym ("iraqi" → IQ). */
  byFolded(folded: string): string | undefined;
  /** Exact-case forms that fold to ordinary words ("US" but not "us"). */
  byExact(text: string): string | undefined;
  /** True when the folded form is a country's name rather than a demonym ("iraq", not "iraqi"). */
  isName(folded: string): boolean;
  /** The name ACLED writes ("United States", "Iraq"). */
  name(iso: string): string;
  /** The name as it reads after "of": "the United States", "Iraq". */
  nameAfterOf(iso: string): string;
}

let cached: CountryLexicon | null = null;

export function loadCountryLexicon(): CountryLexicon {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve("world-countries/countries.json");
  const countries = JSON.parse(readFileSync(file, "utf8")) as WorldCountry[];
  const folded = new Map<string, string>();
  const exact = new Map<string, string>();
  const names = new Map<string, string>();
  const nameKeys = new Set<string>();
  for (const c of countries) {
    names.set(c.cca2, c.name.common);
    const forms = [c.name.common, c.name.official, ...c.altSpellings];
    for (const f of forms) nameKeys.add(fold(f));
    if (c.demonyms?.eng) forms.push(c.demonyms.eng.m, c.demonyms.eng.f);
    for (const f of forms) {
      // ISO codes in altSpellings ("IN", "IQ") are ordinary words or noise in news text; the
      // few codes news uses as names ("US", "UK") come from country-forms.tsv, matched as written.
      if (/^[A-Z]{2,3}$/.test(f)) continue;
      if (!folded.has(fold(f))) folded.set(fold(f), c.cca2);
    }
  }
  for (const r of readTable("lexicon/country-forms.tsv")) {
    if (r.match === "exact") exact.set(r.form, r.iso);
    else folded.set(fold(r.form), r.iso);
    if (r.display) names.set(r.iso, r.display);
    if (!/an$|ian$|i$|ese$|ish$|ch$|s$/i.test(r.form) || r.form === "Emirates")
      nameKeys.add(fold(r.form));
  }
  const the = new Set(
    readTable("lexicon/country-forms.tsv")
      .filter((r) => r.the === "yes")
      .map((r) => r.iso),
  );
  cached = {
    byFolded: (f) => folded.get(f),
    byExact: (t) => exact.get(t),
    isName: (f) => nameKeys.has(f) || f === "us" || f === "u s" || f === "usa" || f === "uk",
    name: (iso) => names.get(iso) ?? iso,
    nameAfterOf: (iso) => `${the.has(iso) ? "the " : ""}${names.get(iso) ?? iso}`,
  };
  return cached;
}
