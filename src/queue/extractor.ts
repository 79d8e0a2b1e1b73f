// Extraction for the worker: on the worker's own thread for one job at a time, or on a pool of
// worker threads when --concurrency asks for more, since extraction is CPU work that one
// JavaScript thread cannot run twice at once. Each thread loads the resources once.
import { Worker } from "node:worker_threads";
import { type ErrorCode, isSitrepError, SitrepError } from "../core/errors.ts";
import type { Document, ExtractionResult } from "../core/types.ts";
import {
  createPipeline,
  loadResources,
  type Pipeline,
  type PresetName,
  type Resources,
} from "../pipeline/pipeline.ts";

export interface Extractor {
  extract(doc: Document, preset: PresetName): Promise<ExtractionResult>;
  close(): Promise<void>;
}

/** One pipeline per preset over one set of resources, made when first asked for. */
export class Pipelines {
  readonly #resources: Resources;
  readonly #pipelines = new Map<PresetName, Pipeline>();

  constructor(resources: Resources = loadResources()) {
    this.#resources = resources;
  }

  get(preset: PresetName): Pipeline {
    let p = this.#pipelines.get(preset);
    if (!p) {
      p = createPipeline(this.#resources, { preset });
      this.#pipelines.set(preset, p);
    }
    return p;
  }
}

/** Extracts on the calling thread. */
export function inlineExtractor(): Extractor {
  const pipelines = new Pipelines();
  return {
    extract: async (doc, preset) => pipelines.get(preset).extract(doc),
    close: async () => {},
  };
}

/** What crosses the thread boundary for an error: a SitrepError's parts, else a message. */
export interface ThreadError {
  code: ErrorCode | null;
  input: string | null;
  message: string;
}

export type ThreadRequest = { id: number; doc: Document; preset: PresetName };
export type ThreadReply =
  | { id: number; result: ExtractionResult }
  | { id: number; error: ThreadError }
  | { ready: true };

export function toThreadError(e: unknown): ThreadError {
  if (isSitrepError(e)) {
    const reason =
      e.input && e.message.startsWith(`${e.input}: `)
        ? e.message.slice(e.input.length + 2)
        : e.message;
    return { code: e.code, input: e.input, message: reason };
  }
  return { code: null, input: null, message: e instanceof Error ? e.message : String(e) };
}

function fromThreadError(e: ThreadError): Error {
  return e.code ? new SitrepError(e.code, e.message, e.input) : new Error(e.message);
}

interface Task {
  id: number;
  doc: Document;
  preset: PresetName;
  resolve: (r: ExtractionResult) => void;
  reject: (e: Error) => void;
}

const THREAD_FILE = new URL("./extract-thread.ts", import.meta.url);

/**
 * `threads` worker threads, each extracting one document at a time; tasks wait for a free one.
 * A thread that dies fails its task and is replaced.
 */
export async function threadExtractor(threads: number): Promise<Extractor> {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  const waiting: Task[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = () => {
    while (idle.length && waiting.length) {
      const w = idle.pop() as Worker;
      const task = waiting.shift() as Task;
      busy.set(w, task);
      w.postMessage({ id: task.id, doc: task.doc, preset: task.preset } satisfies ThreadRequest);
    }
  };

  const start = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const w = new Worker(THREAD_FILE);
      w.on("message", (m: ThreadReply) => {
        if ("ready" in m) {
          resolve(w);
          return;
        }
        const task = busy.get(w);
        busy.delete(w);
        idle.push(w);
        if (task) {
          if ("result" in m) task.resolve(m.result);
          else task.reject(fromThreadError(m.error));
        }
        dispatch();
      });
      w.on("error", (e) => {
        reject(e);
        const task = busy.get(w);
        busy.delete(w);
        task?.reject(new Error(`extraction thread died: ${e.message}`));
        if (!closed) {
          start()
            .then((fresh) => {
              idle.push(fresh);
              dispatch();
            })
            .catch(() => {});
        }
      });
    });

  idle.push(...(await Promise.all(Array.from({ length: threads }, start))));
  return {
    extract: (doc, preset) =>
      new Promise<ExtractionResult>((resolve, reject) => {
        if (closed) {
          reject(new Error("the extraction threads are stopped"));
          return;
        }
        waiting.push({ id: nextId++, doc, preset, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closed = true;
      await Promise.all([...idle, ...busy.keys()].map((w) => w.terminate()));
    },
  };
}
