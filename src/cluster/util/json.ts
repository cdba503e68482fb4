/**
 * Plain-JSON helpers: objects in the cluster are JSON trees, never class instances. The one
 * home of the generic ones (type tests, copies, equality, and the defensive readers that
 * validation and defaulting use on untrusted input).
 */

/** Is this a plain JSON object (not null, not an array)? */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A deep copy of a JSON value; undefined properties are dropped as JSON would drop them. */
export function deepCopy<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v
  if (Array.isArray(v)) return v.map((x: unknown) => deepCopy(x)) as T
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k]
    if (x !== undefined) setMember(out, k, deepCopy(x))
  }
  return out as T
}

/**
 * Set a member as JSON.parse would: an own property even for "__proto__", whose plain
 * assignment would change the object's prototype instead.
 */
export function setMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true })
  else obj[key] = value
}

/**
 * A deep copy that keeps every member, undefined ones and a "__proto__" key included, as own
 * members (unlike deepCopy, which drops undefined and assigns): for the decoder and the patch
 * engines, which must hand back exactly the JSON they were given.
 */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x: unknown) => cloneJson(x)) as T
  if (isObject(v)) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) setMember(out, k, cloneJson(x))
    return out as T
  }
  return v
}

/** Freeze a JSON tree so that stored objects cannot be changed by a careless reader. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k])
  }
  return v
}

/** Structural equality of two JSON values (key order ignored, undefined equals missing). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false
    return true
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined)
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined)
  if (ak.length !== bk.length) return false
  for (const k of ak) if (!deepEqual(ao[k], bo[k])) return false
  return true
}

/** How deep a JSON tree nests (guards against hostile bodies). */
export function depthExceeds(v: unknown, limit: number): boolean {
  if (typeof v !== 'object' || v === null) return false
  if (limit <= 0) return true
  for (const x of Object.values(v)) if (depthExceeds(x, limit - 1)) return true
  return false
}

// ---- defensive readers: a wrong type reads as absent (Go's zero value), never a throw ----

/** A JSON object. */
export type Obj = Record<string, unknown>

/** The value as a JSON object, or undefined when it is not one. */
export function optObj(v: unknown): Obj | undefined {
  return isObject(v) ? v : undefined
}

/** The value as a JSON object, {} when it is not one (Go's zero struct). */
export function obj(v: unknown): Obj {
  return optObj(v) ?? {}
}

/** The value as a list, [] when it is not one (Go's nil slice); a typed list keeps its type. */
export function list<T>(v: readonly T[] | null | undefined): readonly T[]
/** The value as a list, [] when it is not one (Go's nil slice). */
export function list(v: unknown): unknown[]
export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : []
}

/** The value as a string, '' when it is not one. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/** The value as a string, or undefined when it is not one (an optional *string). */
export function optStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

/** The value as a finite number, or undefined (an optional *int). */
export function optNum(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** The value as a finite number, 0 when it is not one. */
export function num(v: unknown): number {
  return optNum(v) ?? 0
}

/** The value as a boolean, false when it is not one. */
export function bool(v: unknown): boolean {
  return v === true
}

/** The value as a boolean, or undefined (an optional *bool). */
export function optBool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined
}

/** A map[string]string: non-string values are dropped, a non-object reads as {}. */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string') out[k] = val
  return out
}

/** A []string: non-string items are dropped. */
export function strList(v: unknown): string[] {
  return list(v).filter((x): x is string => typeof x === 'string')
}
