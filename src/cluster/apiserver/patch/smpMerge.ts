/**
 * The recursive core of strategic merge patch as the API server runs it (MergeParallelList and
 * IgnoreUnmatchedNulls on): maps merge key by key, lists merge by their patch strategy.
 * Works in place on copies the entry point made.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (mergeMap,
 * mergePatchIntoOriginal, mergeMapHandler, mergeSliceHandler, mergeSlice,
 * mergeSliceWithSpecialElements, deleteMatchingEntries, mergeSliceWithoutSpecialElements).
 */
import type { JsonObject, JsonValue } from '../../api/types'
import { setMember } from '../../util/json'
import { isJsonObject } from './json'
import { goTypeName } from './goPrint'
import { lookupPatchMeta, patchMetaKindName, type PatchMeta } from './patchMetaModel'
import {
  errBadArgType,
  errBadPatchType,
  errInternal,
  errNoMergeKey,
  goSliceType,
} from './smpErrors'
import {
  applyRetainKeysDirective,
  deletionListKey,
  discardNullValues,
  extractKey,
  handleDirectiveInMergeMap,
  otherPatchStrategy,
  removeDirectives,
  setElementOrderPrefix,
  validatePatchWithSetOrderList,
} from './smpDirectives'
import {
  asMap,
  deduplicateScalars,
  deleteFromSlice,
  directiveMarker,
  findMapInSlice,
  normalizeElementOrder,
  partition,
  sliceElementType,
} from './smpOrder'

/** Merges patch into original (both changed in place) and returns the merged map. */
export function mergeMap(original: JsonObject, patch: JsonObject, schema: PatchMeta): JsonObject {
  if (Object.hasOwn(patch, directiveMarker))
    return handleDirectiveInMergeMap(patch[directiveMarker], patch)
  applyRetainKeysDirective(original, patch)
  mergePatchIntoOriginal(original, patch, schema)
  // Go ranges over the patch map in random order; keys are taken here in the order given.
  for (const patchKey of Object.keys(patch)) {
    const patchV = patch[patchKey] ?? null
    const { isDeleteList, noPrefixKey } = deletionListKey(patchKey)
    const k = noPrefixKey !== '' ? noPrefixKey : patchKey
    if (patchV === null) {
      delete original[k]
      continue
    }
    if (!Object.hasOwn(original, k) || goTypeName(original[k] ?? null) !== goTypeName(patchV)) {
      // Not on the server (or of another type): the patch value is taken, nulls and directives
      // dropped; a deletion list for a field that is not there does nothing.
      if (!isDeleteList) takePatchValue(original, k, patchV)
      continue
    }
    const originalV = original[k] ?? null
    if (isJsonObject(originalV) && isJsonObject(patchV)) {
      const sub = lookupPatchMeta(schema, k)
      setMember(
        original,
        k,
        mergeMapHandler(originalV, patchV, sub.meta, otherPatchStrategy(sub.strategies)),
      )
    } else if (Array.isArray(originalV) && Array.isArray(patchV)) {
      const sub = lookupPatchMeta(schema, k)
      const merged = mergeSliceHandler(
        originalV,
        patchV,
        sub.meta,
        otherPatchStrategy(sub.strategies),
        sub.mergeKey,
        isDeleteList,
      )
      setMember(original, k, merged)
    } else {
      takePatchValue(original, k, patchV)
    }
  }
  return original
}

function takePatchValue(original: JsonObject, k: string, patchV: JsonValue): void {
  discardNullValues(patchV)
  const v = removeDirectives(patchV)
  if (v === undefined) delete original[k]
  else setMember(original, k, v)
}

/** mergeMapHandler: a map field merges, unless its strategy is replace. */
function mergeMapHandler(
  original: JsonObject,
  patch: JsonObject,
  schema: PatchMeta,
  strategy: string,
): JsonObject {
  return strategy !== 'replace' ? mergeMap(original, patch, schema) : patch
}

/** mergeSliceHandler: a list merges when its strategy is merge (or it is a deletion list), else is replaced. */
function mergeSliceHandler(
  original: JsonValue | undefined,
  patch: JsonValue | undefined,
  schema: PatchMeta,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
): JsonValue[] {
  if (!Array.isArray(original)) throw errBadArgType(goSliceType, original)
  if (!Array.isArray(patch)) throw errBadArgType(goSliceType, patch)
  return strategy === 'merge' || isDeleteList
    ? mergeSlice(original, patch, schema, mergeKey, isDeleteList)
    : patch
}

/** mergeSlice: scalars form a union (or lose the deletion list's items), maps merge by merge key. */
function mergeSlice(
  original: JsonValue[],
  patch: JsonValue[],
  schema: PatchMeta,
  mergeKey: string,
  isDeleteList: boolean,
): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original
  const kind = sliceElementType(original, patch)
  let merged: JsonValue[]
  if (kind !== 'map') {
    if (isDeleteList) return deleteFromSlice(original, patch)
    merged = deduplicateScalars([...original, ...patch])
  } else {
    if (mergeKey === '')
      throw errInternal(`cannot merge lists without merge key for ${patchMetaKindName(schema)}`)
    ;({ original, patch } = mergeSliceWithSpecialElements(original, patch, mergeKey))
    merged = mergeSliceWithoutSpecialElements(original, patch, mergeKey, schema)
  }
  const { patch: patchItems, serverOnly } = partition(merged, patch, mergeKey)
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind)
}

/** mergeSliceWithSpecialElements: apply `$patch: delete` items; `$patch: replace` makes the rest the list. */
function mergeSliceWithSpecialElements(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
): { original: JsonValue[]; patch: JsonValue[] } {
  const plain: JsonValue[] = []
  let replace = false
  for (const v of patch) {
    const item = asMap(v)
    if (!Object.hasOwn(item, directiveMarker)) {
      plain.push(v)
      continue
    }
    const directive = item[directiveMarker]
    if (directive === 'delete') {
      if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey)
      // deleteMatchingEntries: every item with that merge key value goes.
      for (
        let i = findMapInSlice(original, mergeKey, item[mergeKey]);
        i >= 0;
        i = findMapInSlice(original, mergeKey, item[mergeKey])
      ) {
        original = [...original.slice(0, i), ...original.slice(i + 1)]
      }
    } else if (directive === 'replace') {
      replace = true
    } else if (directive === 'merge') {
      throw errInternal('merging lists cannot yet be specified in the patch')
    } else {
      throw errBadPatchType(directive, item)
    }
  }
  return replace ? { original: plain, patch: [] } : { original, patch: plain }
}

/** mergeSliceWithoutSpecialElements: merge items with the same merge key value, append the others. */
function mergeSliceWithoutSpecialElements(
  original: JsonValue[],
  patch: JsonValue[],
  mergeKey: string,
  schema: PatchMeta,
): JsonValue[] {
  const out = [...original]
  for (const v of patch) {
    const item = asMap(v)
    if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey)
    const at = findMapInSlice(out, mergeKey, item[mergeKey])
    // An appended item is taken as sent (upstream drops neither nulls nor directives here).
    if (at >= 0) out[at] = mergeMap(asMap(out[at]), item, schema)
    else out.push(v)
  }
  return out
}

/**
 * mergePatchIntoOriginal (server side): each $setElementOrder/<field> list is merged together
 * with the patch's <field> list, and the result ordered by the directive.
 */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, schema: PatchMeta): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(setElementOrderPrefix)) continue
    const order = patch[key] ?? null
    delete patch[key]
    if (!Array.isArray(order)) throw errBadArgType(goSliceType, order)
    const field = extractKey(key, setElementOrderPrefix)
    const foundOriginal = Object.hasOwn(original, field)
    const foundPatch = Object.hasOwn(patch, field)
    const originalList = original[field] ?? null
    const patchList = patch[field] ?? null
    if (foundOriginal && !Array.isArray(originalList))
      throw errBadArgType(goSliceType, originalList)
    if (foundPatch && !Array.isArray(patchList)) throw errBadArgType(goSliceType, patchList)
    const originalValue = Array.isArray(originalList) ? originalList : []
    const patchValue = Array.isArray(patchList) ? patchList : []
    const sub = lookupPatchMeta(schema, field)
    const strategy = otherPatchStrategy(sub.strategies)
    validatePatchWithSetOrderList(patchValue, order, sub.mergeKey)
    let merged: JsonValue[]
    if (foundOriginal && !foundPatch) merged = originalValue
    else if (!foundOriginal && foundPatch)
      merged = (removeDirectives(patchValue) as JsonValue[] | undefined) ?? []
    else if (foundOriginal && foundPatch)
      merged = mergeSliceHandler(originalValue, patchValue, sub.meta, strategy, sub.mergeKey, false)
    else continue
    const { patch: patchItems, serverOnly } = partition(merged, order, sub.mergeKey)
    const kind = sliceElementType(originalValue, patchValue)
    const ordered = normalizeElementOrder(
      patchItems,
      serverOnly,
      order,
      originalValue,
      sub.mergeKey,
      kind,
    )
    setMember(original, field, ordered)
    delete patch[field]
  }
}
