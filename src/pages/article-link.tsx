import { articlePath } from './paths'

/** One article in a list of links: its title to its page, then its date when known. */
export function ArticleLinkItem(props: { article: { id: string; title: string; date?: string } }) {
  const { id, title, date } = props.article
  return (
    <li>
      <a href={articlePath(id)}>{title}</a>
      {date ? <span class="meta"> · {date}</span> : null}
    </li>
  )
}
