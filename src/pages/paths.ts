/** The article page of an id: each `/`-separated part encoded, so ids with `/`, `%`, `?` or non-ASCII letters round-trip. */
export function articlePath(id: string): string {
  return `/articles/${id.split('/').map(encodeURIComponent).join('/')}`
}
