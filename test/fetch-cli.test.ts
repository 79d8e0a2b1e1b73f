// `sitrep fetch` and `sitrep watch` as a user runs them, against a real HTTP server on
// 127.0.0.1 that this test starts (src/fetch/test-server.ts): one process per call, a real
// SQLite database.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PROJECT_ROOT } from "../src/core/data-files.ts";
import { startTestServer, type TestServer } from "../src/fetch/test-server.ts";

const BIN = join(PROJECT_ROOT, "bin", "sitrep.js");
/** One CLI call may take this long before the test gives up on it. */
const CALL_TIMEOUT_MS = 30_000;

/** Runs sitrep without blocking this process, which serves the pages it fetches. */
function sitrep(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`sitrep ${args.join(" ")} took over ${CALL_TIMEOUT_MS / 1000} s\n${err}`));
    }, CALL_TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe("sitrep fetch and watch against a server on 127.0.0.1", () => {
  let srv: TestServer;
  let dir: string;
  before(async () => {
    srv = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), "sitrep-fetch-cli-"));
  });
  after(async () => {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("watch --once: a status line per feed, broken ones included, and the stories stored once", async () => {
    const feeds = join(dir, "feeds.txt");
    writeFileSync(
      feeds,
      [
        "# the Courier, twice: RSS and Atom list the same articles",
        `${srv.base}/feeds/courier.rss`,
        `${srv.base}/feeds/courier.atom`,
        `${srv.base}/feeds/broken.rss`,
        `${srv.base}/status/500`,
        "",
      ].join("\n"),
    );
    const db = join(dir, "watch.db");
    const r = await sitrep(["watch", "--feeds", feeds, "--db", db, "--once", "--delay", "0"], dir);
    assert.equal(r.code, 1, "some feeds failed");
    assert.doesNotMatch(r.err, /^\s+at /m, "no stack trace");
    const lines = r.out.split("\n");
    assert.match(lines[0], /^poll 1 at .*: 4 feed\(s\)$/);
    const line = (path: string) => lines.find((l) => l.includes(`${srv.base}${path}:`)) ?? "";
    assert.match(line("/feeds/broken.rss"), /failed: is not a readable RSS\/Atom feed/);
    assert.match(line("/status/500"), /failed: cannot be fetched: the server answered HTTP 500/);
    const rss = line("/feeds/courier.rss");
    const atom = line("/feeds/courier.atom");
    assert.match(rss, /200, 3 item\(s\)/);
    assert.match(atom, /200, 2 item\(s\)/);
    const read = (l: string) => Number(/(\d+) new/.exec(l)?.[1] ?? -1);
    assert.equal(read(rss) + read(atom), 3, "three articles, each read once across both feeds");
    assert.match(r.out, /poll 1 done: 3 new stor\(ies\), \d+ event\(s\)/);

    // sitrep fetch of a page the watcher read: known by its address, not read again.
    const fetched = await sitrep(
      [
        "fetch",
        "--db",
        db,
        "--delay",
        "0",
        `${srv.base}/world/market-shelling?utm_source=newsletter`,
      ],
      dir,
    );
    assert.equal(fetched.code, 0, fetched.err);
    assert.match(fetched.err, /already read \(story [0-9a-f]+\)/);
  });

  it("fetch: prints pages as extract does; each URL that fails gets its line, the rest go through", async () => {
    const ok = await sitrep(
      [
        "fetch",
        "--delay",
        "0",
        "--format",
        "jsonl",
        `${srv.base}/status/404`,
        `${srv.base}/wrong-charset`,
        `${srv.base}/loop-a`,
        `${srv.base}/world/border-clash`,
      ],
      dir,
    );
    assert.equal(ok.code, 1);
    assert.doesNotMatch(ok.err, /^\s+at /m, "no stack trace");
    assert.match(ok.err, /status\/404: cannot be fetched: the server answered HTTP 404/);
    assert.match(ok.err, /loop-a: cannot be fetched: redirect loop/);
    const docs = ok.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(docs.length, 2);
    // A Windows-1252 page under a header that says UTF-8: read right.
    assert.equal(docs[0].title, "Protest in Bogotá");
    assert.match(docs[0].text, /outside a café in central Bogotá on Friday/);
    assert.match(docs[0].text, /“We will not be silenced,”/);
    assert.match(docs[1].text, /^Two soldiers were killed/);
  });
});
