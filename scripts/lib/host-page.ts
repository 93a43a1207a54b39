/** A host site for the widget: a plain web server on another port of 127.0.0.1 (so another origin) serving the given pages. */
import { createServer, type Server } from 'node:http'

export type Host = { origin: string; stop: () => Promise<void> }

/** A plain web server on another port (so another origin) serving the given pages. */
export async function startHost(pages: Record<string, string>): Promise<Host> {
  const server: Server = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://host').pathname]
    response.writeHead(page === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(page ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
