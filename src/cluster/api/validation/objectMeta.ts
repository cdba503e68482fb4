/**
 * Thin per-kind wrappers around ObjectMeta validation, plus the defensive readers the
 * validators use to walk untrusted JSON without throwing.
 * Mirrors pkg/apis/core/validation/validation.go ValidateObjectMeta / ValidateObjectMetaUpdate
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1'
import { omitValue, type FieldError, type FieldPath } from '../field'
import type { ValidateNameFunc } from './names'
import { validateObjectMeta, validateObjectMetaUpdate } from './metaValidation'

// ---- defensive readers: wrong types read as absent (Go's zero value), never throw ----

/** A JSON object. */
export type Obj = Record<string, unknown>

/** The value as a JSON object, or undefined when it is not one. */
export function optObj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined
}

/** The value as a JSON object, {} when it is not one (Go's zero struct). */
export function obj(v: unknown): Obj {
  return optObj(v) ?? {}
}

/** The value as a list, [] when it is not one (Go's nil slice). */
export function list(v: unknown): unknown[] {
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

/**
 * ObjectMeta read defensively: lists that the validators iterate are made lists; label and
 * annotation maps stay as sent so that their validators can report bad value types.
 */
export function readMeta(v: unknown): ObjectMeta | undefined {
  const m = optObj(v)
  if (!m) return undefined
  const out = { ...m } as ObjectMeta
  if (m.finalizers !== undefined) out.finalizers = strList(m.finalizers)
  if (m.ownerReferences !== undefined)
    out.ownerReferences = list(m.ownerReferences).filter((r) =>
      optObj(r),
    ) as ObjectMeta['ownerReferences']
  if (m.managedFields !== undefined)
    out.managedFields = list(m.managedFields).filter((r) =>
      optObj(r),
    ) as ObjectMeta['managedFields']
  return out
}

// ---- per-kind wrappers ----

/** How a kind's metadata is validated: namespaced or not, and which name rule applies. */
export interface MetaRules {
  namespaced: boolean
  nameFn: ValidateNameFunc
}

/** ValidateObjectMeta for one kind (core flavour, finalizer names included) at metadata. */
export function validateObjectMetaFor(
  meta: unknown,
  rules: MetaRules,
  fldPath: FieldPath,
): FieldError[] {
  return validateObjectMeta(readMeta(meta), rules.namespaced, rules.nameFn, fldPath)
}

/** ValidateObjectMetaUpdate (core flavour) on untrusted metadata. */
export function validateObjectMetaUpdateFor(
  newMeta: unknown,
  oldMeta: unknown,
  fldPath: FieldPath,
): FieldError[] {
  return validateObjectMetaUpdate(readMeta(newMeta), readMeta(oldMeta), fldPath)
}

// ---- values Go prints bare ----

/**
 * An error whose bad value Go prints without quotes (a fmt.Stringer such as a Quantity, or a
 * struct in %#v syntax). goSharpV would quote or JSON-encode it, so the text is folded into
 * the detail and the value omitted: the message reads exactly as upstream's.
 */
export function withBareValue(e: FieldError, text: string): FieldError {
  return { ...e, value: omitValue, detail: e.detail ? `${text}: ${e.detail}` : text }
}
