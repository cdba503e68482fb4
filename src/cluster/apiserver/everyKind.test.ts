/**
 * The acceptance path, for every kind served, through handle() and watch() alone:
 * create, list by label, patch with each patch type, update with a stale version, dry-run, delete.
 */
import { describe, expect, test } from 'vitest'
import { everyKind } from '../testing/fixtures'
import { messageOf, testClient } from '../testing/testClient'
import type { WatchEvent } from './watch'

type Obj = { metadata: { name: string; resourceVersion: string; labels?: Record<string, string>; annotations?: Record<string, string> } }

describe.each(everyKind)('$kind (API-7, API-12, API-14, API-15, API-19, API-21)', ({ kind, path, body }) => {
  const name = (body.metadata as { name: string }).name
  const one = `${path}/${name}`

  test('create, read back, list by label, watch the changes', () => {
    const c = testClient()
    const events: WatchEvent[] = []
    const stop = c.cluster.watch({ method: 'GET', path, query: { resourceVersion: String(Number((c.get(path).body as Obj).metadata.resourceVersion)) } }, (e) => events.push(e))
    const created = c.post(path, { ...body, metadata: { ...(body.metadata as object), labels: { tier: 'demo' } } })
    expect(created.status, messageOf(created)).toBe(201)
    const got = c.get(one)
    expect(got.status).toBe(200)
    expect(got.body).toEqual(created.body)
    expect((got.body as { kind: string }).kind).toBe(kind)
    const listed = c.get(path, { labelSelector: 'tier=demo' })
    expect((listed.body as { items: Obj[] }).items.map((i) => i.metadata.name)).toEqual([name])
    expect((c.get(path, { labelSelector: 'tier!=demo' }).body as { items: Obj[] }).items.map((i) => i.metadata.name)).not.toContain(name)
    stop()
    expect(events.map((e) => e.type)).toEqual(['ADDED'])
  })

  test.each([
    { type: 'merge' as const, patch: { metadata: { labels: { patched: 'merge' } } }, label: 'merge' },
    { type: 'strategic' as const, patch: { metadata: { labels: { patched: 'strategic' } } }, label: 'strategic' },
    { type: 'json' as const, patch: [{ op: 'add', path: '/metadata/labels', value: { patched: 'json' } }], label: 'json' },
  ])('patch with $type patch', ({ type, patch, label }) => {
    const c = testClient()
    const created = c.post(path, body)
    expect(created.status, messageOf(created)).toBe(201)
    const res = c.patch(one, type, patch)
    expect(res.status, messageOf(res)).toBe(200)
    const obj = res.body as Obj
    expect(obj.metadata.labels?.patched).toBe(label)
    expect(Number(obj.metadata.resourceVersion)).toBeGreaterThan(Number((created.body as Obj).metadata.resourceVersion))
  })

  test('update with a stale resourceVersion is a 409 Conflict', () => {
    const c = testClient()
    const created = c.post(path, body).body as Obj
    const first = c.put(one, { ...created, metadata: { ...created.metadata, annotations: { step: '1' } } })
    expect(first.status, messageOf(first)).toBe(200)
    const stale = c.put(one, { ...created, metadata: { ...created.metadata, annotations: { step: '2' } } })
    expect(stale.status).toBe(409)
    const resource = path.split('/').pop() ?? ''
    const qualified = path.startsWith('/apis/') ? `${resource}.${path.split('/')[2] ?? ''}` : resource
    expect(messageOf(stale)).toBe(
      `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    )
  })

  test('dry-run creates nothing and sends no event (API-21)', () => {
    const c = testClient()
    const events: WatchEvent[] = []
    const stop = c.cluster.watch({ method: 'GET', path, query: { resourceVersion: String(Number((c.get(path).body as Obj).metadata.resourceVersion)) } }, (e) => events.push(e))
    const res = c.post(path, body, { dryRun: 'All' })
    expect(res.status, messageOf(res)).toBe(201)
    expect((res.body as Obj).metadata.resourceVersion).toBeUndefined()
    expect(c.get(one).status).toBe(404)
    stop()
    expect(events).toEqual([])
  })

  test('delete, then it is gone', () => {
    const c = testClient()
    expect(c.post(path, body).status).toBe(201)
    const res = c.del(one)
    expect(res.status, messageOf(res)).toBe(200)
    if (kind === 'Namespace') {
      // Namespaces go Terminating until the namespace controller empties them (API-17).
      expect((c.get(one).body as { status: { phase: string } }).status.phase).toBe('Terminating')
      return
    }
    const after = c.get(one)
    expect(after.status).toBe(404)
  })
})
