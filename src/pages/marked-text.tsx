/**
 * An article's text with `<mark id=…>` around each fact's span, so that a link
 * to `#id` highlights the fact through CSS `:target`: no JavaScript needed.
 * Spans nest (a name inside a quote); a span that partly overlaps an earlier
 * one is left out, and `rendered` says which ids exist to link to.
 */
export type MarkSpan = { id: string; kind: string; start: number; end: number }

type SpanNode = { span: MarkSpan; children: SpanNode[] }

export function nestSpans(text: string, spans: readonly MarkSpan[]): { roots: SpanNode[]; rendered: Set<string> } {
  const valid = spans.filter(
    (span) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start < span.end && span.end <= text.length,
  )
  const sorted = [...valid].sort((a, b) => a.start - b.start || b.end - a.end)
  const roots: SpanNode[] = []
  const open: SpanNode[] = []
  const rendered = new Set<string>()
  for (const span of sorted) {
    while (open.length > 0 && open[open.length - 1]!.span.end <= span.start) open.pop()
    const parent = open[open.length - 1]
    if (parent && span.end > parent.span.end) continue
    const node = { span, children: [] }
    ;(parent ? parent.children : roots).push(node)
    open.push(node)
    rendered.add(span.id)
  }
  return { roots, rendered }
}

export function MarkedText(props: { text: string; roots: SpanNode[] }) {
  return <div class="article-text">{renderRange(props.text, props.roots, 0, props.text.length)}</div>
}

function renderRange(text: string, nodes: SpanNode[], from: number, to: number) {
  const parts: unknown[] = []
  let at = from
  for (const { span, children } of nodes) {
    if (span.start > at) parts.push(text.slice(at, span.start))
    parts.push(
      <mark id={span.id} class={span.kind}>
        {renderRange(text, children, span.start, span.end)}
      </mark>,
    )
    at = span.end
  }
  if (at < to) parts.push(text.slice(at, to))
  return parts
}
