/**
 * `/embed.js`: defines `<news-search>` and, for the one-line form, mounts one:
 *
 *   <script src="https://news.example/embed.js" data-mount data-placeholder="Search"></script>
 *   <script src="https://news.example/embed.js" data-target="#search" data-limit="5"></script>
 *
 * `data-mount` puts the widget right after the script tag, `data-target` inside
 * the first element the selector finds; every other `data-*` becomes an attribute.
 */
import { NewsSearchElement } from './element'
import { SCRIPT } from './origin'

if (!customElements.get('news-search')) customElements.define('news-search', NewsSearchElement)

const MOUNT_ONLY = new Set(['mount', 'target'])

function mount(script: HTMLScriptElement) {
  const widget = document.createElement('news-search')
  for (const attribute of Array.from(script.attributes)) {
    const name = attribute.name.replace(/^data-/, '')
    if (name !== attribute.name && !MOUNT_ONLY.has(name)) widget.setAttribute(name, attribute.value)
  }
  const selector = script.dataset.target
  if (!selector) {
    script.after(widget)
    return
  }
  const place = () => document.querySelector(selector)?.append(widget)
  if (document.querySelector(selector) || document.readyState !== 'loading') place()
  else document.addEventListener('DOMContentLoaded', place, { once: true })
}

if (SCRIPT && (SCRIPT.hasAttribute('data-mount') || SCRIPT.dataset.target)) mount(SCRIPT)
