/**
 * A shared informer: one watch on a resource, a local cache of its objects, indexes, and
 * handlers told of every add, update and delete. Objects in the cache are the API server's
 * frozen objects: readers copy before changing (client-go listers say the same).
 * Mirrors staging/src/k8s.io/client-go/tools/cache/shared_informer.go
 */
import type { StoredObject } from '../../api/types'
import type { ApiServer } from '../../apiserver/apiserver'
import type { WatchEvent } from '../../apiserver/watch'

/** Handlers of changes to the cache; they should only queue keys. */
export interface EventHandlers<T> {
  add?(obj: T): void
  update?(oldObj: T, newObj: T): void
  delete?(obj: T): void
}

/** Index functions: an object's values under an index (e.g. its owners' uids). */
export type IndexFunc<T> = (obj: T) => readonly string[]

/** A shared informer's read side (the lister) and its handler registration. */
export interface Informer<T extends StoredObject = StoredObject> {
  /** One object by key: "namespace/name", or "name" for cluster-scoped kinds. */
  get(key: string): T | undefined
  /** Every cached object, in no particular order. */
  list(): T[]
  /** Objects of one namespace. */
  listNamespace(namespace: string): T[]
  /** Objects whose index value is `value`. */
  byIndex(index: string, value: string): T[]
  addHandlers(handlers: EventHandlers<T>): void
  addIndex(name: string, fn: IndexFunc<T>): void
  stop(): void
}

/** The cache key of an object (MetaNamespaceKeyFunc). */
export function keyOf(obj: { metadata?: { name?: string; namespace?: string } }): string {
  const m = obj.metadata ?? {}
  return m.namespace ? `${m.namespace}/${m.name ?? ''}` : (m.name ?? '')
}

/** Split a key into namespace and name. */
export function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/')
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) }
}

/** Start an informer on a collection path (e.g. "/api/v1/pods"), optionally with selectors. */
export function createInformer<T extends StoredObject = StoredObject>(
  api: ApiServer,
  path: string,
  query: Record<string, string> = {},
): Informer<T> {
  const cache = new Map<string, T>()
  const byNamespace = new Map<string, Set<string>>()
  const handlers: EventHandlers<T>[] = []
  const indexes = new Map<string, { fn: IndexFunc<T>; values: Map<string, Set<string>> }>()

  const indexAdd = (key: string, obj: T): void => {
    const ns = obj.metadata.namespace ?? ''
    let set = byNamespace.get(ns)
    if (!set) byNamespace.set(ns, (set = new Set()))
    set.add(key)
    for (const index of indexes.values()) {
      for (const v of index.fn(obj)) {
        let s = index.values.get(v)
        if (!s) index.values.set(v, (s = new Set()))
        s.add(key)
      }
    }
  }
  const indexRemove = (key: string, obj: T): void => {
    byNamespace.get(obj.metadata.namespace ?? '')?.delete(key)
    for (const index of indexes.values()) for (const v of index.fn(obj)) index.values.get(v)?.delete(key)
  }

  const onEvent = (e: WatchEvent): void => {
    if (e.type === 'ERROR') {
      // The watch ended (e.g. its history expired): list again from the current state.
      restart()
      return
    }
    const obj = e.object as T
    const key = keyOf(obj)
    const old = cache.get(key)
    if (e.type === 'DELETED') {
      if (!old) return
      cache.delete(key)
      indexRemove(key, old)
      for (const h of handlers) h.delete?.(obj)
      return
    }
    if (old) indexRemove(key, old)
    cache.set(key, obj)
    indexAdd(key, obj)
    for (const h of handlers) {
      if (old) h.update?.(old, obj)
      else h.add?.(obj)
    }
  }

  let stopWatch = api.watch({ method: 'GET', path, query: { ...query, resourceVersion: '0' } }, onEvent)

  function restart(): void {
    stopWatch()
    const before = new Map(cache)
    const seen = new Set<string>()
    stopWatch = api.watch({ method: 'GET', path, query: { ...query, resourceVersion: '0' } }, (e) => {
      if (e.type !== 'ERROR') seen.add(keyOf(e.object as T))
      onEvent(e)
    })
    // What the new list no longer holds was deleted while the watch was down.
    for (const [key, obj] of before) {
      if (seen.has(key) || !cache.has(key)) continue
      cache.delete(key)
      indexRemove(key, obj)
      for (const h of handlers) h.delete?.(obj)
    }
  }

  return {
    get: (key) => cache.get(key),
    list: () => [...cache.values()],
    listNamespace: (ns) => [...(byNamespace.get(ns) ?? [])].map((k) => cache.get(k) as T),
    byIndex: (name, value) => [...(indexes.get(name)?.values.get(value) ?? [])].map((k) => cache.get(k) as T),
    addHandlers(h) {
      handlers.push(h)
      // A late handler hears of what is already cached, as AddEventHandler replays.
      for (const obj of cache.values()) h.add?.(obj)
    },
    addIndex(name, fn) {
      const values = new Map<string, Set<string>>()
      indexes.set(name, { fn, values })
      for (const [key, obj] of cache) {
        for (const v of fn(obj)) {
          let s = values.get(v)
          if (!s) values.set(v, (s = new Set()))
          s.add(key)
        }
      }
    },
    stop: () => stopWatch(),
  }
}
