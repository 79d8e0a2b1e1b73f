// A real HTTP server on 127.0.0.1 for the fetch and watch tests: the fixture pages and feeds of
// fixtures/fetch (with "BASE" replaced by the server's own origin), and the ways servers fail:
// 404 and 500, a stall, an endless body, compression bombs, a wrong charset, a redirect loop.
// Nothing here talks to any other address.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { PROJECT_ROOT } from "../core/data-files.ts";

export const FETCH_FIXTURES = join(PROJECT_ROOT, "fixtures", "fetch");

/** Decompressed size of the bombs: far over the limits the tests set, small enough to build fast. */
const BOMB_BYTES = 32 * 1024 * 1024;

export interface TestServer {
  base: string;
  server: Server;
  /** Every request, in order of arrival: path and the time it arrived. */
  requests: { path: string; at: number; headers: IncomingMessage["headers"] }[];
  /** Requests open at once, at their highest. */
  peakOpen: number;
  /** Per-path overrides, set by a test: a status to answer instead of the fixture. */
  fail: Map<string, number>;
  close(): Promise<void>;
}

const PAGES: Record<string, string> = {
  "/world/border-clash": "border-clash.html",
  "/world/border-clash/amp": "border-clash.html",
  "/world/market-shelling": "market-shelling.html",
  "/world/salden-port-drone": "wire-port-attack.html",
  "/news/2024/05/16/salden-drone": "wire-port-copy.html",
  "/private/secret": "border-clash.html",
};

const FEEDS: Record<string, [string, string]> = {
  "/feeds/courier.rss": ["courier.rss", "application/rss+xml; charset=utf-8"],
  "/feeds/courier.atom": ["courier.atom", "application/atom+xml"],
  "/feeds/herald.json": ["herald.json", "application/feed+json"],
  "/feeds/broken.rss": ["broken.rss", "application/rss+xml"],
};

/** Fixed validators, so a second poll can be answered 304. */
const ETAG = '"fixture-v1"';
const LAST_MODIFIED = "Thu, 16 May 2024 12:00:00 GMT";

let bombs: { gzip: Buffer; br: Buffer } | null = null;
function compressionBombs(): { gzip: Buffer; br: Buffer } {
  if (!bombs) {
    const zeros = Buffer.alloc(BOMB_BYTES);
    bombs = {
      gzip: gzipSync(zeros, { level: 9 }),
      br: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    };
  }
  return bombs;
}

/** A Latin-1 page: "café", "Bogotá" and curly quotes as single Windows-1252 bytes. */
export function latin1Page(): Buffer {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="windows-1252"><title>Protest in Bogotá</title></head><body><article><h1>Protest in Bogotá</h1>
<p>Police fired tear gas at protesters outside a café in central Bogotá on Friday, injuring at least six people, the city’s mayor said.</p>
<p>“We will not be silenced,” one organiser told reporters as the crowd dispersed. The protest was the largest in the capital since the elections.</p>
<p>Officials said twelve people were detained and that the café’s owner had closed the premises for the weekend.</p></article></body></html>`;
  return iconv.encode(html, "windows-1252");
}

export async function startTestServer(
  robots = "User-agent: *\nDisallow: /private/\n",
): Promise<TestServer> {
  const state: TestServer = {
    base: "",
    server: null as unknown as Server,
    requests: [],
    peakOpen: 0,
    fail: new Map(),
    close: async () => {},
  };
  let open = 0;
  const fixture = (name: string) =>
    readFileSync(join(FETCH_FIXTURES, name), "utf8").replaceAll("BASE", state.base);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", state.base);
    const path = url.pathname;
    state.requests.push({ path: `${path}${url.search}`, at: Date.now(), headers: req.headers });
    open++;
    state.peakOpen = Math.max(state.peakOpen, open);
    res.on("close", () => open--);
    const forced = state.fail.get(path);
    if (forced) {
      res.writeHead(forced, { "content-type": "text/plain" });
      res.end(`forced ${forced}`);
      return;
    }
    if (path === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(robots);
      return;
    }
    if (PAGES[path]) {
      // A little latency, so that requests overlap and the connection limit is exercised.
      setTimeout(() => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(fixture(PAGES[path]));
      }, 30);
      return;
    }
    if (FEEDS[path]) {
      const [file, type] = FEEDS[path];
      if (
        req.headers["if-none-match"] === ETAG ||
        req.headers["if-modified-since"] === LAST_MODIFIED
      ) {
        res.writeHead(304, { etag: ETAG, "last-modified": LAST_MODIFIED });
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": type, etag: ETAG, "last-modified": LAST_MODIFIED });
      res.end(fixture(file));
      return;
    }
    switch (path) {
      case "/status/404":
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not here");
        return;
      case "/status/500":
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("server error");
        return;
      case "/stall":
        // Headers, then nothing: the client's silence limit must end it.
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<html><body><p>The first words, then noth");
        return;
      case "/silent":
        // Not even headers.
        return;
      case "/endless": {
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(64 * 1024, "a");
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {
            /* fill the socket until it pushes back */
          }
          if (!res.destroyed) res.once("drain", pump);
        };
        pump();
        return;
      }
      case "/drip": {
        // A byte every 50 ms, for ever: never silent, never done.
        res.writeHead(200, { "content-type": "text/html" });
        const timer = setInterval(() => res.write("a"), 50);
        res.on("close", () => clearInterval(timer));
        return;
      }
      case "/gzip-bomb":
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        res.end(compressionBombs().gzip);
        return;
      case "/brotli-bomb":
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "br" });
        res.end(compressionBombs().br);
        return;
      case "/gzip-page":
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "content-encoding": "gzip",
        });
        res.end(gzipSync(fixture("market-shelling.html")));
        return;
      case "/brotli-page":
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "content-encoding": "br",
        });
        res.end(brotliCompressSync(fixture("market-shelling.html")));
        return;
      case "/bad-gzip":
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        res.end(Buffer.from("this is not gzip at all"));
        return;
      case "/wrong-charset":
        // Windows-1252 bytes under a header that says UTF-8.
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(latin1Page());
        return;
      case "/loop-a":
        res.writeHead(302, { location: "/loop-b" });
        res.end();
        return;
      case "/loop-b":
        res.writeHead(302, { location: "/loop-a" });
        res.end();
        return;
      case "/moved":
        res.writeHead(301, { location: "/world/market-shelling" });
        res.end();
        return;
    }
    const chain = /^\/chain\/(\d+)$/.exec(path);
    if (chain) {
      const n = Number(chain[1]);
      res.writeHead(302, { location: n > 0 ? `/chain/${n - 1}` : "/world/market-shelling" });
      res.end();
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not here");
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.server = server;
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
