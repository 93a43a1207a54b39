import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'
import { readCorpus } from './scripts/lib/read-corpus'

/** The bundled corpus as the build reads it, so Worker tests can check the API against every article. */
const corpusArticles = readCorpus('corpus').articles.map(({ id, title }) => ({ id, ...(title ? { title } : {}) }))

// Two projects: the Worker's tests run inside workerd and call it as a client
// would; the build script's tests run in Node, where they can use the file system.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { TEST_CORPUS_ARTICLES: corpusArticles, INGEST_TOKEN: 'test-ingest-token' } },
          }),
        ],
        // Hooks as long as tests: a suite's first request may load the whole bundle (the entity registry's 725 KiB among it),
        // which took over vitest's 10 s default on a loaded 2-core machine.
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        // Browser tests: wrangler dev, a host page on another origin and headless Chromium (test/e2e/servers.ts).
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 150_000 },
      },
    ],
  },
})
