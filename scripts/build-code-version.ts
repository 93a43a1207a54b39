/**
 * Writes `generated/code-version.ts`: the hash of the Worker's code and the
 * packages it bundles (scripts/lib/code-version.ts). The ETags of API answers fold it in beside the
 * bundle version, so a deploy that changes what an answer looks like changes
 * its tag and no client keeps a stale copy through 304s.
 *
 *   npm run build       # runs this first
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { codeVersion } from './lib/code-version'

const version = codeVersion()
mkdirSync('generated', { recursive: true })
writeFileSync(
  'generated/code-version.ts',
  `/** Written by scripts/build-code-version.ts: the hash of the Worker's code. */\nexport const CODE_VERSION = '${version}'\n`,
)
console.log(`code version ${version} in generated/code-version.ts`)
