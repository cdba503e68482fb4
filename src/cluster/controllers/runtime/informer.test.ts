import { describe, expect, test } from 'vitest'
import { testClient } from '../../testing/testClient'
import { pod } from '../../testing/fixtures'
import { createInformer } from './informer'
import { createClient } from './apiClient'
import { createEventRecorder } from './events'
import { createClock } from '../../clock'
import { testServer } from '../../testing/testServer'

const api = testServer

describe('shared informer (CTRL-3)', () => {
  test('caches objects and tells handlers of adds, updates and deletes', () => {
    const { server } = api()
    const client = createClient(server)
    client.create('Pod', 'default', pod('a'))
    const inf = createInformer(server, '/api/v1/pods')
    const seen: string[] = []
    inf.addHandlers({
      add: (o) => seen.push(`add ${o.metadata.name}`),
      update: (_o, n) => seen.push(`update ${n.metadata.name}`),
      delete: (o) => seen.push(`delete ${o.metadata.name}`),
    })
    client.create('Pod', 'default', pod('b'))
    client.patch('Pod', 'default', 'a', { metadata: { labels: { x: 'y' } } })
    client.delete('Pod', 'default', 'b')
    expect(seen).toEqual(['add a', 'add b', 'update a', 'delete b'])
    expect(inf.list().map((p) => p.metadata.name)).toEqual(['a'])
    expect(inf.get('default/a')?.metadata.labels).toEqual({ run: 'a', x: 'y' })
    expect(inf.listNamespace('default')).toHaveLength(1)
  })

  test('indexes follow the cache', () => {
    const { server } = api()
    const client = createClient(server)
    const inf = createInformer(server, '/api/v1/pods')
    inf.addIndex('byImage', (p) => ((p.spec as { containers: { image: string }[] }).containers ?? []).map((c) => c.image))
    client.create('Pod', 'default', pod('a', 'nginx'))
    client.create('Pod', 'default', pod('b', 'redis'))
    expect(inf.byIndex('byImage', 'nginx').map((p) => p.metadata.name)).toEqual(['a'])
    client.delete('Pod', 'default', 'a')
    expect(inf.byIndex('byImage', 'nginx')).toEqual([])
  })
})

describe('event recorder (CTRL-4)', () => {
  test('records an Event and counts repeats instead of duplicating', () => {
    const c = testClient()
    const client = createClient(c.cluster)
    const created = client.create('Pod', 'default', pod('web'))
    if (!created.ok) throw new Error('create failed')
    const clock = createClock(Date.UTC(2026, 0, 1, 0, 1))
    const rec = createEventRecorder(client, clock, 'kubelet', 'node-1')
    rec.event(created.object, 'Normal', 'Pulling', 'Pulling image "nginx:1.25"')
    clock.advance(10_000)
    rec.event(created.object, 'Normal', 'Pulling', 'Pulling image "nginx:1.25"')
    rec.event(created.object, 'Warning', 'BackOff', 'Back-off restarting failed container web in pod web_default(x)')
    const events = (c.get('/api/v1/namespaces/default/events', { fieldSelector: 'involvedObject.name=web' }).body as { items: { reason: string; count: number; firstTimestamp: string; lastTimestamp: string; source: unknown; involvedObject: { name: string } }[] }).items
    expect(events.map((e) => [e.reason, e.count, e.involvedObject.name])).toEqual([
      ['Pulling', 2, 'web'],
      ['BackOff', 1, 'web'],
    ])
    expect(events[0]).toMatchObject({ firstTimestamp: '2026-01-01T00:01:00Z', lastTimestamp: '2026-01-01T00:01:10Z', source: { component: 'kubelet', host: 'node-1' } })
  })
})
