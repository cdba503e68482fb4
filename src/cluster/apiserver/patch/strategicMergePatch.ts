/**
 * Strategic merge patch (application/strategic-merge-patch+json), applied to the stored object
 * as kube-apiserver applies it, with the Status it answers each failure with.
 * Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (strategicPatchObject,
 * applyPatchToObject, interpretStrategicMergePatchError) and
 * staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (StrategicMergeMapPatch).
 */
import type { JsonObject, JsonValue } from '../../api/types'
import { cloneJson } from '../../util/json'
import { isJsonObject } from './json'
import { jsonKindWord } from './goPrint'
import type { PatchMeta } from './patchMetaModel'
import {
  badRequestResult,
  genericUnprocessable,
  unknownServerError,
  type PatchResult,
} from './result'
import { SmpError } from './smpErrors'
import { mergeMap } from './smpMerge'

/**
 * Applies a strategic merge patch to the stored object under the kind's patch metadata.
 * Pure: original and patch are copied first (upstream merges into both in place).
 * A body that is not a JSON object is 400; malformed directives are 400 or the generic 422 as
 * patch.go maps the mergepatch sentinel errors; any other merge error (a list item without its
 * merge key, an unknown $patch value) is a plain error, which the API server answers with 500.
 */
export function applyStrategicMergePatch(
  original: JsonValue,
  patch: JsonValue,
  meta: PatchMeta,
): PatchResult {
  // json.Unmarshal of null into the patch map leaves it empty: nothing changes.
  if (patch === null) return { ok: true, value: cloneJson(original) }
  if (!isJsonObject(patch)) {
    return badRequestResult(
      `json: cannot unmarshal ${jsonKindWord(patch)} into Go value of type map[string]interface {}`,
    )
  }
  const target: JsonObject = isJsonObject(original) ? (cloneJson(original) as JsonObject) : {}
  try {
    return { ok: true, value: mergeMap(target, cloneJson(patch) as JsonObject, meta) }
  } catch (e) {
    if (!(e instanceof SmpError)) throw e
    if (e.errorClass === 'badRequest') return badRequestResult(e.message)
    if (e.errorClass === 'unprocessable') return genericUnprocessable(e.message)
    return unknownServerError(e.message)
  }
}
