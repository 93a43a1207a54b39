/**
 * `npm run dev`: serves the built bundle with `wrangler dev` on 127.0.0.1, on PORT (default 8787), offline-safe.
 * A sharded build is served as one `wrangler dev -c front -c shard-0 -c shard-1 …`: the front on the port,
 * the shards behind its service bindings.
 */
import { spawn } from 'node:child_process'
import { shardedConfigs } from './lib/sharded-build'

const port = process.env.PORT ?? '8787'
if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
  console.error(`PORT must be a port number from 1 to 65535 (got "${port}")`)
  process.exit(1)
}
// wrangler dev hands the Worker only .dev.vars and --var, not the shell's environment: `INGEST_TOKEN=… npm run dev` switches writes on.
const ingestToken = process.env.INGEST_TOKEN ? ['--var', `INGEST_TOKEN:${process.env.INGEST_TOKEN}`] : []
const configs = shardedConfigs('generated').flatMap((config) => ['-c', config])
const child = spawn(
  'wrangler',
  ['dev', ...configs, '--ip', '127.0.0.1', '--port', port, ...(configs.length > 0 ? [] : ingestToken), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', ...process.env },
  },
)
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
