import { ArticleLinkItem } from './article-link'
import { Layout } from './layout'

/** How many of the newest articles the demo page lists. */
export const LATEST_SHOWN = 12

/** `/`: the widget in use, how to embed it, and the newest articles (links that work without JavaScript). */
export function DemoPage(props: { origin: string; latest: ReadonlyArray<{ id: string; title: string; date?: string }>; documents: number }) {
  const { latest } = props
  const embedTag = `<script src="${props.origin}/embed.js" data-mount data-placeholder="Search the news"></script>`
  const elementTags = `<script src="${props.origin}/embed.js" defer></script>
<news-search limit="5" link-template="https://your.site/news?id={id}"></news-search>`
  const theming = `news-search {
  --news-search-accent: #8a2be2;
  --news-search-radius: 0;
}
news-search::part(title) { font-family: Georgia, serif; }`
  return (
    <Layout title="Search the news" description="Search news articles with summaries and extracted facts.">
      <h1>Search the news</h1>
      <p>
        {props.documents} articles, searched as you type. Use the arrow keys and Enter, or filter with the chips. Every result opens its article page with the
        summary, keywords and facts.
      </p>
      <news-search limit="8" placeholder="Try “Balochistan”, “election” or “vaccine”" label="Search the news"></news-search>
      <script src="/embed.js" defer></script>
      <noscript>
        <p>The search box needs JavaScript; the articles below and the API work without it.</p>
      </noscript>

      <div class="columns">
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading">Latest articles</h2>
          <ul>
            {latest.map((article) => (
              <ArticleLinkItem article={article} />
            ))}
          </ul>
        </section>
        <section aria-labelledby="embed-heading">
          <h2 id="embed-heading">Put it on your site</h2>
          <p>One line, anywhere in your page:</p>
          <pre>
            <code>{embedTag}</code>
          </pre>
          <p>
            Or place the element yourself. Attributes: <code>api</code>, <code>limit</code>, <code>placeholder</code>, <code>label</code>,{' '}
            <code>link-template</code> (<code>{'{id}'}</code> is replaced by the article id), <code>search-link-template</code> (your results page;{' '}
            <code>{'{query}'}</code> is replaced by the query) for its “See all” link.
          </p>
          <pre>
            <code>{elementTags}</code>
          </pre>
          <p>Theme it with CSS custom properties and parts:</p>
          <pre>
            <code>{theming}</code>
          </pre>
          <p>
            Developers: the <a href="/docs">API documentation</a> and the <a href="/openapi.json">OpenAPI document</a>.
          </p>
        </section>
      </div>
    </Layout>
  )
}
