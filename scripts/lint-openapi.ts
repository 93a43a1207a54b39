/**
 * `npm run lint:openapi`: writes the OpenAPI document the Worker serves to
 * generated/openapi.json (asking the app itself, no server) and lints it with
 * Redocly (recommended rules, redocly.yaml) and Spectral (spectral:oas,
 * .spectral.yaml). Fails on any error and on any Spectral warning. Builds first
 * when the generated bundle the app imports is missing (a fresh clone).
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const OUT = 'generated/openapi.json'

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (!['search.bundle', 'gazetteer.ts', 'code-version.ts'].every((name) => existsSync(`generated/${name}`))) run('npm', ['run', 'build'])
run('tsx', ['--import', './scripts/lib/workers-modules.ts', 'scripts/write-openapi.ts', OUT])
// Offline and quiet: no usage report, no update check.
run('redocly', ['lint', OUT, '--format=stylish'], { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' })
run('spectral', ['lint', OUT, '--ruleset', '.spectral.yaml', '--fail-severity=warn'])
