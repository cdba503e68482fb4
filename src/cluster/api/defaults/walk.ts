/**
 * Small helpers for defaulting undecoded JSON. Defaulting runs before validation, so every
 * field may be missing or of the wrong type: a field of the wrong type is left alone for
 * validation to report, never overwritten and never a crash.
 */
import { isObject, list, optObj, type Obj } from '../../util/json'

/** A JSON object being defaulted in place. */
export type { Obj }

/** Go's nil for a pointer field: absent or JSON null. */
export function isNil(v: unknown): boolean {
  return v === undefined || v === null
}

/** Go's "" for a string field: absent, null or empty. */
export function isEmptyString(v: unknown): boolean {
  return v === undefined || v === null || v === ''
}

/** Go's 0 for a non-pointer number field: absent, null or zero. */
export function isZeroNumber(v: unknown): boolean {
  return v === undefined || v === null || v === 0
}

/** The object under key, or undefined when it is absent or not an object. */
export function child(o: Obj, key: string): Obj | undefined {
  return optObj(o[key])
}

/**
 * The object under key, created as {} when absent (Go allocating a nil pointer struct);
 * undefined when the key holds something that is not an object.
 */
export function ensureChild(o: Obj, key: string): Obj | undefined {
  const v = o[key]
  if (isNil(v)) {
    const created: Obj = {}
    o[key] = created
    return created
  }
  return isObject(v) ? v : undefined
}

/** The object elements of the list under key (other elements are left for validation). */
export function items(o: Obj, key: string): Obj[] {
  return list(o[key]).filter(isObject)
}

/** Set a string field when it is Go's "". */
export function defaultString(o: Obj, key: string, value: string): void {
  if (isEmptyString(o[key])) o[key] = value
}

/** Set a pointer field when it is nil. */
export function defaultPointer(o: Obj, key: string, value: unknown): void {
  if (isNil(o[key])) o[key] = value
}

/** Set a plain number field when it is Go's 0. */
export function defaultNumber(o: Obj, key: string, value: number): void {
  if (isZeroNumber(o[key])) o[key] = value
}
