/**
 * watch: a stream of ADDED, MODIFIED and DELETED events for a resource, from any retained
 * resourceVersion, filtered by namespace and selectors as the watch cache filters them (an
 * object that stops matching is reported DELETED, one that starts matching ADDED).
 * Mirrors staging/src/k8s.io/apiserver/pkg/storage/cacher/cache_watcher.go convertToWatchEvent
 */
import type { Status, StoredObject } from '../api/types'
import * as status from '../api/status'
import type { StoreEvent } from '../store/store'
import type { ServerContext } from './context'
import type { ApiRequest } from './request'
import { queryParam } from './request'
import type { ResourceInfo } from './resources'
import { storageKey } from './resources'
import { buildSelection, type ObjectFilter } from './selection'
import { tooLargeResourceVersion } from './handlers/respond'

/** One watch event, as the watch stream carries it. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR'
  object: StoredObject | Status
}

/** Receives watch events in resourceVersion order. */
export type WatchHandler = (event: WatchEvent) => void

function withRv(obj: StoredObject, rv: number): StoredObject {
  return Object.freeze({ ...obj, metadata: Object.freeze({ ...obj.metadata, resourceVersion: String(rv) }) }) as StoredObject
}

/** Translate a store event into what this watcher sees, or nothing. */
function convert(e: StoreEvent, matches: ObjectFilter, namespace: string | undefined): WatchEvent | undefined {
  if (namespace !== undefined && e.object.metadata.namespace !== namespace) return undefined
  const cur = e.type !== 'DELETED' && matches(e.object)
  const old = e.prev !== undefined && matches(e.prev)
  if (e.type === 'ADDED') return cur ? { type: 'ADDED', object: e.object } : undefined
  if (e.type === 'DELETED') return old ? { type: 'DELETED', object: e.object } : undefined
  if (cur && old) return { type: 'MODIFIED', object: e.object }
  if (cur) return { type: 'ADDED', object: e.object }
  // Leaving the selection: the previous content, stamped with this change's revision.
  if (old && e.prev) return { type: 'DELETED', object: withRv(e.prev, e.rv) }
  return undefined
}

/**
 * Start a watch; returns stop(). Errors (bad selector, expired resourceVersion) arrive as one
 * ERROR event carrying a Status, after which the watch is over.
 */
export function startWatch(ctx: ServerContext, info: ResourceInfo, namespace: string | undefined, name: string | undefined, req: ApiRequest, handler: WatchHandler): () => void {
  const fail = (s: Status): (() => void) => {
    handler({ type: 'ERROR', object: s })
    return () => {}
  }
  let fieldSelector = queryParam(req, 'fieldSelector')
  if (name !== undefined) fieldSelector = fieldSelector ? `${fieldSelector},metadata.name=${name}` : `metadata.name=${name}`
  const selection = buildSelection(info, queryParam(req, 'labelSelector'), fieldSelector)
  if ('kind' in selection) return fail(selection)
  const matches = selection.matches
  const rvText = queryParam(req, 'resourceVersion')
  const rkey = storageKey(info)
  const current = ctx.store.revision()
  let startRv: number | undefined
  if (rvText !== undefined && rvText !== '' && rvText !== '0') {
    if (!/^\d+$/.test(rvText)) return fail(status.badRequest(`invalid resource version: ${rvText}`))
    startRv = Number(rvText)
    if (startRv > current) return fail(tooLargeResourceVersion(startRv, current))
  }
  let stopped = false
  let timer: number | undefined
  const deliver = (e: WatchEvent): void => {
    if (!stopped) handler(e)
  }
  if (startRv === undefined) {
    // Unset or "0": the current state as synthetic ADDED events, then changes.
    for (const obj of ctx.store.list(rkey, namespace)) if (matches(obj)) deliver({ type: 'ADDED', object: obj })
  } else {
    const events = ctx.store.eventsAfter(rkey, startRv)
    if (events === 'expired') {
      return fail(status.resourceExpired(`too old resource version: ${startRv} (${ctx.store.compactedRevision()})`))
    }
    for (const e of events) {
      const w = convert(e, matches, namespace)
      if (w) deliver(w)
    }
  }
  const unsubscribe = ctx.watchers.add(rkey, {
    ...(selection.nodeName !== undefined ? { nodeName: selection.nodeName } : {}),
    offer: (e) => {
      const w = convert(e, matches, namespace)
      if (w) deliver(w)
    },
  })
  const stop = (): void => {
    if (stopped) return
    stopped = true
    unsubscribe()
    if (timer !== undefined) ctx.clock.cancel(timer)
  }
  const timeout = Number(queryParam(req, 'timeoutSeconds'))
  if (Number.isFinite(timeout) && timeout > 0) timer = ctx.clock.after(timeout * 1000, 'watch timeout', stop)
  return stop
}
