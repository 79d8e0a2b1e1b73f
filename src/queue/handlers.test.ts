import assert from "node:assert/strict";
import { test } from "node:test";
import { errors } from "../core/errors.ts";
import { isRetryable } from "./handlers.ts";

test("jobs are retried for trouble that may pass, not for bad input", () => {
  assert.equal(isRetryable(errors.db("postgres://h/db", "the server is shutting down")), true);
  assert.equal(isRetryable(new Error("extraction thread died")), true);
  const fetch = (why: string) => errors.fetch("https://x.example/a", why);
  assert.equal(isRetryable(fetch("cannot be fetched: the server answered HTTP 503")), true);
  assert.equal(isRetryable(fetch("cannot be fetched: the server answered HTTP 429")), true);
  assert.equal(isRetryable(fetch("cannot be fetched: connection refused")), true);
  assert.equal(isRetryable(fetch("cannot be fetched: the server answered HTTP 404")), false);
  assert.equal(isRetryable(fetch("is larger than the 10 MB limit for one page")), false);
  assert.equal(isRetryable(errors.notEnglish("a.txt", "0% English words")), false);
  assert.equal(isRetryable(errors.stage("mentions", "doc-1", "boom")), false);
});
