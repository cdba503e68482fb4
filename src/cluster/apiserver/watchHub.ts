/**
 * Fan-out of store changes to watches, with the watch cache's triggers: a pod watch that
 * requires an exact spec.nodeName is only offered the changes of pods on that node (before or
 * after the change), so 5,000 kubelet watches do not each filter every pod event.
 * Mirrors staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go (triggerFunc, dispatchEvent)
 */
import type { ObjectStore, StoreEvent } from '../store/store'
import { podNodeName } from './selection'

/** One registered watch: it decides itself what to make of an offered change. */
export interface HubWatcher {
  /** The spec.nodeName this watch requires, if any (pods only). */
  nodeName?: string
  offer(e: StoreEvent): void
}

interface ResourceWatchers {
  all: Set<HubWatcher>
  byNode: Map<string, Set<HubWatcher>>
  unsubscribe: () => void
}

/** The hub's interface. */
export interface WatchHub {
  /** Register a watch on a resource's store key; returns its removal. */
  add(resource: string, w: HubWatcher): () => void
}

/** Create a hub over a store. */
export function createWatchHub(store: ObjectStore): WatchHub {
  const resources = new Map<string, ResourceWatchers>()

  function dispatch(r: ResourceWatchers, e: StoreEvent): void {
    for (const w of r.all) w.offer(e)
    if (r.byNode.size === 0) return
    const now = e.type === 'DELETED' ? undefined : podNodeName(e.object)
    const before = e.prev ? podNodeName(e.prev) : undefined
    const offered = new Set<HubWatcher>()
    for (const node of [now, before]) {
      if (node === undefined) continue
      const set = r.byNode.get(node)
      if (!set) continue
      for (const w of set) {
        if (offered.has(w)) continue
        offered.add(w)
        w.offer(e)
      }
    }
  }

  return {
    add(resource, w) {
      let r = resources.get(resource)
      if (!r) {
        const created: ResourceWatchers = { all: new Set(), byNode: new Map(), unsubscribe: () => {} }
        created.unsubscribe = store.subscribe(resource, (e) => dispatch(created, e))
        resources.set(resource, created)
        r = created
      }
      const entry = r
      if (w.nodeName === undefined) {
        entry.all.add(w)
      } else {
        let set = entry.byNode.get(w.nodeName)
        if (!set) entry.byNode.set(w.nodeName, (set = new Set()))
        set.add(w)
      }
      return () => {
        if (w.nodeName === undefined) entry.all.delete(w)
        else {
          const set = entry.byNode.get(w.nodeName)
          set?.delete(w)
          if (set && set.size === 0) entry.byNode.delete(w.nodeName)
        }
      }
    },
  }
}
