import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { HttpClient } from "./http-client.ts";
import { parseRobots, robotsAllow } from "./robots.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

/** Limits small enough that every broken server is caught in well under a second. */
const quick = (over: ConstructorParameters<typeof HttpClient>[0] = {}) =>
  new HttpClient({
    timeoutMs: 1500,
    idleTimeoutMs: 300,
    maxBytes: 1024 * 1024,
    perHostDelayMs: 0,
    ...over,
  });

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  assert.fail("expected the fetch to fail");
}

describe("HttpClient against a real server on 127.0.0.1", () => {
  let srv: TestServer;
  let http: HttpClient;
  before(async () => {
    srv = await startTestServer();
    http = quick();
  });
  after(async () => {
    http.close();
    await srv.close();
  });

  it("fetches a page, names itself, and asks for compressed bodies", async () => {
    const r = await http.get(`${srv.base}/world/border-clash`);
    assert.equal(r.status, 200);
    assert.match(new TextDecoder().decode(r.body), /Two soldiers were killed/);
    const req = srv.requests.find((q) => q.path === "/world/border-clash");
    assert.match(String(req?.headers["user-agent"]), /^sitrep\//);
    assert.match(String(req?.headers["accept-encoding"]), /gzip.*br/);
  });

  it("decompresses gzip and brotli bodies", async () => {
    for (const path of ["/gzip-page", "/brotli-page"]) {
      const r = await http.get(`${srv.base}${path}`);
      assert.match(new TextDecoder().decode(r.body), /Shelling hits market/, path);
    }
  });

  it("404 and 500 are FETCH_FAILED errors naming the URL and the status", async () => {
    for (const [path, status] of [
      ["/status/404", 404],
      ["/status/500", 500],
    ] as const) {
      const e = await failure(http.get(`${srv.base}${path}`));
      assert.equal(e.code, "FETCH_FAILED");
      assert.ok(e.message.startsWith(`${srv.base}${path}: `));
      assert.match(e.message, new RegExp(`HTTP ${status}`));
    }
  });

  it("a server that stalls, or never answers, is given up on", async () => {
    const stall = await failure(http.get(`${srv.base}/stall`));
    assert.match(stall.message, /sent nothing for 0\.3 s/);
    const silent = await failure(http.get(`${srv.base}/silent`));
    assert.match(silent.message, /sent nothing for 0\.3 s/);
  });

  it("a body that never ends stops at the size limit, or at the time limit when it trickles", async () => {
    const endless = await failure(http.get(`${srv.base}/endless`));
    assert.match(endless.message, /larger than the 1 MB limit/);
    const drip = await failure(
      quick({ timeoutMs: 400, idleTimeoutMs: 300 }).get(`${srv.base}/drip`),
    );
    assert.match(drip.message, /no complete answer within 0\.4 s/);
  });

  it("gzip and brotli bombs stop at the limit on the decompressed size", async () => {
    // Generous timeouts: on a loaded two-core machine a bomb's chunks can come 0.3 s apart, and
    // this test is about the size limit, not the silence one.
    const patient = quick({ timeoutMs: 15_000, idleTimeoutMs: 5_000 });
    for (const [path, enc] of [
      ["/gzip-bomb", "gzip"],
      ["/brotli-bomb", "br"],
    ]) {
      const e = await failure(patient.get(`${srv.base}${path}`));
      assert.match(e.message, new RegExp(`1 MB limit for one page once decompressed \\(${enc}\\)`));
    }
    const corrupt = await failure(http.get(`${srv.base}/bad-gzip`));
    assert.match(corrupt.message, /gzip body is corrupt/);
  });

  it("follows redirects, a bounded number, and names a loop", async () => {
    const moved = await http.get(`${srv.base}/moved`);
    assert.equal(moved.finalUrl, `${srv.base}/world/market-shelling`);
    assert.deepEqual(moved.redirects, [`${srv.base}/world/market-shelling`]);
    const loop = await failure(http.get(`${srv.base}/loop-a`));
    assert.match(loop.message, /redirect loop \(.*\/loop-a → .*\/loop-b → .*\/loop-a\)/);
    const chain = await failure(http.get(`${srv.base}/chain/9`));
    assert.match(chain.message, /more than 5 redirects/);
    assert.equal((await http.get(`${srv.base}/chain/3`)).status, 200);
  });

  it("obeys robots.txt", async () => {
    const e = await failure(http.get(`${srv.base}/private/secret`));
    assert.equal(e.code, "FETCH_DISALLOWED");
    assert.match(e.message, /disallowed for sitrep by .*robots\.txt \("Disallow: \/private\/"\)/);
    assert.equal(srv.requests.filter((r) => r.path === "/private/secret").length, 0);
  });

  it("makes a conditional GET and gets a 304", async () => {
    const first = await http.get(`${srv.base}/feeds/courier.rss`);
    assert.ok(first.etag && first.lastModified);
    const again = await http.get(`${srv.base}/feeds/courier.rss`, {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    assert.equal(again.status, 304);
    assert.equal(again.notModified, true);
    assert.equal(again.body.length, 0);
  });

  it("refused connections are FETCH_FAILED", async () => {
    const dead = await startTestServer();
    const base = dead.base;
    await dead.close();
    const e = await failure(http.get(`${base}/world/border-clash`));
    assert.equal(e.code, "FETCH_FAILED");
    assert.match(e.message, /ECONNREFUSED/);
  });
});

describe("HttpClient politeness", () => {
  it("opens at most two connections to a host and spaces its requests", async () => {
    const srv = await startTestServer();
    const delay = 60;
    const http = quick({ perHostDelayMs: delay });
    try {
      const paths = ["/world/border-clash", "/world/market-shelling", "/world/salden-port-drone"];
      await Promise.all([...paths, ...paths].map((p) => http.get(`${srv.base}${p}`)));
      assert.ok(srv.peakOpen <= 2, `${srv.peakOpen} requests were open at once`);
      assert.equal(http.peakPerHost.get(new URL(srv.base).host), 2);
      // The client starts requests `delay` apart; arrival at the server jitters with the
      // machine's load, so the test asks for the spacing on the whole and a floor between each.
      const starts = srv.requests.filter((r) => r.path !== "/robots.txt").map((r) => r.at);
      assert.ok(
        starts[starts.length - 1] - starts[0] >= 5 * delay * 0.8,
        "six requests over five delays",
      );
      for (let i = 1; i < starts.length; i++) {
        assert.ok(
          starts[i] - starts[i - 1] >= delay / 4,
          `requests ${i - 1} and ${i} only ${starts[i] - starts[i - 1]} ms apart`,
        );
      }
      assert.equal(
        srv.requests.filter((r) => r.path === "/robots.txt").length,
        1,
        "robots.txt is read once",
      );
    } finally {
      http.close();
      await srv.close();
    }
  });

  it("an unreachable robots.txt (5xx) disallows the site (RFC 9309)", async () => {
    const srv = await startTestServer();
    srv.fail.set("/robots.txt", 503);
    const http = quick();
    try {
      const e = await failure(http.get(`${srv.base}/world/border-clash`));
      assert.equal(e.code, "FETCH_DISALLOWED");
      assert.match(e.message, /robots\.txt answered HTTP 503.*RFC 9309/);
    } finally {
      http.close();
      await srv.close();
    }
  });
});

describe("robots.txt rules", () => {
  const text = `
# comments are ignored
User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$

User-agent: sitrep
User-agent: otherbot
Disallow: /no-sitrep
Crawl-delay: 2
`;
  it("takes the group naming sitrep over *", () => {
    const r = parseRobots(text, "sitrep");
    assert.equal(r.crawlDelay, 2);
    assert.equal(robotsAllow(r, "/no-sitrep/page").allowed, false);
    assert.equal(robotsAllow(r, "/private/x").allowed, true, "the * group does not apply");
  });

  it("longest match wins, Allow wins a tie, * and $ are wildcards", () => {
    const r = parseRobots(text, "somebot");
    assert.equal(robotsAllow(r, "/private/x").allowed, false);
    assert.equal(robotsAllow(r, "/private/open/y").allowed, true);
    assert.equal(robotsAllow(r, "/files/report.pdf").allowed, false);
    assert.equal(robotsAllow(r, "/files/report.pdf?x=1").allowed, true);
    assert.equal(robotsAllow(r, "/robots.txt").allowed, true);
    assert.equal(robotsAllow(parseRobots("", "sitrep"), "/anything").allowed, true);
  });
});
