import { expect, test } from '@playwright/test'

test('the app shell says what Kubeplay is, with no console or page errors', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`))

  await page.goto('/')

  const shell = page.getByRole('main')
  await expect(shell).toBeVisible()
  await expect(shell).toHaveAttribute('data-testid', 'app-shell')
  await expect(shell.getByRole('heading', { level: 1, name: 'Kubeplay' })).toBeVisible()
  await expect(shell).toContainText('runs entirely in your browser')
  await expect(page).toHaveTitle('Kubeplay')

  expect(errors).toEqual([])
})
