/**
 * Semantic equality of decoded JSON values, as apiequality.Semantic.DeepEqual compares
 * the Go structs the JSON decodes into.
 * Mirrors staging/src/k8s.io/apimachinery/third_party/forked/golang/reflect/deep_equal.go
 */
import { isObject } from '../../util/json'

function isEmpty(v: unknown): boolean {
  // A nil and an empty slice or map compare equal; an absent JSON field decodes to nil.
  if (v === undefined || v === null) return true
  if (Array.isArray(v)) return v.length === 0
  if (typeof v === 'object') return Object.keys(v).length === 0
  return false
}

/**
 * True when a and b decode to equal Go values: object keys compare regardless of order,
 * and absent, null, [] and {} are all equal to each other (Go's nil vs empty rule).
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => semanticEqual(x, b[i]))
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false
    // A key missing on one side matches only a nil-able empty value on the other: a map
    // key present with "" is a different map, so scalars are never zero-filled.
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false
    return true
  }
  return a === b
}
