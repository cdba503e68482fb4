/**
 * The directives of strategic merge patch that are not list merging itself: $patch on a map,
 * $retainKeys, the $deleteFromPrimitiveList/ and $setElementOrder/ key prefixes, and the
 * clean-up of directives and nulls in values that are added whole.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
 * (handleDirectiveInMergeMap, applyRetainKeysDirective, extractKey, preprocessDeletionListForMerging,
 * validatePatchWithSetOrderList, mergeKeyValueEqual, removeDirectives, discardNullValuesFromPatch,
 * extractRetainKeysPatchStrategy).
 */
import type { JsonObject, JsonValue } from '../../api/types'
import { setMember } from '../../util/json'
import { isJsonObject } from './json'
import { goQuote } from '../../api/goFormat'
import { goV } from './goPrint'
import {
  errBadArgType,
  errBadPatchFormatForPrimitiveList,
  errBadPatchFormatForRetainKeys,
  errBadPatchFormatForSetElementOrderList,
  errBadPatchType,
  errInternal,
  errNoMergeKey,
  goMapType,
} from './smpErrors'
import { directiveMarker, extractToDeleteItems, ifaceEqual } from './smpOrder'

/** The directive listing the keys a map keeps. */
export const retainKeysDirective = '$retainKeys'
/** The key prefix of a parallel deletion list for a list of scalars. */
export const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList'
/** The key prefix of a parallel list that orders a merged list. */
export const setElementOrderPrefix = '$setElementOrder'

/** handleDirectiveInMergeMap: `$patch: replace` keeps the patch map as is, `delete` empties it. */
export function handleDirectiveInMergeMap(
  directive: JsonValue | undefined,
  patch: JsonObject,
): JsonObject {
  if (directive === 'replace') {
    delete patch[directiveMarker]
    return patch
  }
  if (directive === 'delete') return {}
  // `$patch: merge` is no accepted value on a map either.
  throw errBadPatchType(directive, patch)
}

/**
 * applyRetainKeysDirective (server side): every non-null key of the patch must be listed, and
 * the keys of the original that are not listed are cleared.
 */
export function applyRetainKeysDirective(original: JsonObject, patch: JsonObject): void {
  if (!Object.hasOwn(patch, retainKeysDirective)) return
  const list = patch[retainKeysDirective]
  delete patch[retainKeysDirective]
  if (!Array.isArray(list)) throw errBadPatchFormatForRetainKeys()
  const retained = (k: string): boolean => list.some((v) => ifaceEqual(v, k))
  for (const [k, v] of Object.entries(patch)) {
    if (
      v === null ||
      k.startsWith(deleteFromPrimitiveListPrefix) ||
      k.startsWith(setElementOrderPrefix)
    )
      continue
    if (!retained(k)) throw errBadPatchFormatForRetainKeys()
  }
  for (const k of Object.keys(original)) if (!retained(k)) delete original[k]
}

/** extractKey: "$setElementOrder/containers" → "containers"; a bad prefix is a 400. */
export function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/')
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === deleteFromPrimitiveListPrefix) throw errBadPatchFormatForPrimitiveList()
    if (prefix === setElementOrderPrefix) throw errBadPatchFormatForSetElementOrderList()
    throw errInternal(`fail to find unknown prefix ${goQuote(prefix)} in ${s}\n`)
  }
  return s.slice(slash + 1)
}

/** preprocessDeletionListForMerging (server side): is this key a parallel deletion list, for which field? */
export function deletionListKey(key: string): { isDeleteList: boolean; noPrefixKey: string } {
  if (!key.startsWith(deleteFromPrimitiveListPrefix))
    return { isDeleteList: false, noPrefixKey: '' }
  return { isDeleteList: true, noPrefixKey: extractKey(key, deleteFromPrimitiveListPrefix) }
}

/** mergeKeyValueEqual: scalars by value, maps by their merge key (which both must hold). */
function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return ifaceEqual(left, right)
  if (!isJsonObject(left)) throw errBadArgType(goMapType, left)
  if (!isJsonObject(right)) throw errBadArgType(goMapType, right)
  if (!Object.hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey)
  if (!Object.hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey)
  return ifaceEqual(left[mergeKey], right[mergeKey])
}

/**
 * validatePatchWithSetOrderList: the patch list's items (deletions and directives aside) appear
 * in the $setElementOrder list, in the same relative order.
 */
export function validatePatchWithSetOrderList(
  patchList: JsonValue[],
  setOrderList: JsonValue[],
  mergeKey: string,
): void {
  if (setOrderList.length === 0 || patchList.length === 0) return
  const nonDelete = mergeKey !== '' ? extractToDeleteItems(patchList).nonDelete : patchList
  let p = 0
  let s = 0
  while (p < nonDelete.length && s < setOrderList.length) {
    const item = nonDelete[p] ?? null
    if (isJsonObject(item) && Object.hasOwn(item, directiveMarker)) {
      p++
      continue
    }
    if (mergeKeyValueEqual(item, setOrderList[s] ?? null, mergeKey)) p++
    s++
  }
  if (p < nonDelete.length && s >= setOrderList.length) {
    throw errInternal(
      `The order in patch list:\n${goV(patchList)}\n doesn't match ${setElementOrderPrefix} list:\n${goV(setOrderList)}\n`,
    )
  }
}

/**
 * removeDirectives: a map carrying $patch is dropped, lists lose such items, recursively.
 * Returns undefined when the value itself is to be dropped. Changes the value in place.
 */
export function removeDirectives(v: JsonValue): JsonValue | undefined {
  if (Array.isArray(v)) {
    const kept: JsonValue[] = []
    for (const x of v) {
      const y = removeDirectives(x)
      if (y !== undefined) kept.push(y)
    }
    return kept
  }
  if (isJsonObject(v)) {
    if (Object.hasOwn(v, directiveMarker)) return undefined
    for (const [k, x] of Object.entries(v)) {
      const y = removeDirectives(x)
      if (y === undefined) delete v[k]
      else setMember(v, k, y)
    }
  }
  return v
}

/** discardNullValuesFromPatch: drop null members of maps, at any depth (null list items stay). */
export function discardNullValues(v: JsonValue): void {
  if (Array.isArray(v)) v.forEach(discardNullValues)
  else if (isJsonObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k]
      else discardNullValues(x)
    }
  }
}

/** extractRetainKeysPatchStrategy: the strategy besides retainKeys ("" when none). */
export function otherPatchStrategy(strategies: readonly string[]): string {
  if (strategies.length === 0) return ''
  if (strategies.length === 1) return strategies[0] === 'retainKeys' ? '' : (strategies[0] ?? '')
  if (strategies.length === 2) {
    if (strategies[0] === 'retainKeys') return strategies[1] ?? ''
    if (strategies[1] === 'retainKeys') return strategies[0] ?? ''
  }
  throw errInternal(`unexpected patch strategy: [${strategies.join(' ')}]`)
}
