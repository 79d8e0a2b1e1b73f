// GeoJSON (RFC 7946) for maps: one Point per event, [longitude, latitude] as the RFC orders
// them. Events with no usable coordinates cannot be drawn; they are counted in `skipped` (a
// foreign member, which RFC 7946 allows) so a map never hides silently how much it leaves out.
import type { ExportEvent } from "./export-event.ts";

export interface EventProperties extends Omit<ExportEvent, "claims" | "evidence"> {
  claims_count: number;
  evidence_count: number;
}

export interface EventFeature {
  type: "Feature";
  id?: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: EventProperties;
}

export interface EventFeatureCollection {
  type: "FeatureCollection";
  features: EventFeature[];
  /** Events left out for want of coordinates. */
  skipped: number;
}

function drawable(lat: number | null, lon: number | null): [number, number] | null {
  if (typeof lat !== "number" || typeof lon !== "number") return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

export function toGeoJson(events: readonly ExportEvent[]): EventFeatureCollection {
  const features: EventFeature[] = [];
  let skipped = 0;
  for (const e of events) {
    const coordinates = drawable(e.latitude, e.longitude);
    if (!coordinates) {
      skipped++;
      continue;
    }
    const { claims, evidence, ...fields } = e;
    const feature: EventFeature = {
      type: "Feature",
      geometry: { type: "Point", coordinates },
      properties: {
        ...fields,
        claims_count: claims?.length ?? 0,
        evidence_count: evidence?.length ?? 0,
      },
    };
    if (e.id) feature.id = e.id;
    features.push(feature);
  }
  return { type: "FeatureCollection", features, skipped };
}
