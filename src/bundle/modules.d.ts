/** Data modules (the Data rule in wrangler.toml): the search index's bytes, as an ArrayBuffer. */
declare module '*.bin' {
  const data: ArrayBuffer
  export default data
}
