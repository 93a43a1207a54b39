/**
 * The results page's only script: a filter box over each long facet list.
 * Typing keeps the values that contain the typed letters (case and accents
 * ignored) and opens the folded "more" part so matches there show. Plain
 * ES2020 in a string (it runs in the browser); without it the box stays hidden
 * and the lists work as links.
 */
export const FACET_FILTER_SCRIPT = `
const fold = (text) => text.toLowerCase().normalize('NFD').replace(/\\p{M}+/gu, '')
for (const box of document.querySelectorAll('input.facet-filter')) {
  const section = box.closest('section')
  const items = [...section.querySelectorAll('li')]
  const more = section.querySelector('details')
  const status = section.querySelector('.facet-filter-status')
  box.hidden = false
  box.previousElementSibling.hidden = false
  box.addEventListener('input', () => {
    const typed = fold(box.value.trim())
    let shown = 0
    for (const item of items) {
      const match = typed === '' || fold(item.querySelector('a').textContent).includes(typed)
      item.hidden = !match
      if (match) shown++
    }
    if (more && typed !== '') more.open = true
    status.textContent = typed === '' ? '' : shown + ' of ' + items.length + ' shown'
  })
}
`
