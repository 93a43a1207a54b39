// Types `exports` from 'cloudflare:workers' as this Worker's entry module (what `wrangler types` would generate),
// and the test-only binding that vitest.config.ts fills with the bundled corpus.
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../../src/index')
  }
  interface Env {
    TEST_CORPUS_ARTICLES: Array<{ id: string; title?: string }>
  }
}
