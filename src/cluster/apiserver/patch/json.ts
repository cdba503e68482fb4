/**
 * JSON helpers typed for the patch engines; the generic ones (cloneJson, setMember) live in
 * util/json.
 */
import type { JsonObject, JsonValue } from '../../api/types'
import { isObject } from '../../util/json'

/** isObject, narrowed to the patch engines' JsonObject. */
export function isJsonObject(v: unknown): v is JsonObject {
  return isObject(v)
}

/**
 * Structural equality of two JSON values (object key order ignored). Not util/json deepEqual:
 * that one counts an undefined member as missing and reads members through the prototype,
 * while the JSON Patch "test" op compares own members only (a "__proto__" key included).
 */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => jsonEqual(x, b[i] ?? null))
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const ak = Object.keys(a)
    if (ak.length !== Object.keys(b).length) return false
    return ak.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k] ?? null, b[k] ?? null))
  }
  return false
}

/** Narrows an unknown (already parsed) body to a JSON value; rejects undefined, functions, NaN. */
export function isJsonValue(v: unknown): v is JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true
  if (typeof v === 'number') return Number.isFinite(v)
  if (Array.isArray(v)) return v.every(isJsonValue)
  if (typeof v === 'object') return Object.values(v).every(isJsonValue)
  return false
}
