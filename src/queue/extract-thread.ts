// One extraction thread of threadExtractor: loads the resources once, then extracts each
// document it is sent and posts the result (or the error) back.
import { parentPort } from "node:worker_threads";
import { Pipelines, type ThreadReply, type ThreadRequest, toThreadError } from "./extractor.ts";

const port = parentPort;
if (!port) throw new Error("extract-thread.ts runs as a worker thread of threadExtractor");
const pipelines = new Pipelines();
port.on("message", (m: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply = { id: m.id, result: pipelines.get(m.preset).extract(m.doc) };
  } catch (e) {
    reply = { id: m.id, error: toThreadError(e) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies ThreadReply);
