import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

/** The packs are static assets behind the Worker (`run_worker_first`): the URL space is the API's, never the assets' paths. */
describe('the article packs', () => {
  it('are served to the Worker through the ASSETS binding', async () => {
    const { version } = (await (await exports.default.fetch('http://x/api/health')).json()) as { version: string }
    const pack = await (env as unknown as { ASSETS: Fetcher }).ASSETS.fetch(`https://assets.invalid/${version}/0000.json`)
    expect(pack.status).toBe(200)
    const articles = (await pack.json()) as Array<{ id: string }>
    expect(articles.length).toBeGreaterThan(0)
  })

  it('are not public by path: a request for one reaches the Worker and gets its 404 problem', async () => {
    const { version } = (await (await exports.default.fetch('http://x/api/health')).json()) as { version: string }
    for (const path of [`/${version}/0000.json`, `/${version}/facts-0.txt`]) {
      const response = await exports.default.fetch(`http://x${path}`)
      expect(response.status, path).toBe(404)
      expect(await response.text()).not.toContain('"facts":{')
    }
  })
})
