/**
 * JSON merge patch (RFC 7386), as application/merge-patch+json bodies are applied.
 * Mirrors RFC 7386 section 2 and, for what the API server does around it,
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyJSPatch, MergePatchType)
 * with gopkg.in/evanphx/json-patch.v4 merge.go (MergePatch).
 */
import type { JsonObject, JsonValue } from '../../api/types'
import { cloneJson, setMember } from '../../util/json'
import { isJsonObject, isJsonValue } from './json'
import { jsonKindWord } from './goPrint'
import { badRequestResult, type PatchOptions, type PatchResult } from './result'

/**
 * RFC 7386 MergePatch(target, patch): null deletes a member, objects merge recursively,
 * anything else (lists included) replaces. Pure: returns a new value, never shares the inputs.
 */
export function applyMergePatch(original: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return cloneJson(patch)
  const target: JsonObject = isJsonObject(original) ? (cloneJson(original) as JsonObject) : {}
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete target[name]
    // A missing member merges like an empty one, which is how nested nulls get dropped.
    else
      setMember(
        target,
        name,
        applyMergePatch(Object.hasOwn(target, name) ? (target[name] ?? null) : null, value),
      )
  }
  return target
}

/** evanphx pruneAryNulls: a top-level list patch becomes the result, its nulls dropped. */
function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) {
    const kept = v.filter((x) => x !== null).map(pruneNulls)
    // A Go nil slice marshals as null: an empty (or all-null) list patch yields null.
    return kept.length === 0 ? null : kept
  }
  if (isJsonObject(v)) {
    const out: JsonObject = {}
    for (const [k, x] of Object.entries(v)) if (x !== null) setMember(out, k, pruneNulls(x))
    return out
  }
  return v
}

/**
 * A merge-patch+json body as kube-apiserver applies it to the stored object: with
 * fieldValidation Warn (the default) or Strict the body must decode into a map (400 "error
 * decoding patch: ..."); evanphx then refuses null and scalars with 400 "Invalid JSON Patch".
 */
export function applyMergePatchBody(
  original: JsonValue,
  patch: unknown,
  options: PatchOptions = {},
): PatchResult {
  if (!isJsonValue(patch)) return badRequestResult('Invalid JSON Patch')
  const directive = options.fieldValidation ?? 'Warn'
  if (directive !== 'Ignore' && patch !== null && !isJsonObject(patch)) {
    // kjson.UnmarshalStrict(patchBytes, &map[string]interface{}{})
    return badRequestResult(
      `error decoding patch: json: cannot unmarshal ${jsonKindWord(patch)} into Go value of type map[string]interface {}`,
    )
  }
  if (patch === null || (!isJsonObject(patch) && !Array.isArray(patch)))
    return badRequestResult('Invalid JSON Patch')
  if (Array.isArray(patch)) return { ok: true, value: pruneNulls(patch) }
  return { ok: true, value: applyMergePatch(original, patch) }
}
