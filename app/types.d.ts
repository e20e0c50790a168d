import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-response Content-Security-Policy nonce (server.js). */
    cspNonce: string;
    /** The client's address (X-Forwarded-For only when TRUST_PROXY is set). */
    clientIp: string;
  }
  interface Future {
    v3_singleFetch: true;
  }
}
