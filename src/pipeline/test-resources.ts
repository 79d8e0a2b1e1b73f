// Tests share one set of loaded resources: loading the gazetteer and lexicons once per test file.
import type { Document } from "../core/types.ts";
import {
  createPipeline,
  loadResources,
  type Pipeline,
  type PresetName,
  type Resources,
} from "./pipeline.ts";

let resources: Resources | null = null;

export function testResources(): Resources {
  resources ??= loadResources();
  return resources;
}

export function testPipeline(preset: PresetName = "broad"): Pipeline {
  return createPipeline(testResources(), { preset });
}

/** A document of clean text, as the loaders would make it. */
export function textDocument(
  text: string,
  published: string | null = "2024-02-08",
  id = "test",
): Document {
  return {
    id,
    url: null,
    outlet: null,
    title: null,
    published,
    origin: id,
    raw: text,
    text,
    dropped: [],
  };
}
