/**
 * `npm run bench:soak [-- --writers 4 --writes 2000 --kills 2]`: the live segment's soak (bench/lib/soak.ts)
 * against `wrangler dev` on a free loopback port. Needs `npm run build` first. Exits 1 on any mismatch.
 */
import { parseArgs } from 'node:util'
import { runSoak } from './lib/soak'

const { values } = parseArgs({
  options: {
    writers: { type: 'string', default: '4' },
    writes: { type: 'string', default: '2000' },
    kills: { type: 'string', default: '2' },
    ids: { type: 'string', default: '40' },
  },
})
const started = Date.now()
const result = await runSoak({
  writers: Number(values.writers),
  writes: Number(values.writes),
  kills: Number(values.kills),
  idsPerWriter: Number(values.ids),
  log: (line) => console.log(line),
})
console.log(
  `soak: ${values.writers} writers, ${result.writes} writes (puts, replaces, deletes) in ${((Date.now() - started) / 1000).toFixed(0)} s, ${result.kills} SIGKILLs of wrangler dev with restarts; ` +
    `${result.acknowledged} acknowledged, ${result.unacknowledged} unanswered (lost to a kill); ${result.ids} ids checked, ${result.live} live at the end; ` +
    `${result.mismatches.length} mismatches`,
)
for (const mismatch of result.mismatches.slice(0, 20)) console.log(`  ${mismatch}`)
process.exit(result.mismatches.length === 0 ? 0 : 1)
