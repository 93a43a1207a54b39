import { expect, it } from 'vitest'
import { runSoak } from '../../bench/lib/soak'

// The bounded soak (npm run bench:soak runs 2,000 writes and two kills): concurrent writers against wrangler dev,
// one SIGKILL of wrangler and workerd mid-run and a restart on the same state; every acknowledged write must be
// served exactly, searchable with its last content or gone, and no unacknowledged write half there.
it('keeps every acknowledged write through a SIGKILL of wrangler dev, and nothing half written', async () => {
  const result = await runSoak({ writers: 4, writes: 80, kills: 1, idsPerWriter: 6 })
  expect(result.mismatches).toEqual([])
  expect(result.kills).toBe(1)
  expect(result.acknowledged).toBeGreaterThan(60)
  expect(result.live).toBeGreaterThan(0)
}, 170_000)
