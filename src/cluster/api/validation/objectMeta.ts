/**
 * Thin per-kind wrappers around ObjectMeta validation, plus the defensive readers the
 * validators use to walk untrusted JSON without throwing.
 * Mirrors pkg/apis/core/validation/validation.go ValidateObjectMeta / ValidateObjectMetaUpdate
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1'
import { omitValue, type FieldError, type FieldPath } from '../field'
import { list, optObj, strList } from '../../util/json'
import type { ValidateNameFunc } from './names'
import { validateObjectMeta, validateObjectMetaUpdate } from './metaValidation'

// The defensive readers live in util/json (one home for every JSON reader); they are
// re-exported here because every validator reads its input through them.
export {
  bool,
  list,
  num,
  obj,
  optBool,
  optNum,
  optObj,
  optStr,
  str,
  strList,
  strMap,
  type Obj,
} from '../../util/json'

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
