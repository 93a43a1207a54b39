import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

async function gzippedSize(body: ArrayBuffer): Promise<number> {
  const stream = new Response(body).body!.pipeThrough(new CompressionStream('gzip'))
  return (await new Response(stream).arrayBuffer()).byteLength
}

describe('/embed.js', () => {
  it('serves the widget as JavaScript any origin may load, cached for an hour', async () => {
    const response = await exports.default.fetch('http://x/embed.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toMatch(/^public, max-age=3600\b/)
    expect(response.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
    const script = await response.text()
    expect(script).toContain('customElements.define("news-search"')
  })

  it('stays under its budget of 15 KiB gzipped', async () => {
    const body = await (await exports.default.fetch('http://x/embed.js')).arrayBuffer()
    expect(body.byteLength).toBeGreaterThan(1024)
    expect(await gzippedSize(body)).toBeLessThan(15 * 1024)
  })
})
