/**
 * get and list: one object, or a consistent, optionally paged list with label and field
 * selection and resourceVersion semantics.
 * Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/handlers/get.go and
 * staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go GetList
 */
import type { StoredObject } from '../../api/types'
import * as status from '../../api/status'
import type { ServerContext } from '../context'
import { getObject } from '../context'
import type { ApiRequest, ApiResponse } from '../request'
import { queryParam } from '../request'
import type { ResourceInfo } from '../resources'
import { groupVersion, storageKey } from '../resources'
import { buildSelection, nodeNameIndex } from '../selection'
import { decodeContinue, encodeContinue } from './continueToken'
import { respond, tooLargeResourceVersion } from './respond'

/** GET of one object. */
export function getOne(ctx: ServerContext, info: ResourceInfo, namespace: string | undefined, name: string): ApiResponse {
  const obj = getObject(ctx, info, namespace, name)
  if (!obj) return respond(status.notFound({ group: info.group, name: info.resource }, name))
  return { status: 200, body: obj }
}

const expiredContinue =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.'

function parseRv(v: string | undefined): number | undefined | 'invalid' {
  if (v === undefined || v === '') return undefined
  const n = Number(v)
  return Number.isInteger(n) && n >= 0 && /^\d+$/.test(v) ? n : 'invalid'
}

/** Strip apiVersion and kind from list items, as kube-apiserver's typed lists do. */
function asItem(obj: StoredObject): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, ...rest } = obj
  return rest
}

/** GET of a collection. */
export function list(ctx: ServerContext, info: ResourceInfo, namespace: string | undefined, req: ApiRequest): ApiResponse {
  const selection = buildSelection(info, queryParam(req, 'labelSelector'), queryParam(req, 'fieldSelector'))
  if ('kind' in selection) return respond(selection)
  const filter = selection.matches
  const current = ctx.store.revision()
  const rvParam = parseRv(queryParam(req, 'resourceVersion'))
  if (rvParam === 'invalid') return respond(status.badRequest(`invalid resource version: ${queryParam(req, 'resourceVersion') ?? ''}`))
  const match = queryParam(req, 'resourceVersionMatch')
  if (match !== undefined && match !== '' && match !== 'Exact' && match !== 'NotOlderThan') {
    return respond(status.badRequest(`resourceVersionMatch: Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`))
  }
  if (rvParam !== undefined && rvParam > current) return respond(tooLargeResourceVersion(rvParam, current))
  const limitText = queryParam(req, 'limit')
  const limit = limitText === undefined || limitText === '' ? 0 : Number(limitText)
  if (!Number.isInteger(limit) || limit < 0) return respond(status.badRequest(`limit: Invalid value: ${JSON.stringify(limitText)}: must be a non-negative integer`))
  const token = queryParam(req, 'continue')
  let readRv = current
  let start = ''
  if (token) {
    const c = decodeContinue(token)
    if (!c.ok) return respond(status.badRequest(c.error))
    readRv = c.rv
    start = c.start
  } else if (match === 'Exact' && rvParam !== undefined) {
    readRv = rvParam
  }
  const rkey = storageKey(info)
  const items: Record<string, unknown>[] = []
  let next: string | undefined
  let lastKey = ''
  let remaining: number | undefined
  const selected = !!queryParam(req, 'labelSelector') || !!queryParam(req, 'fieldSelector')
  // Returns false once the page is full and another match exists beyond it.
  // remainingAt(key) counts the objects from key on, for remainingItemCount.
  const take = (key: string, obj: StoredObject, remainingAt: (key: string) => number): boolean => {
    if (!filter(obj)) return true
    if (limit > 0 && items.length === limit) {
      // More match beyond this page: hand out a token for the rest, read at the same revision.
      next = encodeContinue(lastKey, readRv)
      if (!selected) remaining = remainingAt(key)
      return false
    }
    items.push(asItem(obj))
    lastKey = key
    return true
  }
  const keyOf = (obj: StoredObject): string => (info.namespaced ? `${obj.metadata.namespace ?? ''}/${obj.metadata.name}` : obj.metadata.name)
  const indexed = readRv === current && selection.nodeName !== undefined ? ctx.store.keysByIndex(rkey, nodeNameIndex, selection.nodeName) : undefined
  if (readRv === current && indexed) {
    // The pods-by-node index answers spec.nodeName= without reading every pod.
    const keys = [...indexed].filter((k) => k >= start && (namespace === undefined || k.startsWith(namespace + '/'))).sort()
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string
      if (!take(k, ctx.store.get(rkey, k) as StoredObject, () => keys.length - i)) break
    }
  } else if (readRv === current) {
    ctx.store.scan(rkey, namespace, start, (k, obj) => take(k, obj, (at) => ctx.store.countFrom(rkey, namespace, at)))
  } else {
    const objects = ctx.store.listAt(rkey, readRv, namespace)
    if (!objects) {
      return respond(token ? status.resourceExpired(expiredContinue) : status.resourceExpired(`too old resource version: ${readRv} (${ctx.store.compactedRevision()})`))
    }
    for (let i = 0; i < objects.length; i++) {
      const obj = objects[i] as StoredObject
      const k = keyOf(obj)
      if (start && k < start) continue
      if (!take(k, obj, () => objects.length - i)) break
    }
  }
  const metadata: Record<string, unknown> = { resourceVersion: String(readRv) }
  if (next) metadata.continue = next
  if (remaining !== undefined) metadata.remainingItemCount = remaining
  return { status: 200, body: { kind: `${info.kind}List`, apiVersion: groupVersion(info), metadata, items } }
}
