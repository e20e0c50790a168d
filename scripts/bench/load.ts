// One load phase: autocannon against the running server, every request built on the fly
// (rotating URLs, bodies and session cookies), bounded by a duration.
import autocannon from "autocannon";

export type RequestSpec = { method?: "GET" | "POST"; path: string; headers?: Record<string, string>; body?: string };

export type PhaseResult = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  responses: number;
  /** Responses with another status than expected, plus connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
};

// Browsers always ask for compressed pages; the server compresses (as in production).
const BASE_HEADERS = { "accept-encoding": "gzip", "user-agent": "civicloop-bench" };

export async function runPhase({
  url,
  name,
  connections,
  seconds,
  next,
  expectStatus = 200,
}: {
  url: string;
  name: string;
  connections: number;
  seconds: number;
  next: () => RequestSpec;
  expectStatus?: number;
}): Promise<PhaseResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => {
          const spec = next();
          return {
            ...request,
            method: spec.method ?? "GET",
            path: spec.path,
            headers: { ...BASE_HEADERS, ...spec.headers },
            body: spec.body,
          };
        },
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  let responses = 0;
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = stats.count ?? 0;
    responses += stats.count ?? 0;
  }
  const unexpected = responses - (statusCodes[String(expectStatus)] ?? 0);
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    responses,
    errors: unexpected + result.errors + result.timeouts,
    statusCodes,
  };
}

/** Follows the list's "Next page" link `pages` times and returns that deep page's path. */
export async function deepPagePath(url: string, start: string, pages: number): Promise<{ path: string; depth: number }> {
  let path = start;
  let depth = 1;
  while (depth <= pages) {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    const html = await response.text();
    const anchor = /<a\b[^>]*\brel="next"[^>]*>/.exec(html)?.[0];
    const href = anchor && /\bhref="([^"]+)"/.exec(anchor)?.[1];
    if (!href) break;
    path = href.replaceAll("&amp;", "&");
    depth++;
  }
  return { path, depth };
}
