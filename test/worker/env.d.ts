// The test-only binding that vitest.config.ts fills with the bundled corpus (the Worker's own bindings
// and `exports` are typed by worker-configuration.d.ts, which `npm run cf-typegen` generates).
declare namespace Cloudflare {
  interface Env {
    TEST_CORPUS_ARTICLES: Array<{ id: string; title?: string }>
  }
}
