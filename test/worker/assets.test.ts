import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

/** The packs are static assets behind the Worker (`run_worker_first`): the URL space is the API's, never the assets' paths. */
describe('the article packs', () => {
  it('are served to the Worker through the ASSETS binding', async () => {
    const { version } = (await (await exports.default.fetch('http://x/api/health')).json()) as { version: string }
    const pack = await (env as unknown as { ASSETS: Fetcher }).ASSETS.fetch(`https://assets.invalid/${version}/0000.txt`)
    expect(pack.status).toBe(200)
    // A record's member lengths open the pack (src/bundle/format.ts, `packRecord`), then the first article's title.
    expect(await pack.text()).toMatch(/^\d+,\d*,\d*,\d+,\d+:\S/)
  })

  it('are not public by path: a request for one reaches the Worker and gets its 404 problem', async () => {
    const { version } = (await (await exports.default.fetch('http://x/api/health')).json()) as { version: string }
    for (const path of [`/${version}/0000.txt`, `/${version}/facts-0.txt`]) {
      const response = await exports.default.fetch(`http://x${path}`)
      expect(response.status, path).toBe(404)
      expect(await response.text()).not.toContain('"facts":{')
    }
  })
})
