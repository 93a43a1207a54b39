/**
 * The origin this script was loaded from: the default API origin, so that
 * `<script src="https://news.example/embed.js">` on any site talks to
 * news.example. Read while the script first runs: `currentScript` is null later.
 */
function readScriptOrigin(): string | undefined {
  const script = document.currentScript
  if (!(script instanceof HTMLScriptElement) || !script.src) return undefined
  return new URL(script.src, location.href).origin
}

export const SCRIPT = document.currentScript instanceof HTMLScriptElement ? document.currentScript : undefined
export const SCRIPT_ORIGIN = readScriptOrigin()
