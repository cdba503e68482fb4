import { describe, expect, test } from 'vitest'
import { pod } from '../testing/fixtures'
import { messageOf, testClient } from '../testing/testClient'

const pods = '/api/v1/namespaces/default/pods'
type List = { kind: string; apiVersion: string; metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number }; items: { apiVersion?: string; metadata: { name: string } }[] }
const names = (res: { body: unknown }) => (res.body as List).items.map((i) => i.metadata.name)

function seeded() {
  const c = testClient()
  const rows: [string, Record<string, string>][] = [
    ['api-1', { app: 'api', tier: 'backend', env: 'prod' }],
    ['api-2', { app: 'api', tier: 'backend', env: 'dev' }],
    ['web-1', { app: 'web', tier: 'frontend', env: 'prod' }],
    ['worker', { app: 'worker' }],
  ]
  for (const [n, labels] of rows) expect(c.post(pods, pod(n, 'nginx', labels)).status).toBe(201)
  return c
}

describe('list (API-19)', () => {
  test.each([
    { selector: '', want: ['api-1', 'api-2', 'web-1', 'worker'] },
    { selector: 'app=api', want: ['api-1', 'api-2'] },
    { selector: 'app==web', want: ['web-1'] },
    { selector: 'app!=api', want: ['web-1', 'worker'] },
    { selector: 'env in (prod)', want: ['api-1', 'web-1'] },
    { selector: 'env notin (prod)', want: ['api-2', 'worker'] },
    { selector: 'tier', want: ['api-1', 'api-2', 'web-1'] },
    { selector: '!tier', want: ['worker'] },
    { selector: 'app=api,env=prod', want: ['api-1'] },
  ])('labelSelector "$selector"', ({ selector, want }) => {
    expect(names(seeded().get(pods, { labelSelector: selector }))).toEqual(want)
  })

  test.each([
    { selector: 'metadata.name=web-1', want: ['web-1'] },
    { selector: 'metadata.name!=web-1', want: ['api-1', 'api-2', 'worker'] },
    { selector: 'metadata.namespace=default', want: ['api-1', 'api-2', 'web-1', 'worker'] },
    { selector: 'spec.nodeName=node-2', want: ['api-2'] },
    { selector: 'spec.nodeName=', want: ['api-1', 'web-1', 'worker'] },
    { selector: 'status.phase=Pending', want: ['api-1', 'api-2', 'web-1', 'worker'] },
    { selector: 'status.phase!=Pending', want: [] },
  ])('fieldSelector "$selector"', ({ selector, want }) => {
    const c = seeded()
    c.post(`${pods}/api-2/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'api-2' }, target: { kind: 'Node', name: 'node-2' } })
    expect(names(c.get(pods, { fieldSelector: selector }))).toEqual(want)
  })

  test('a list is typed, at a revision, and its items carry no apiVersion or kind', () => {
    const body = seeded().get(pods).body as List
    expect(body.kind).toBe('PodList')
    expect(body.apiVersion).toBe('v1')
    expect(Number(body.metadata.resourceVersion)).toBeGreaterThan(0)
    expect(body.items.every((i) => i.apiVersion === undefined)).toBe(true)
  })

  test('all namespaces, and one', () => {
    const c = seeded()
    expect(names(c.get('/api/v1/serviceaccounts'))).toEqual(['default', 'default', 'default', 'default'])
    expect(names(c.get('/api/v1/namespaces/kube-system/pods'))).toEqual([])
  })

  test('limit and continue page through a consistent snapshot', () => {
    const c = seeded()
    const first = c.get(pods, { limit: '2' }).body as List
    expect(first.items.map((i) => i.metadata.name)).toEqual(['api-1', 'api-2'])
    expect(first.metadata.remainingItemCount).toBe(2)
    // Changes after the first page do not show in later pages.
    c.del(`${pods}/web-1`)
    c.post(pods, pod('zz'))
    const second = c.get(pods, { limit: '2', continue: first.metadata.continue ?? '' }).body as List
    expect(second.items.map((i) => i.metadata.name)).toEqual(['web-1', 'worker'])
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion)
    expect(second.metadata.continue).toBeUndefined()
  })

  test('a continue token from compacted history is 410 Expired', () => {
    const c = testClient({ historyLimit: 5 })
    for (const n of ['a', 'b', 'c']) c.post(pods, pod(n))
    const first = c.get(pods, { limit: '1' }).body as List
    for (let i = 0; i < 10; i++) c.post('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm${i}` } })
    const res = c.get(pods, { limit: '1', continue: first.metadata.continue ?? '' })
    expect(res.status).toBe(410)
    expect((res.body as { reason: string }).reason).toBe('Expired')
    expect(messageOf(res)).toMatch(/^The provided continue parameter is too old to display a consistent list result\./)
  })

  test.each([
    { name: 'garbage continue', query: { continue: '!!!' }, status: 400 },
    { name: 'negative limit', query: { limit: '-1' }, status: 400 },
    { name: 'resourceVersion in the future', query: { resourceVersion: '999999' }, status: 504 },
    { name: 'resourceVersion not a number', query: { resourceVersion: 'abc' }, status: 400 },
  ])('$name', ({ query, status }) => {
    expect(seeded().get(pods, query).status).toBe(status)
  })

  test('resourceVersionMatch=Exact reads the state as of that revision', () => {
    const c = seeded()
    const rv = (c.get(pods).body as List).metadata.resourceVersion
    c.del(`${pods}/worker`)
    expect(names(c.get(pods, { resourceVersion: rv, resourceVersionMatch: 'Exact' }))).toContain('worker')
    expect(names(c.get(pods))).not.toContain('worker')
  })
})
