// The one way sitrep fetches from the web: politely (at most two connections to a host, a
// delay between requests to it, robots.txt obeyed), with limits that keep one bad server from
// hanging or flooding a run (a time limit for the whole answer and for silence, bounded
// redirects, a size limit that holds for the decompressed body too), and conditional GET so a
// feed that has not changed costs a 304. Every failure is a one-line SitrepError naming the URL.
import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { errors, isSitrepError, type SitrepError } from "../core/errors.ts";
import { ALLOW_ALL, parseRobots, ROBOTS_MAX_BYTES, type Robots, robotsAllow } from "./robots.ts";

/** Who sitrep says it is; robots.txt groups for "sitrep" apply to it. */
export const USER_AGENT = "sitrep/0.1 (conflict-news reader; +https://github.com/sitrep)";
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = "sitrep";

/** A server that has not answered in full in this long is taken as down: a batch must not hang on one page. */
export const FETCH_TIMEOUT_MS = 20_000;
/** A server that sends nothing for this long has stalled. */
export const FETCH_IDLE_TIMEOUT_MS = 10_000;
/**
 * Six times the largest news page in ../shared extraction-bench (1.6 MB of HTML, of 496);
 * beyond it the URL is a download, not an article. Holds for the body after decompression.
 */
export const FETCH_MAX_BYTES = 10 * 1024 * 1024;
/** Redirects followed before giving up; browsers allow 20, news sites need 1-3. */
export const MAX_REDIRECTS = 5;
/** Connections open to one host at a time. */
export const PER_HOST_CONNECTIONS = 2;
/** Between the starts of two requests to one host. */
export const PER_HOST_DELAY_MS = 1000;
/** A robots.txt Crawl-delay is honoured up to this; beyond, a feed could not be followed at all. */
export const MAX_CRAWL_DELAY_MS = 30_000;
/** robots.txt is read again after this long. */
export const ROBOTS_TTL_MS = 6 * 60 * 60 * 1000;

export interface HttpClientOptions {
  userAgent?: string;
  timeoutMs?: number;
  idleTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  perHostConnections?: number;
  perHostDelayMs?: number;
  /** Obey robots.txt (default true). */
  robots?: boolean;
}

export interface GetOptions {
  /** Conditional GET: the ETag and Last-Modified of the copy already held. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL answered, after redirects. */
  finalUrl: string;
  /** 200, or 304 when a conditional GET found the held copy current. */
  status: number;
  notModified: boolean;
  contentType: string | null;
  /** The body, decompressed; empty for a 304. */
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
  /** Every URL redirected to, in order. */
  redirects: string[];
}

const ACCEPT_ANY =
  "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,text/plain;q=0.9,*/*;q=0.5";

const REDIRECT = new Set([301, 302, 303, 307, 308]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One host's share of the client: how many requests are open, and when the next may start. */
interface HostGate {
  active: number;
  nextStart: number;
  delayMs: number;
  waiters: (() => void)[];
}

interface Answer {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Uint8Array;
}

/** Thrown inside a request and turned into the URL's SitrepError by `get`. */
class FetchProblem extends Error {}

function header(h: http.IncomingHttpHeaders, name: string): string | null {
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

export class HttpClient {
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  readonly perHostConnections: number;
  readonly perHostDelayMs: number;
  readonly obeyRobots: boolean;
  readonly #gates = new Map<string, HostGate>();
  readonly #robots = new Map<string, { at: number; robots: Promise<Robots | SitrepError> }>();
  readonly #agents: { http: http.Agent; https: https.Agent };
  /** Requests open at once per host, at their highest: what the politeness tests check. */
  readonly peakPerHost = new Map<string, number>();

  constructor(options: HttpClientOptions = {}) {
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
    this.idleTimeoutMs = options.idleTimeoutMs ?? FETCH_IDLE_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? FETCH_MAX_BYTES;
    this.maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
    this.perHostConnections = options.perHostConnections ?? PER_HOST_CONNECTIONS;
    this.perHostDelayMs = options.perHostDelayMs ?? PER_HOST_DELAY_MS;
    this.obeyRobots = options.robots ?? true;
    // The agents hold the connection limit too, so it holds whatever the gate does.
    const agent = { keepAlive: true, maxSockets: this.perHostConnections };
    this.#agents = { http: new http.Agent(agent), https: new https.Agent(agent) };
  }

  /** Closes kept-alive connections; the client can still be used after (it reconnects). */
  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  /**
   * GETs `url`, following redirects, obeying robots.txt and the host's politeness, within the
   * limits. A 304 to a conditional GET is a result; any other non-2xx answer is an error.
   */
  async get(url: string, options: GetOptions = {}): Promise<FetchResult> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw errors.fetch(url, "is not a valid URL");
    }
    const redirects: string[] = [];
    const seen = new Set<string>([current.href]);
    for (;;) {
      if (current.protocol !== "http:" && current.protocol !== "https:") {
        throw errors.unsupported(
          url,
          `redirects to ${current.href}: only http:// and https:// URLs can be fetched`,
        );
      }
      if (this.obeyRobots) await this.#checkRobots(url, current);
      const headers: Record<string, string> = {
        "user-agent": this.userAgent,
        accept: options.accept ?? ACCEPT_ANY,
        "accept-encoding": "gzip, deflate, br",
      };
      if (options.etag) headers["if-none-match"] = options.etag;
      if (options.lastModified) headers["if-modified-since"] = options.lastModified;
      let answer: Answer;
      try {
        answer = await this.#gated(current, () => this.#request(current, headers, false));
      } catch (e) {
        throw this.#asError(url, e);
      }
      if (REDIRECT.has(answer.status)) {
        const location = header(answer.headers, "location");
        if (!location) {
          throw errors.fetch(
            url,
            `cannot be fetched: HTTP ${answer.status} redirect without a Location`,
          );
        }
        const next = new URL(location, current);
        if (seen.has(next.href)) {
          throw errors.fetch(
            url,
            `cannot be fetched: redirect loop (${[url, ...redirects, next.href].join(" → ")})`,
          );
        }
        if (redirects.length >= this.maxRedirects) {
          throw errors.fetch(url, `cannot be fetched: more than ${this.maxRedirects} redirects`);
        }
        redirects.push(next.href);
        seen.add(next.href);
        current = next;
        continue;
      }
      const result = {
        url,
        finalUrl: current.href,
        status: answer.status,
        contentType: header(answer.headers, "content-type"),
        body: answer.body,
        etag: header(answer.headers, "etag"),
        lastModified: header(answer.headers, "last-modified"),
        redirects,
      };
      if (answer.status === 304) return { ...result, notModified: true, body: new Uint8Array(0) };
      if (answer.status < 200 || answer.status > 299) {
        throw errors.fetch(
          url,
          `cannot be fetched: the server answered HTTP ${answer.status} ${answer.statusText}`.trim(),
        );
      }
      return { ...result, notModified: false };
    }
  }

  // ------------------------------------------------------------------ politeness

  #gate(host: string): HostGate {
    let gate = this.#gates.get(host);
    if (!gate) {
      gate = { active: 0, nextStart: 0, delayMs: this.perHostDelayMs, waiters: [] };
      this.#gates.set(host, gate);
    }
    return gate;
  }

  /**
   * Runs `fn` holding one of the host's connections, its delay after the previous start kept.
   * robots.txt (`paced` false) is read at once: one small file before a site's first page.
   */
  async #gated<T>(url: URL, fn: () => Promise<T>, paced = true): Promise<T> {
    const host = url.host;
    const gate = this.#gate(host);
    while (gate.active >= this.perHostConnections) {
      await new Promise<void>((resolve) => gate.waiters.push(resolve));
    }
    gate.active++;
    this.peakPerHost.set(host, Math.max(this.peakPerHost.get(host) ?? 0, gate.active));
    try {
      if (paced) {
        const now = Date.now();
        const start = Math.max(now, gate.nextStart);
        gate.nextStart = start + gate.delayMs;
        if (start > now) await sleep(start - now);
      }
      return await fn();
    } finally {
      gate.active--;
      gate.waiters.shift()?.();
    }
  }

  // ------------------------------------------------------------------ robots.txt

  async #checkRobots(asked: string, url: URL): Promise<void> {
    const origin = url.origin;
    let cached = this.#robots.get(origin);
    if (!cached || Date.now() - cached.at > ROBOTS_TTL_MS) {
      cached = { at: Date.now(), robots: this.#readRobots(url) };
      this.#robots.set(origin, cached);
    }
    const robots = await cached.robots;
    if (isSitrepError(robots)) {
      // Restated for the URL asked: "<url>: cannot be fetched (ECONNREFUSED)".
      const why = robots.message.slice((robots.input ?? "").length + 2);
      throw robots.code === "FETCH_DISALLOWED"
        ? errors.disallowed(asked, why)
        : errors.fetch(asked, why);
    }
    const verdict = robotsAllow(robots, `${url.pathname}${url.search}`);
    if (!verdict.allowed) {
      throw errors.disallowed(
        asked,
        `is disallowed for ${ROBOTS_AGENT} by ${origin}/robots.txt ("Disallow: ${verdict.rule?.pattern}")`,
      );
    }
  }

  /** The site's robots.txt: rules; ALLOW_ALL when it has none (4xx); an error when unreachable. */
  async #readRobots(url: URL): Promise<Robots | SitrepError> {
    let at = new URL("/robots.txt", url.origin);
    const where = at.href;
    const headers = {
      "user-agent": this.userAgent,
      accept: "text/plain",
      "accept-encoding": "gzip, deflate, br",
    };
    try {
      for (let hop = 0; ; hop++) {
        const answer = await this.#gated(at, () => this.#request(at, headers, true), false);
        if (REDIRECT.has(answer.status) && hop < MAX_REDIRECTS) {
          const location = header(answer.headers, "location");
          if (!location) return ALLOW_ALL;
          at = new URL(location, at);
          continue;
        }
        if (answer.status >= 200 && answer.status < 300) {
          const robots = parseRobots(new TextDecoder().decode(answer.body), ROBOTS_AGENT);
          if (robots.crawlDelay !== null) {
            const gate = this.#gate(url.host);
            gate.delayMs = Math.max(
              gate.delayMs,
              Math.min(robots.crawlDelay * 1000, MAX_CRAWL_DELAY_MS),
            );
          }
          return robots;
        }
        // RFC 9309 2.3.1.3: a robots.txt that is "unavailable" (4xx) allows everything;
        // 2.3.1.4: one that is "unreachable" (5xx) disallows everything.
        if (answer.status >= 400 && answer.status < 500) return ALLOW_ALL;
        return errors.disallowed(
          where,
          `cannot be fetched: ${where} answered HTTP ${answer.status}, and an unreachable robots.txt means everything is disallowed (RFC 9309)`,
        );
      }
    } catch (e) {
      // The host itself is down or silent: the page could not be fetched either.
      return this.#asError(where, e);
    }
  }

  // ------------------------------------------------------------------ one request

  #asError(url: string, e: unknown): SitrepError {
    if (isSitrepError(e)) return e;
    if (e instanceof FetchProblem) return errors.fetch(url, e.message);
    const err = e as NodeJS.ErrnoException;
    const code = err.code ?? err.message;
    return errors.fetch(url, `cannot be fetched (${code})`);
  }

  /**
   * One GET, no redirects followed. Non-2xx answers come back without their body. With
   * `truncate`, a body over the limit is cut there (robots.txt); otherwise it is an error.
   */
  #request(url: URL, headers: Record<string, string>, truncate: boolean): Promise<Answer> {
    const limit = truncate ? ROBOTS_MAX_BYTES : this.maxBytes;
    const mb = `${Math.round((limit / 1024 / 1024) * 10) / 10} MB`;
    return new Promise<Answer>((resolve, reject) => {
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(overall);
        req.destroy();
        reject(e);
      };
      const overall = setTimeout(
        () =>
          fail(
            new FetchProblem(
              `cannot be fetched: no complete answer within ${this.timeoutMs / 1000} s`,
            ),
          ),
        this.timeoutMs,
      );
      const mod = url.protocol === "https:" ? https : http;
      const req = mod.request(
        url,
        {
          method: "GET",
          headers,
          agent: url.protocol === "https:" ? this.#agents.https : this.#agents.http,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const done = (body: Uint8Array) => {
            if (settled) return;
            settled = true;
            clearTimeout(overall);
            resolve({ status, statusText: res.statusMessage ?? "", headers: res.headers, body });
          };
          if (status < 200 || status > 299) {
            // The body of an error or a redirect is not wanted; drop the connection rather than
            // read an endless one.
            res.destroy();
            done(new Uint8Array(0));
            return;
          }
          const declared = Number(header(res.headers, "content-length") ?? "0");
          if (!truncate && declared > limit) {
            fail(new FetchProblem(`is larger than the ${mb} limit for one page`));
            return;
          }
          const encoding = (header(res.headers, "content-encoding") ?? "identity")
            .trim()
            .toLowerCase();
          let stream: Readable = res;
          if (encoding === "gzip" || encoding === "x-gzip" || encoding === "deflate") {
            stream = res.pipe(zlib.createUnzip());
          } else if (encoding === "br") {
            stream = res.pipe(zlib.createBrotliDecompress());
          } else if (encoding !== "identity" && encoding !== "") {
            fail(new FetchProblem(`cannot be fetched: unsupported Content-Encoding "${encoding}"`));
            return;
          }
          const compressed = stream !== res;
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on("data", (chunk: Buffer) => {
            if (settled) return;
            size += chunk.length;
            if (size > limit) {
              if (truncate) {
                chunks.push(chunk.subarray(0, chunk.length - (size - limit)));
                if (stream !== res) stream.destroy();
                done(Buffer.concat(chunks));
                return;
              }
              fail(
                new FetchProblem(
                  compressed
                    ? `is larger than the ${mb} limit for one page once decompressed (${encoding}): a compression bomb, or not an article`
                    : `is larger than the ${mb} limit for one page`,
                ),
              );
              if (stream !== res) stream.destroy();
              return;
            }
            chunks.push(chunk);
          });
          stream.on("end", () => done(Buffer.concat(chunks)));
          stream.on("error", (e: NodeJS.ErrnoException) => {
            const what = compressed
              ? `its ${encoding} body is corrupt (${e.code ?? e.message})`
              : `the connection broke (${e.code ?? e.message})`;
            fail(new FetchProblem(`cannot be fetched: ${what}`));
          });
          res.on("close", () => {
            if (!res.complete) {
              fail(
                new FetchProblem("cannot be fetched: the server closed the connection mid-body"),
              );
            }
          });
        },
      );
      req.setTimeout(this.idleTimeoutMs, () =>
        fail(
          new FetchProblem(
            `cannot be fetched: the server sent nothing for ${this.idleTimeoutMs / 1000} s`,
          ),
        ),
      );
      req.on("error", (e: NodeJS.ErrnoException) => {
        if (settled) return;
        fail(new FetchProblem(`cannot be fetched (${e.code ?? e.message})`));
      });
      req.end();
    });
  }
}
