import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { App } from './App'

describe('App', () => {
  const html = renderToStaticMarkup(<App />)

  it.each([
    { name: 'main landmark with the shell test id', fragment: 'data-testid="app-shell"' },
    { name: 'the Kubeplay heading', fragment: '>Kubeplay</h1>' },
    { name: 'what Kubeplay is', fragment: 'runs entirely in your browser' },
  ])('renders $name', ({ fragment }) => {
    expect(html).toContain(fragment)
  })

  it('uses a <main> landmark', () => {
    expect(html.startsWith('<main')).toBe(true)
  })
})
