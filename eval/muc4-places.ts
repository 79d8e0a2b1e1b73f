// The MUC-4 places section of `npm run eval`: where sitrep puts the incidents of the MUC-4
// articles (../shared/data/news-dev/muc4-dev, FBIS wire copy from 1989-90, all capitals),
// against the answer keys' slot "3. INCIDENT: LOCATION".
//
// The gold location is a path from the country down: "COLOMBIA: SANTANDER (DEPARTMENT): LA
// ROCHELA (CITY)". It is geocoded with sitrep's own gazetteer, the most specific part first:
// a part is looked up under its folded name among the gazetteer's towns of the gold country
// (within the gold division when one is given, then anywhere in the country), a
// "(DEPARTMENT)" among its first-level divisions; the first part found gives the point and
// its level (town, division or country). Parts the gazetteer cannot hold (a neighbourhood, an
// airport, a canton, a university) and parts not found fall back to the part above them, as
// sitrep itself does. Alternatives ("A / B") take the first; "A - B" (a town and its
// jurisdiction) takes A.
//
// Scored per template of a relevant article whose location is filled and whose incident
// happened (stage of execution not THREATENED: a threat is not an event in sitrep):
//   - country: some event of the article is in the gold country;
//   - within 25 km: on templates geocoded to a town, the nearest event point of the article.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type Gazetteer,
  type GazetteerEntry,
  openGazetteer,
} from "../src/annotate/places/gazetteer.ts";
import { distanceKm } from "../src/core/geo.ts";
import { fold } from "../src/core/text.ts";
import type { SitrepEvent } from "../src/core/types.ts";
import { loadText } from "../src/load/text-loader.ts";
import { f3, section, table } from "./report.ts";
import type { SectionContext, SectionOutcome } from "./section.ts";
import { sharedPath, skipIfMissing } from "./shared-data.ts";

export const MUC4_DIR = "data/news-dev/muc4-dev";
export const MUC_WITHIN_KM = 25;

const LOCATION_SLOT = "3. INCIDENT: LOCATION";
const STAGE_SLOT = "5. INCIDENT: STAGE OF EXECUTION";

export interface MucTemplate {
  article: string;
  location: string;
  stage: string;
}

export interface MucArticle {
  id: string;
  raw: string;
  templates: MucTemplate[];
}

interface MucJson {
  message_id: string;
  relevant: boolean;
  templates_parsed?: Record<string, string[]>[];
}

/** The relevant articles, each with its scored templates. */
export function readMuc4(dir: string): MucArticle[] {
  const out: MucArticle[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const j = JSON.parse(readFileSync(join(dir, f), "utf8")) as MucJson;
    if (!j.relevant) continue;
    const templates: MucTemplate[] = [];
    for (const t of j.templates_parsed ?? []) {
      const location = (t[LOCATION_SLOT] ?? []).join(" ").trim();
      const stage = (t[STAGE_SLOT] ?? []).join(" ").trim();
      if (!location || location === "-" || location === "*") continue;
      if (/THREATENED/.test(stage)) continue;
      templates.push({ article: j.message_id, location, stage });
    }
    const raw = readFileSync(join(dir, f.replace(/\.json$/, ".txt")), "utf8");
    out.push({ id: j.message_id, raw, templates });
  }
  return out;
}

export interface GoldPart {
  name: string;
  type: string | null;
}

/** "COLOMBIA: SANTANDER (DEPARTMENT): LA ROCHELA (CITY)" → country and parts, country first. */
export function parseLocation(s: string): GoldPart[] {
  return s
    .split(":")
    .map((p) =>
      p
        .split("/")[0]
        .split(/\s+-\s+/)[0]
        .trim(),
    )
    .filter(Boolean)
    .map((p) => {
      const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(p);
      return m ? { name: m[1].trim(), type: m[2].trim().toUpperCase() } : { name: p, type: null };
    });
}

/** Kinds of part the gazetteer holds as towns; the others are looked up as divisions or skipped. */
const TOWN_TYPES = new Set(["CITY", "TOWN", "MUNICIPALITY", "VILLAGE", "PORT"]);
const DIVISION_TYPES = new Set(["DEPARTMENT", "PROVINCE", "STATE"]);

export interface GoldPoint {
  iso: string;
  lat: number;
  lon: number;
  level: "town" | "division" | "country";
  name: string;
}

function biggest(list: GazetteerEntry[]): GazetteerEntry | null {
  let best: GazetteerEntry | null = null;
  for (const e of list) if (!best || e.population > best.population) best = e;
  return best;
}

/** The gold location as a point (see the header). null when even the country is unknown. */
export function geocodeGold(location: string, gaz: Gazetteer): GoldPoint | null {
  const parts = parseLocation(location);
  if (!parts.length) return null;
  const country = gaz.lookup(fold(parts[0].name)).find((e) => e.kind === "country");
  if (!country) return null;
  const iso = country.iso;
  const division = parts
    .slice(1)
    .filter((p) => p.type && DIVISION_TYPES.has(p.type))
    .map((p) =>
      gaz
        .lookup(fold(p.name))
        .find((e) => e.kind === "admin1" && e.iso === iso && e.how !== "skeleton"),
    )
    .find((e) => e);
  for (let k = parts.length - 1; k >= 1; k--) {
    const p = parts[k];
    const entries = gaz.lookup(fold(p.name)).filter((e) => e.iso === iso && e.how !== "skeleton");
    if (p.type === null || TOWN_TYPES.has(p.type)) {
      const towns = entries.filter((e) => e.kind === "city");
      const inDivision = division ? towns.filter((e) => e.admin1Code === division.admin1Code) : [];
      const town = biggest(inDivision) ?? biggest(towns);
      if (town) return { iso, lat: town.lat, lon: town.lon, level: "town", name: town.name };
    }
    if (p.type && DIVISION_TYPES.has(p.type)) {
      const div = entries.find((e) => e.kind === "admin1");
      if (div) return { iso, lat: div.lat, lon: div.lon, level: "division", name: div.name };
    }
  }
  return { iso, lat: country.lat, lon: country.lon, level: "country", name: country.name };
}

export interface MucScore {
  article: string;
  location: string;
  gold: GoldPoint | null;
  events: number;
  country: boolean;
  nearestKm: number | null;
  nearest: string | null;
}

export function scoreTemplate(
  t: MucTemplate,
  gold: GoldPoint | null,
  events: SitrepEvent[],
): MucScore {
  let nearestKm: number | null = null;
  let nearest: string | null = null;
  if (gold) {
    for (const e of events) {
      if (e.latitude === null || e.longitude === null) continue;
      const d = distanceKm(gold.lat, gold.lon, e.latitude, e.longitude);
      if (nearestKm === null || d < nearestKm) {
        nearestKm = d;
        nearest = e.location;
      }
    }
  }
  return {
    article: t.article,
    location: t.location,
    gold,
    events: events.length,
    country: !!gold && events.some((e) => e.iso === gold.iso),
    nearestKm,
    nearest,
  };
}

export interface MucFigures {
  articles: number;
  templates: number;
  geocoded: Record<GoldPoint["level"] | "none", number>;
  noEvent: number;
  country: number;
  townTemplates: number;
  within: number;
}

export function mucFigures(articles: number, scores: MucScore[]): MucFigures {
  const geocoded = { town: 0, division: 0, country: 0, none: 0 };
  for (const s of scores) geocoded[s.gold?.level ?? "none"]++;
  const towns = scores.filter((s) => s.gold?.level === "town");
  const share = (xs: MucScore[], f: (s: MucScore) => boolean) =>
    xs.length ? xs.filter(f).length / xs.length : 0;
  return {
    articles,
    templates: scores.length,
    geocoded,
    noEvent: scores.filter((s) => s.events === 0).length,
    country: share(
      scores.filter((s) => s.gold),
      (s) => s.country,
    ),
    townTemplates: towns.length,
    within: share(towns, (s) => s.nearestKm !== null && s.nearestKm <= MUC_WITHIN_KM),
  };
}

export function mucTable(f: MucFigures): string {
  return table(
    ["figure", "value", "note"],
    [
      ["relevant articles", f.articles, ""],
      ["templates scored", f.templates, "location filled, not THREATENED"],
      [
        "gold geocoded to town / division / country / not at all",
        `${f.geocoded.town} / ${f.geocoded.division} / ${f.geocoded.country} / ${f.geocoded.none}`,
        "sitrep's gazetteer, most specific part first",
      ],
      ["templates whose article gives no event", f.noEvent, "a miss"],
      ["country: some event in the gold country", f3(f.country), "templates geocoded at all"],
      [
        `within ${MUC_WITHIN_KM} km: nearest event point`,
        f3(f.within),
        `${f.townTemplates} templates geocoded to a town`,
      ],
    ],
    { right: [1] },
  );
}

/** The MUC-4 places section of `npm run eval`: prints its table, hands back its figures. */
export function evalMuc4Places(ctx: SectionContext): SectionOutcome | null {
  ctx.print(section("MUC-4 incident locations (../shared/data/news-dev/muc4-dev, preset precise)"));
  const skip = skipIfMissing(MUC4_DIR);
  if (skip) {
    ctx.print(skip);
    return null;
  }
  const gaz = openGazetteer();
  try {
    const articles = readMuc4(sharedPath(MUC4_DIR));
    const scores = articles.flatMap((a) => {
      const item = loadText(a.raw, { id: a.id, origin: a.id });
      const loaded = "doc" in item ? { doc: item.doc } : { error: item.error.message };
      const result = ctx.extract(loaded, "precise");
      const events = "error" in result ? [] : result.events;
      return a.templates.map((t) => scoreTemplate(t, geocodeGold(t.location, gaz), events));
    });
    const f = mucFigures(articles.length, scores);
    ctx.print(mucTable(f));
    return {
      headlines: { muc4_place_country_accuracy: f.country, muc4_place_within_25km: f.within },
      record: { figures: f, templates: scores },
    };
  } finally {
    gaz.close();
  }
}
