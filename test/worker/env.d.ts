// Types `exports` from 'cloudflare:workers' as this Worker's entry module (what `wrangler types` would generate).
declare namespace Cloudflare {
  interface GlobalProps {
    mainModule: typeof import('../../src/index')
  }
}
