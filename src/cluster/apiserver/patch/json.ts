/** Small JSON-tree helpers for the patch engines: every engine works on its own copy. */
import type { JsonObject, JsonValue } from '../../api/types'

/** Is this a JSON object (not null, not an array)? */
export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Sets a member as JSON.parse would: an own property even for "__proto__", whose plain
 * assignment would change the object's prototype instead.
 */
export function setMember(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true })
  else obj[key] = value
}

/** A deep copy, so that the engines may change it while the caller's value stays as it was. */
export function cloneJson(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(cloneJson)
  if (isJsonObject(v)) {
    const out: JsonObject = {}
    for (const [k, x] of Object.entries(v)) setMember(out, k, cloneJson(x))
    return out
  }
  return v
}

/** Structural equality of two JSON values (object key order ignored). */
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
