import { describe, expect, test } from 'vitest'
import { pod } from '../testing/fixtures'
import { testClient } from '../testing/testClient'
import type { WatchEvent } from './watch'

const pods = '/api/v1/namespaces/default/pods'
type Obj = { metadata: { name: string; resourceVersion: string; labels?: Record<string, string> } }
const summary = (events: WatchEvent[]) =>
  events.map((e) => (e.type === 'ERROR' ? `ERROR ${(e.object as { code: number }).code}` : `${e.type} ${(e.object as Obj).metadata.name}`))

describe('watch (API-20)', () => {
  test('from "0": the current state as ADDED, then changes in order', () => {
    const c = testClient()
    c.post(pods, pod('a'))
    const events: WatchEvent[] = []
    const stop = c.cluster.watch({ method: 'GET', path: pods, query: { resourceVersion: '0' } }, (e) => events.push(e))
    c.post(pods, pod('b'))
    c.patch(`${pods}/a`, 'merge', { metadata: { labels: { x: '1' } } })
    c.del(`${pods}/b`)
    stop()
    c.post(pods, pod('after-stop'))
    expect(summary(events)).toEqual(['ADDED a', 'ADDED b', 'MODIFIED a', 'DELETED b'])
    const rvs = events.map((e) => Number((e.object as Obj).metadata.resourceVersion))
    expect([...rvs].sort((x, y) => x - y)).toEqual(rvs)
  })

  test('from a resourceVersion: every change after it, replayed from history', () => {
    const c = testClient()
    const rv = (c.post(pods, pod('a')).body as Obj).metadata.resourceVersion
    c.post(pods, pod('b'))
    c.del(`${pods}/a`)
    const events: WatchEvent[] = []
    c.cluster.watch({ method: 'GET', path: pods, query: { resourceVersion: rv } }, (e) => events.push(e))
    expect(summary(events)).toEqual(['ADDED b', 'DELETED a'])
  })

  test('a DELETED event carries the last state with the delete revision', () => {
    const c = testClient()
    c.post(pods, pod('a'))
    const events: WatchEvent[] = []
    c.cluster.watch({ method: 'GET', path: pods, query: { resourceVersion: String((c.get(pods).body as Obj).metadata.resourceVersion) } }, (e) => events.push(e))
    const res = c.del(`${pods}/a`)
    expect((events[0]?.object as Obj).metadata.resourceVersion).toBe((res.body as Obj).metadata.resourceVersion)
  })

  test('a resourceVersion older than history is one ERROR event with 410 Expired', () => {
    const c = testClient({ historyLimit: 3 })
    for (const n of ['a', 'b', 'c', 'd', 'e']) c.post(pods, pod(n))
    const events: WatchEvent[] = []
    c.cluster.watch({ method: 'GET', path: pods, query: { resourceVersion: '1' } }, (e) => events.push(e))
    expect(events).toHaveLength(1)
    const s = events[0]?.object as { code: number; reason: string; message: string }
    expect(events[0]?.type).toBe('ERROR')
    expect(s.code).toBe(410)
    expect(s.reason).toBe('Expired')
    expect(s.message).toMatch(/^too old resource version: 1 \(\d+\)$/)
  })

  test('labels: objects entering the selection are ADDED, leaving it DELETED', () => {
    const c = testClient()
    const events: WatchEvent[] = []
    c.cluster.watch({ method: 'GET', path: pods, query: { labelSelector: 'track=canary' } }, (e) => events.push(e))
    c.post(pods, pod('a', 'nginx', { track: 'stable' }))
    c.patch(`${pods}/a`, 'merge', { metadata: { labels: { track: 'canary' } } })
    c.patch(`${pods}/a`, 'merge', { metadata: { annotations: { note: 'still canary' } } })
    c.patch(`${pods}/a`, 'merge', { metadata: { labels: { track: 'stable' } } })
    expect(summary(events)).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a'])
    expect((events[2]?.object as Obj).metadata.labels?.track).toBe('canary')
  })

  test('a namespace and a name narrow the watch', () => {
    const c = testClient()
    const events: WatchEvent[] = []
    c.cluster.watch({ method: 'GET', path: `${pods}/b` }, (e) => events.push(e))
    c.post(pods, pod('a'))
    c.post(pods, pod('b'))
    c.post('/api/v1/namespaces/kube-system/pods', pod('b'))
    expect(summary(events)).toEqual(['ADDED b'])
  })

  test('spec.nodeName watches (the watch cache trigger) see pods arrive on and leave their node', () => {
    const c = testClient()
    const onNode: WatchEvent[] = []
    const unscheduled: WatchEvent[] = []
    c.cluster.watch({ method: 'GET', path: '/api/v1/pods', query: { fieldSelector: 'spec.nodeName=node-1' } }, (e) => onNode.push(e))
    c.cluster.watch({ method: 'GET', path: '/api/v1/pods', query: { fieldSelector: 'spec.nodeName=' } }, (e) => unscheduled.push(e))
    c.post(pods, pod('a'))
    c.post(pods, pod('b'))
    c.post(`${pods}/a/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'a' }, target: { kind: 'Node', name: 'node-1' } })
    c.post(`${pods}/b/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'b' }, target: { kind: 'Node', name: 'node-2' } })
    c.del(`${pods}/a`, { gracePeriodSeconds: '0' })
    expect(summary(onNode)).toEqual(['ADDED a', 'DELETED a'])
    expect(summary(unscheduled)).toEqual(['ADDED a', 'ADDED b', 'DELETED a', 'DELETED b'])
  })

  test('timeoutSeconds ends the watch after that much virtual time', () => {
    const c = testClient()
    const events: WatchEvent[] = []
    const cms = '/api/v1/namespaces/default/configmaps'
    const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } })
    c.cluster.watch({ method: 'GET', path: cms, query: { timeoutSeconds: '30', labelSelector: 'demo' } }, (e) => events.push(e))
    c.post(cms, { ...cm('a'), metadata: { name: 'a', labels: { demo: 'x' } } })
    c.cluster.advance(30_000)
    c.post(cms, { ...cm('b'), metadata: { name: 'b', labels: { demo: 'x' } } })
    expect(summary(events)).toEqual(['ADDED a'])
  })

  test.each([
    { name: 'unknown resource', path: '/api/v1/namespaces/default/widgets', query: {}, code: 404 },
    { name: 'bad selector', path: pods, query: { labelSelector: 'a in' }, code: 400 },
    { name: 'future resourceVersion', path: pods, query: { resourceVersion: '100000' }, code: 504 },
    { name: 'unwatchable resource', path: '/api/v1/namespaces/default/bindings', query: {}, code: 405 },
  ])('$name is one ERROR event', ({ path, query, code }) => {
    const c = testClient()
    const events: WatchEvent[] = []
    const stop = c.cluster.watch({ method: 'GET', path, query }, (e) => events.push(e))
    stop()
    expect(summary(events)).toEqual([`ERROR ${code}`])
  })

  test('a watcher that throws breaks neither the server nor other watchers', () => {
    const c = testClient()
    const events: WatchEvent[] = []
    c.cluster.watch({ method: 'GET', path: pods }, () => {
      throw new Error('careless client')
    })
    c.cluster.watch({ method: 'GET', path: pods }, (e) => events.push(e))
    expect(c.post(pods, pod('a')).status).toBe(201)
    expect(summary(events)).toEqual(['ADDED a'])
  })

  test('handle() with watch=true explains that watches stream through watch()', () => {
    expect(testClient().get(pods, { watch: 'true' }).status).toBe(400)
  })
})
