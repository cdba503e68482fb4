/** Plain-JSON helpers: objects in the cluster are JSON trees, never class instances. */

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
    if (x !== undefined) out[k] = deepCopy(x)
  }
  return out as T
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
