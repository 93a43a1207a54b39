/** Text modules (the Text rule in wrangler.toml): the generated search bundle. */
declare module '*.bundle' {
  const text: string
  export default text
}
