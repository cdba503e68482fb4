/**
 * List helpers of strategic merge patch: element kinds, merge-key lookups, deduplication and the
 * order a merged list ends up in ($setElementOrder > order in the patch > order on the server).
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (sliceElementType,
 * deduplicateScalars, normalizeElementOrder, normalizeSliceOrder, mergeSortedSlice, index,
 * partition*ByPresentInList, findMapInSliceBasedOnKeyValue, deleteFromSlice, extractToDeleteItems,
 * validateMergeKeyInLists).
 */
import type { JsonObject, JsonValue } from '../../api/types'
import { isJsonObject } from './json'
import { goTypeName, goV } from './goPrint'
import { sliceStable } from './goSort'
import { errBadArgType, errInternal, errNoListOfLists, errNoMergeKey, goMapType } from './smpErrors'

/** The reflect.Kind of list elements that matters here: map, or a scalar kind. */
export type ElementKind = 'map' | 'scalar'

/** The directive key. */
export const directiveMarker = '$patch'

/** Go interface equality (==) of two decoded values; undefined is a missing map entry (nil). */
export function ifaceEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const x = a ?? null
  const y = b ?? null
  // Maps and slices are not comparable in Go (it would panic); they never match here.
  if (typeof x === 'object' && x !== null) return false
  return x === y
}

/** sliceElementType: all elements of all lists share one Go type, which is not a list. */
export function sliceElementType(...slices: JsonValue[][]): ElementKind {
  let prev: string | undefined
  for (const s of slices) {
    for (const v of s) {
      const cur = goTypeName(v)
      if (prev === undefined) {
        // reflect.TypeOf(nil).Kind() panics upstream; the recovered panic is a 500.
        if (v === null)
          throw errInternal('runtime error: invalid memory address or nil pointer dereference')
        prev = cur
        if (Array.isArray(v)) throw errNoListOfLists()
      } else if (prev !== cur) {
        throw errInternal(`list element types are not identical: ${goV(slices)}`)
      }
    }
  }
  if (prev === undefined) throw errInternal('no elements in any of the given slices')
  return prev === goMapType ? 'map' : 'scalar'
}

/** deduplicateScalars, with its order-changing swap of the last element into a duplicate's place. */
export function deduplicateScalars(input: JsonValue[]): JsonValue[] {
  const s = [...input]
  let length = s.length - 1
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (ifaceEqual(s[i], s[j])) {
        s[j] = s[length] ?? null
        s.length = length
        length--
        j--
      }
    }
  }
  return s
}

/** deleteFromSlice: the scalars of current not in toDelete. */
export function deleteFromSlice(current: JsonValue[], toDelete: JsonValue[]): JsonValue[] {
  return current.filter((v) => !toDelete.some((d) => ifaceEqual(d, v)))
}

/** findMapInSliceBasedOnKeyValue: the first map whose merge key holds value. */
export function findMapInSlice(m: JsonValue[], key: string, value: JsonValue | undefined): number {
  for (let k = 0; k < m.length; k++) {
    const v = m[k] ?? null
    if (!isJsonObject(v)) throw errInternal(`value for key ${k} is not a map.`)
    if (Object.hasOwn(v, key) && ifaceEqual(v[key], value)) return k
  }
  return -1
}

/** validateMergeKeyInLists: every item is a map holding the merge key. */
function validateMergeKeyInLists(mergeKey: string, ...lists: JsonValue[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) throw errBadArgType(goMapType, item)
      if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey)
    }
  }
}

/** extractToDeleteItems: split off the items carrying `$patch: delete`. */
export function extractToDeleteItems(l: JsonValue[]): {
  nonDelete: JsonValue[]
  toDelete: JsonValue[]
} {
  const nonDelete: JsonValue[] = []
  const toDelete: JsonValue[] = []
  for (const v of l) {
    if (!isJsonObject(v)) throw errBadArgType(goMapType, v)
    if (Object.hasOwn(v, directiveMarker) && v[directiveMarker] === 'delete') toDelete.push(v)
    else nonDelete.push(v)
  }
  return { nonDelete, toDelete }
}

/** index: where an item (by merge key for maps) sits in a list, or -1. */
function index(l: JsonValue[], val: JsonValue, mergeKey: string, kind: ElementKind): number {
  const key = (item: JsonValue): JsonValue | undefined =>
    kind === 'map' ? (isJsonObject(item) ? item[mergeKey] : undefined) : item
  const want = key(val)
  return l.findIndex((v) => ifaceEqual(want, key(v)))
}

/** normalizeSliceOrder: sort toSort by order (stable), the `$patch: delete` items last. */
function normalizeSliceOrder(
  toSort: JsonValue[],
  order: JsonValue[],
  mergeKey: string,
  kind: ElementKind,
): JsonValue[] {
  let items = [...toSort]
  let toDelete: JsonValue[] = []
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, items, order)
    ;({ nonDelete: items, toDelete } = extractToDeleteItems(items))
  }
  // Not a strict order when an item is missing from `order`: only Go's own algorithm agrees.
  sliceStable(items, (a, b) => {
    const ia = index(order, a, mergeKey, kind)
    if (ia >= 0) {
      const ib = index(order, b, mergeKey, kind)
      if (ib >= 0) return ia < ib
    }
    return true
  })
  return [...items, ...toDelete]
}

/**
 * mergeSortedSlice: interleave the server-only items (left) into the patch items (right), both
 * already sorted; a pair is ordered by the server order when both are on the server, otherwise
 * the patch item comes first (which is why new items land at the front).
 */
function mergeSortedSlice(
  left: JsonValue[],
  right: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: ElementKind,
): JsonValue[] {
  const out: JsonValue[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    const l = left[i] ?? null
    const r = right[j] ?? null
    if (i >= left.length) out.push(right[j++] ?? null)
    else if (j >= right.length) out.push(left[i++] ?? null)
    else {
      const li = index(serverOrder, l, mergeKey, kind)
      const ri = index(serverOrder, r, mergeKey, kind)
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++] ?? null)
      else out.push(right[j++] ?? null)
    }
  }
  return out
}

/** normalizeElementOrder: patch items sorted by patchOrder, server-only ones by serverOrder, merged. */
export function normalizeElementOrder(
  patch: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: ElementKind,
): JsonValue[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind)
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind)
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind)
}

/** partitionPrimitivesByPresentInList */
export function partitionPrimitives(
  original: JsonValue[],
  partitionBy: JsonValue[],
): { patch: JsonValue[]; serverOnly: JsonValue[] } {
  const patch: JsonValue[] = []
  const serverOnly: JsonValue[] = []
  for (const v of original) (partitionBy.some((p) => ifaceEqual(p, v)) ? patch : serverOnly).push(v)
  return { patch, serverOnly }
}

/** partitionMapsByPresentInList: by merge key; every item must hold it. */
export function partitionMaps(
  original: JsonValue[],
  partitionBy: JsonValue[],
  mergeKey: string,
): { patch: JsonValue[]; serverOnly: JsonValue[] } {
  const patch: JsonValue[] = []
  const serverOnly: JsonValue[] = []
  for (const v of original) {
    if (!isJsonObject(v)) throw errBadArgType(goMapType, v)
    if (!Object.hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey)
    ;(findMapInSlice(partitionBy, mergeKey, v[mergeKey]) >= 0 ? patch : serverOnly).push(v)
  }
  return { patch, serverOnly }
}

/** Partition by merge key for maps, by value for scalars (mergeKey ""). */
export function partition(
  merged: JsonValue[],
  by: JsonValue[],
  mergeKey: string,
): { patch: JsonValue[]; serverOnly: JsonValue[] } {
  return mergeKey === '' ? partitionPrimitives(merged, by) : partitionMaps(merged, by, mergeKey)
}

/** A map in a list, typed for callers that checked it. */
export function asMap(v: JsonValue | undefined): JsonObject {
  if (!isJsonObject(v)) throw errBadArgType(goMapType, v)
  return v
}
