/**
 * The docs page's only script: sends a "try it" form with fetch and shows the
 * answer under it. Plain ES2020 in a string (it runs in the browser, not in the
 * Worker); the forms still work without it for GET endpoints without path parameters.
 */
export const TRY_IT_SCRIPT = `
for (const form of document.querySelectorAll('form.try')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const output = form.querySelector('output')
    let path = form.dataset.path
    const query = new URLSearchParams()
    for (const input of form.querySelectorAll('input[data-in]')) {
      if (input.dataset.in === 'path') path = path.replace('{' + input.name + '}', encodeURIComponent(input.value))
      else if (input.value !== '') query.append(input.name, input.value)
    }
    const body = form.querySelector('textarea')
    const init = { method: form.dataset.method }
    if (body) Object.assign(init, { body: body.value, headers: { 'Content-Type': 'application/json' } })
    output.textContent = 'Sending…'
    try {
      const response = await fetch(path + (query.size ? '?' + query : ''), init)
      const text = await response.text()
      let shown = text
      try { shown = JSON.stringify(JSON.parse(text), null, 2) } catch {}
      output.replaceChildren(Object.assign(document.createElement('pre'), { textContent: response.status + ' ' + (response.headers.get('content-type') || '') + '\\n' + shown }))
    } catch (error) {
      output.textContent = 'The request failed: ' + error.message
    }
  })
}
`
