// negotiator 0.6 (jshttp) ships no types; only what accept-language.ts uses. Seen by every program
// that compiles the API (apps/api/tsconfig*.json, and apps/api-e2e/tsconfig.json for the harness).
declare module 'negotiator' {
  interface NegotiatorRequest {
    headers: Record<string, string | string[] | undefined>;
  }
  class Negotiator {
    constructor(request: NegotiatorRequest);
    /** The available languages the client accepts, best first (q-values, then specificity, then order). */
    languages(available?: string[]): string[];
  }
  export = Negotiator;
}
