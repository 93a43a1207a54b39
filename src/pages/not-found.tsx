import { Layout } from './layout'

/** The HTML 404 of the pages (the API answers problem+json instead). */
export function NotFoundPage(props: { what: string }) {
  return (
    <Layout title="Not found">
      <h1>Not found</h1>
      <p>There is no {props.what} here.</p>
      <p>
        <a href="/">Search the articles</a> or read the <a href="/docs">API documentation</a>.
      </p>
    </Layout>
  )
}
