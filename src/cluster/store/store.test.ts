import { describe, expect, test } from 'vitest'
import type { StoredObject } from '../api/types'
import { createStore, type StoreEvent } from './store'

const obj = (ns: string, name: string, extra: Record<string, unknown> = {}): StoredObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: ns, uid: `uid-${name}`, resourceVersion: '' },
  ...extra,
})

describe('object store (API-5)', () => {
  test('every write takes the next revision and stamps it as resourceVersion', () => {
    const s = createStore()
    const a = s.put('configmaps', 'default/a', obj('default', 'a'))
    const b = s.put('configmaps', 'default/b', obj('default', 'b'))
    const a2 = s.put('configmaps', 'default/a', obj('default', 'a', { data: { x: '1' } }))
    expect([a, b, a2].map((o) => o.metadata.resourceVersion)).toEqual(['1', '2', '3'])
    expect(s.revision()).toBe(3)
    const gone = s.remove('configmaps', 'default/b')
    expect(gone?.metadata.resourceVersion).toBe('4')
    expect(s.get('configmaps', 'default/b')).toBeUndefined()
  })

  test('stored objects are frozen, so readers cannot change the store', () => {
    const s = createStore()
    const a = s.put('configmaps', 'default/a', obj('default', 'a', { data: { x: '1' } }))
    expect(Object.isFrozen(a)).toBe(true)
    expect(() => {
      ;(a.data as Record<string, string>).x = '2'
    }).toThrow(TypeError)
  })

  test('lists are in key order and filter by namespace', () => {
    const s = createStore()
    for (const [ns, n] of [['zeta', 'a'], ['default', 'b'], ['default', 'a'], ['kube-system', 'c']] as const) s.put('configmaps', `${ns}/${n}`, obj(ns, n))
    expect(s.list('configmaps').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['default/a', 'default/b', 'kube-system/c', 'zeta/a'])
    expect(s.list('configmaps', 'default').map((o) => o.metadata.name)).toEqual(['a', 'b'])
  })

  test('listAt reconstructs an earlier revision from history (API-19)', () => {
    const s = createStore()
    s.put('configmaps', 'default/a', obj('default', 'a', { data: { v: '1' } }))
    s.put('configmaps', 'default/b', obj('default', 'b'))
    const rv = s.revision()
    s.put('configmaps', 'default/a', obj('default', 'a', { data: { v: '2' } }))
    s.remove('configmaps', 'default/b')
    s.put('configmaps', 'default/c', obj('default', 'c'))
    const then = s.listAt('configmaps', rv) ?? []
    expect(then.map((o) => [o.metadata.name, o.data])).toEqual([
      ['a', { v: '1' }],
      ['b', undefined],
    ])
  })

  test('history is bounded; reading before it is expired (API-20)', () => {
    const s = createStore({ historyLimit: 3 })
    for (let i = 0; i < 6; i++) s.put('configmaps', `default/o${i}`, obj('default', `o${i}`))
    expect(s.compactedRevision()).toBe(3)
    expect(s.eventsAfter('configmaps', 2)).toBe('expired')
    const events = s.eventsAfter('configmaps', 3)
    expect(events === 'expired' ? [] : events.map((e) => e.rv)).toEqual([4, 5, 6])
    expect(s.listAt('configmaps', 1)).toBeUndefined()
  })

  test('a listener that writes sees its own write after the current event, in order', () => {
    const s = createStore()
    const seen: string[] = []
    s.subscribe('configmaps', (e: StoreEvent) => {
      seen.push(`${e.type} ${e.key} ${e.rv}`)
      if (e.key === 'default/a' && e.type === 'ADDED') s.put('configmaps', 'default/b', obj('default', 'b'))
    })
    s.subscribe('configmaps', (e: StoreEvent) => seen.push(`second ${e.key}`))
    s.put('configmaps', 'default/a', obj('default', 'a'))
    expect(seen).toEqual(['ADDED default/a 1', 'second default/a', 'ADDED default/b 2', 'second default/b'])
  })

  test('a listener that throws does not stop delivery', () => {
    const errors: unknown[] = []
    const s = createStore({ onListenerError: (e) => errors.push(e) })
    const seen: number[] = []
    s.subscribe('configmaps', () => {
      throw new Error('bad listener')
    })
    s.subscribe('configmaps', (e) => seen.push(e.rv))
    s.put('configmaps', 'default/a', obj('default', 'a'))
    expect(seen).toEqual([1])
    expect(errors).toHaveLength(1)
  })

  test('scan starts at a key and stops when told; countFrom counts the rest (API-19)', () => {
    const s = createStore()
    for (const [ns, n] of [['a', '1'], ['a', '2'], ['a', '3'], ['b', '1']] as const) s.put('configmaps', `${ns}/${n}`, obj(ns, n))
    const seen: string[] = []
    s.scan('configmaps', 'a', 'a/2', (k) => {
      seen.push(k)
      return true
    })
    expect(seen).toEqual(['a/2', 'a/3'])
    const firstTwo: string[] = []
    s.scan('configmaps', undefined, '', (k) => (firstTwo.push(k), firstTwo.length < 2))
    expect(firstTwo).toEqual(['a/1', 'a/2'])
    expect(s.countFrom('configmaps', 'a', 'a/2')).toBe(2)
    expect(s.countFrom('configmaps', undefined, 'a/3')).toBe(2)
    expect(s.countFrom('configmaps', 'b', '')).toBe(1)
  })

  test('an index follows writes and deletes', () => {
    const s = createStore()
    s.addIndex('configmaps', 'tier', (o) => String((o.data as Record<string, string> | undefined)?.tier ?? ''))
    s.put('configmaps', 'default/a', obj('default', 'a', { data: { tier: 'web' } }))
    s.put('configmaps', 'default/b', obj('default', 'b', { data: { tier: 'db' } }))
    s.put('configmaps', 'default/a', obj('default', 'a', { data: { tier: 'db' } }))
    expect([...(s.keysByIndex('configmaps', 'tier', 'db') ?? [])].sort()).toEqual(['default/a', 'default/b'])
    expect([...(s.keysByIndex('configmaps', 'tier', 'web') ?? [])]).toEqual([])
    s.remove('configmaps', 'default/b')
    expect([...(s.keysByIndex('configmaps', 'tier', 'db') ?? [])]).toEqual(['default/a'])
    expect(s.keysByIndex('configmaps', 'nope', 'x')).toBeUndefined()
  })
})
