/**
 * The versioned object store, in the manner of etcd under kube-apiserver: one global
 * revision, a resourceVersion per write, a bounded history of changes for watches and
 * consistent paged lists. Objects are frozen once stored: readers share them and must copy
 * before changing (as client-go listers require).
 */
import type { StoredObject } from '../api/types'
import { deepFreeze } from '../util/json'

/** The three kinds of change a watch reports. */
export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED'

/** One committed change. */
export interface StoreEvent {
  type: EventType
  /** The revision of this change. */
  rv: number
  /** The resource's storage key, e.g. "pods" or "apps/deployments". */
  resource: string
  /** namespace/name, or name for cluster-scoped objects. */
  key: string
  /** The object after the change (for DELETED: its last state, stamped with the delete revision). */
  object: StoredObject
  /** The object before the change (MODIFIED and DELETED). */
  prev?: StoredObject
}

/** Receives committed changes of one resource, in revision order. */
export type StoreListener = (event: StoreEvent) => void

/** Options for createStore. */
export interface StoreOptions {
  /** How many events the history keeps; older ones are compacted away (default 20,000). */
  historyLimit?: number
  /** Told when a listener throws; delivery goes on to the other listeners. */
  onListenerError?: (error: unknown) => void
}

/** The store's interface. */
export interface ObjectStore {
  /** The current revision (0 before any write). */
  revision(): number
  /** The revision up to which history has been compacted (watches must start at or after it). */
  compactedRevision(): number
  get(resource: string, key: string): StoredObject | undefined
  /** Objects of a resource in key order, optionally in one namespace. */
  list(resource: string, namespace?: string): StoredObject[]
  /**
   * Visit objects of a resource in key order, starting at the first key >= `from` (binary
   * search, so paging costs a page, not a rescan); stop when visit returns false.
   */
  scan(resource: string, namespace: string | undefined, from: string, visit: (key: string, obj: StoredObject) => boolean): void
  /** How many keys of a resource (in a namespace) sort at or after `from`. */
  countFrom(resource: string, namespace: string | undefined, from: string): number
  /** Keep an index of a resource's objects by a value computed from each (e.g. spec.nodeName). */
  addIndex(resource: string, name: string, valueOf: (obj: StoredObject) => string): void
  /** Keys of the objects whose indexed value is `value`, unordered; undefined if no such index. */
  keysByIndex(resource: string, name: string, value: string): ReadonlySet<string> | undefined
  /** Objects of a resource as they were at revision rv, in key order; undefined if compacted. */
  listAt(resource: string, rv: number, namespace?: string): StoredObject[] | undefined
  /** How many objects a resource holds. */
  count(resource: string): number
  /** Write a new or changed object; stamps and returns it with a new resourceVersion. */
  put(resource: string, key: string, obj: StoredObject): StoredObject
  /** Remove an object; returns its last state stamped with the delete revision. */
  remove(resource: string, key: string): StoredObject | undefined
  /** Changes of a resource after revision rv from history, or 'expired' if compacted. */
  eventsAfter(resource: string, rv: number): StoreEvent[] | 'expired'
  /** Listen to committed changes of one resource. */
  subscribe(resource: string, listener: StoreListener): () => void
}

function stamp(obj: StoredObject, rv: number): StoredObject {
  return deepFreeze({ ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } })
}

function inNamespace(key: string, namespace: string | undefined): boolean {
  return namespace === undefined || key.startsWith(namespace + '/')
}

/** Create an empty store. */
export function createStore(options: StoreOptions = {}): ObjectStore {
  const historyLimit = Math.max(1, options.historyLimit ?? 20_000)
  const data = new Map<string, Map<string, StoredObject>>()
  const sortedKeys = new Map<string, string[]>()
  const history: StoreEvent[] = []
  let historyStart = 0
  let revision = 0
  let compacted = 0
  const listeners = new Map<string, Set<StoreListener>>()
  interface Index {
    valueOf: (obj: StoredObject) => string
    keys: Map<string, Set<string>>
  }
  const indexes = new Map<string, Map<string, Index>>()

  function reindex(resource: string, key: string, prev: StoredObject | undefined, next: StoredObject | undefined): void {
    const forResource = indexes.get(resource)
    if (!forResource) return
    for (const index of forResource.values()) {
      const before = prev ? index.valueOf(prev) : undefined
      const after = next ? index.valueOf(next) : undefined
      if (before === after) continue
      if (before !== undefined) index.keys.get(before)?.delete(key)
      if (after !== undefined) {
        let set = index.keys.get(after)
        if (!set) index.keys.set(after, (set = new Set()))
        set.add(key)
      }
    }
  }

  function lowerBound(keys: string[], from: string): number {
    let lo = 0
    let hi = keys.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((keys[mid] as string) < from) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  // Changes are delivered in revision order even when a listener writes while being told
  // of a change: nested writes queue here and the outermost delivery drains them.
  const pending: StoreEvent[] = []
  let delivering = false

  const table = (resource: string): Map<string, StoredObject> => {
    let t = data.get(resource)
    if (!t) {
      t = new Map()
      data.set(resource, t)
    }
    return t
  }

  const keysOf = (resource: string): string[] => {
    let keys = sortedKeys.get(resource)
    if (!keys) {
      keys = [...table(resource).keys()].sort()
      sortedKeys.set(resource, keys)
    }
    return keys
  }

  function record(event: StoreEvent): void {
    history.push(event)
    if (history.length - historyStart > historyLimit) {
      const dropped = history[historyStart]
      if (dropped) compacted = dropped.rv
      historyStart++
      // Reclaim the array's head now and then rather than shifting on every write.
      if (historyStart > 4096 && historyStart * 2 > history.length) {
        history.splice(0, historyStart)
        historyStart = 0
      }
    }
    pending.push(event)
    if (delivering) return
    delivering = true
    try {
      for (let e = pending.shift(); e; e = pending.shift()) {
        const set = listeners.get(e.resource)
        if (set)
          for (const l of [...set]) {
            try {
              l(e)
            } catch (error) {
              options.onListenerError?.(error)
            }
          }
      }
    } finally {
      delivering = false
    }
  }

  const store: ObjectStore = {
    revision: () => revision,
    compactedRevision: () => compacted,
    get: (resource, key) => data.get(resource)?.get(key),
    list(resource, namespace) {
      const t = table(resource)
      const out: StoredObject[] = []
      for (const k of keysOf(resource)) if (inNamespace(k, namespace)) out.push(t.get(k) as StoredObject)
      return out
    },
    scan(resource, namespace, from, visit) {
      const t = table(resource)
      const keys = keysOf(resource)
      const prefix = namespace === undefined ? '' : namespace + '/'
      const start = from > prefix ? from : prefix
      for (let i = lowerBound(keys, start); i < keys.length; i++) {
        const k = keys[i] as string
        if (prefix && !k.startsWith(prefix)) break
        if (!visit(k, t.get(k) as StoredObject)) break
      }
    },
    countFrom(resource, namespace, from) {
      const keys = keysOf(resource)
      // "ns/" keys end before "ns0": '0' is the character after '/'.
      const end = namespace === undefined ? keys.length : lowerBound(keys, namespace + '0')
      const start = lowerBound(keys, namespace === undefined || from > namespace + '/' ? from : namespace + '/')
      return Math.max(0, end - start)
    },
    addIndex(resource, name, valueOf) {
      let forResource = indexes.get(resource)
      if (!forResource) indexes.set(resource, (forResource = new Map()))
      const index: Index = { valueOf, keys: new Map() }
      forResource.set(name, index)
      for (const [k, obj] of table(resource)) {
        const v = valueOf(obj)
        let set = index.keys.get(v)
        if (!set) index.keys.set(v, (set = new Set()))
        set.add(k)
      }
    },
    keysByIndex(resource, name, value) {
      const index = indexes.get(resource)?.get(name)
      if (!index) return undefined
      return index.keys.get(value) ?? new Set()
    },
    listAt(resource, rv, namespace) {
      if (rv >= revision) return store.list(resource, namespace)
      const events = store.eventsAfter(resource, rv)
      if (events === 'expired') return undefined
      const state = new Map(table(resource))
      // Undo the changes made after rv, newest first.
      for (let i = events.length - 1; i >= 0; i--) {
        const e = events[i] as StoreEvent
        if (e.type === 'ADDED') state.delete(e.key)
        else if (e.prev) state.set(e.key, e.prev)
      }
      return [...state.keys()]
        .filter((k) => inNamespace(k, namespace))
        .sort()
        .map((k) => state.get(k) as StoredObject)
    },
    count: (resource) => data.get(resource)?.size ?? 0,
    put(resource, key, obj) {
      const t = table(resource)
      const prev = t.get(key)
      const stored = stamp(obj, ++revision)
      t.set(key, stored)
      reindex(resource, key, prev, stored)
      if (!prev) sortedKeys.delete(resource)
      record(prev ? { type: 'MODIFIED', rv: revision, resource, key, object: stored, prev } : { type: 'ADDED', rv: revision, resource, key, object: stored })
      return stored
    },
    remove(resource, key) {
      const t = table(resource)
      const prev = t.get(key)
      if (!prev) return undefined
      t.delete(key)
      reindex(resource, key, prev, undefined)
      sortedKeys.delete(resource)
      const last = stamp(prev, ++revision)
      record({ type: 'DELETED', rv: revision, resource, key, object: last, prev })
      return last
    },
    eventsAfter(resource, rv) {
      if (rv < compacted) return 'expired'
      const out: StoreEvent[] = []
      // History is in revision order: binary-search the first event after rv.
      let lo = historyStart
      let hi = history.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if ((history[mid] as StoreEvent).rv <= rv) lo = mid + 1
        else hi = mid
      }
      for (let i = lo; i < history.length; i++) {
        const e = history[i] as StoreEvent
        if (e.resource === resource) out.push(e)
      }
      return out
    },
    subscribe(resource, listener) {
      let set = listeners.get(resource)
      if (!set) {
        set = new Set()
        listeners.set(resource, set)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
  }
  return store
}
