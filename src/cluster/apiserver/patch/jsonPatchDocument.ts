/**
 * The document model evanphx/json-patch v4 walks: containers (objects and lists) addressed by a
 * JSON pointer, with its exact index rules (negative indices count from the end, "-" appends on
 * add only) and its exact error texts.
 * Mirrors vendor/gopkg.in/evanphx/json-patch.v4/patch.go (findObject, partialDoc, partialArray).
 */
import type { JsonObject, JsonValue } from '../../api/types'
import { goAtoi } from './goPrint'
import { setMember } from '../../util/json'
import { isJsonObject } from './json'

/** evanphx ErrMissing, printed at the end of wrapped messages. */
export const ErrMissing = 'missing value'
/** evanphx ErrInvalidIndex */
export const ErrInvalidIndex = 'invalid index referenced'
/** evanphx ErrTestFailed */
export const ErrTestFailed = 'test failed'

/** A value read from a container: undefined stands for Go's nil node (missing or JSON null). */
export type Got = { ok: true; value: JsonValue | undefined } | { ok: false; error: string }

/** An error text, or undefined on success. */
export type Failure = string | undefined

/** An object or a list inside the document, changed in place. */
export type Container = { kind: 'object'; obj: JsonObject } | { kind: 'array'; ary: JsonValue[] }

/** The whole document: replace with path "" swaps the root. */
export interface Root {
  value: JsonValue
}

const invalidIndex = (idx: number): string =>
  `Unable to access invalid index: ${idx}: ${ErrInvalidIndex}`

/** RFC 6901 section 4: "~1" then "~0" decoded in one left-to-right pass (strings.NewReplacer). */
export function decodePatchKey(k: string): string {
  return k.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'))
}

/** The container a value is, as lazyNode.intoDoc/intoAry would make it; scalars are none. */
export function containerOf(v: JsonValue | undefined): Container | undefined {
  if (Array.isArray(v)) return { kind: 'array', ary: v }
  if (isJsonObject(v)) return { kind: 'object', obj: v }
  return undefined
}

/** container.get(key) */
export function get(c: Container, key: string): Got {
  if (c.kind === 'object')
    return { ok: true, value: Object.hasOwn(c.obj, key) ? c.obj[key] : undefined }
  const n = goAtoi(key)
  if (!n.ok) return { ok: false, error: n.error }
  let idx = n.value
  if (idx < 0) {
    if (idx < -c.ary.length) return { ok: false, error: invalidIndex(idx) }
    idx += c.ary.length
  }
  if (idx >= c.ary.length) return { ok: false, error: invalidIndex(idx) }
  return { ok: true, value: c.ary[idx] }
}

/** container.set(key, val): only used by replace, after get has vouched for the key. */
export function set(c: Container, key: string, val: JsonValue): Failure {
  if (c.kind === 'object') {
    setMember(c.obj, key, val)
    return undefined
  }
  const n = goAtoi(key)
  if (!n.ok) return n.error
  let idx = n.value
  if (idx < 0) {
    if (idx < -c.ary.length) return invalidIndex(idx)
    idx += c.ary.length
  }
  c.ary[idx] = val
  return undefined
}

/** container.add(key, val) */
export function add(c: Container, key: string, val: JsonValue): Failure {
  if (c.kind === 'object') {
    setMember(c.obj, key, val)
    return undefined
  }
  if (key === '-') {
    c.ary.push(val)
    return undefined
  }
  const n = goAtoi(key)
  if (!n.ok) return `value was not a proper array index: '${key}': ${n.error}`
  let idx = n.value
  const size = c.ary.length + 1
  if (idx >= size) return invalidIndex(idx)
  if (idx < 0) {
    if (idx < -size) return invalidIndex(idx)
    idx += size
  }
  c.ary.splice(idx, 0, val)
  return undefined
}

/** container.remove(key) */
export function remove(c: Container, key: string): Failure {
  if (c.kind === 'object') {
    if (!Object.hasOwn(c.obj, key)) return `Unable to remove nonexistent key: ${key}: ${ErrMissing}`
    delete c.obj[key]
    return undefined
  }
  const n = goAtoi(key)
  if (!n.ok) return n.error
  let idx = n.value
  if (idx >= c.ary.length) return invalidIndex(idx)
  if (idx < 0) {
    if (idx < -c.ary.length) return invalidIndex(idx)
    idx += c.ary.length
  }
  c.ary.splice(idx, 1)
  return undefined
}

/**
 * findObject: the container holding the pointer's last token, and that token decoded. Like
 * upstream, the part before the first "/" is ignored, and a path without "/" finds nothing.
 */
export function findObject(root: Root, path: string): { con: Container; key: string } | undefined {
  const split = path.split('/')
  if (split.length < 2) return undefined
  let doc = containerOf(root.value)
  if (!doc) return undefined
  for (const part of split.slice(1, -1)) {
    const next = get(doc, decodePatchKey(part))
    if (!next.ok || next.value === undefined || next.value === null) return undefined
    doc = containerOf(next.value)
    if (!doc) return undefined
  }
  return { con: doc, key: decodePatchKey(split[split.length - 1] ?? '') }
}
