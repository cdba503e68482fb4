/**
 * Container environment validation: env and envFrom.
 * Mirrors pkg/apis/core/validation/validation.go ValidateEnv, validateEnvVarValueFrom and
 * ValidateEnvFrom
 */
import { invalid, required, type FieldError, type FieldPath } from '../field'
import {
  validateContainerResourceFieldSelector,
  validateObjectFieldSelector,
  validEnvDownwardAPIFieldPathExpressions,
} from './downwardAPI'
import { isConfigMapKey, isRelaxedEnvVarName, nameIsDNSSubdomain } from './names'
import { list, obj, optObj, str, type Obj } from './objectMeta'

function validateKeySelector(s: Obj, fldPath: FieldPath): FieldError[] {
  const name = str(s.name)
  const errs = nameIsDNSSubdomain(name, false).map((m) => invalid(fldPath.child('name'), name, m))
  const key = str(s.key)
  if (key === '') errs.push(required(fldPath.child('key')))
  else errs.push(...isConfigMapKey(key).map((m) => invalid(fldPath.child('key'), key, m)))
  return errs
}

function validateEnvVarValueFrom(ev: Obj, fldPath: FieldPath): FieldError[] {
  const from = optObj(ev.valueFrom)
  if (!from) return []
  const errs: FieldError[] = []
  let numSources = 0
  const fieldRef = optObj(from.fieldRef)
  if (fieldRef) {
    numSources++
    errs.push(
      ...validateObjectFieldSelector(
        fieldRef,
        validEnvDownwardAPIFieldPathExpressions,
        fldPath.child('fieldRef'),
      ),
    )
  }
  const resourceFieldRef = optObj(from.resourceFieldRef)
  if (resourceFieldRef) {
    numSources++
    errs.push(
      ...validateContainerResourceFieldSelector(
        resourceFieldRef,
        fldPath.child('resourceFieldRef'),
        false,
      ),
    )
  }
  for (const kind of ['configMapKeyRef', 'secretKeyRef']) {
    const ref = optObj(from[kind])
    if (!ref) continue
    numSources++
    errs.push(...validateKeySelector(ref, fldPath.child(kind)))
  }
  if (numSources === 0) {
    errs.push(
      invalid(
        fldPath,
        '',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    )
  } else if (str(ev.value) !== '') {
    errs.push(invalid(fldPath, '', 'may not be specified when `value` is not empty'))
  } else if (numSources > 1) {
    errs.push(invalid(fldPath, '', 'may not have more than one field specified at a time'))
  }
  return errs
}

/** ValidateEnv: names required and printable (RelaxedEnvironmentVariableValidation), valueFrom well formed. */
export function validateEnv(vars: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  list(vars).forEach((raw, i) => {
    const ev = obj(raw)
    const idxPath = fldPath.index(i)
    const name = str(ev.name)
    if (name === '') errs.push(required(idxPath.child('name')))
    else errs.push(...isRelaxedEnvVarName(name).map((m) => invalid(idxPath.child('name'), name, m)))
    errs.push(...validateEnvVarValueFrom(ev, idxPath.child('valueFrom')))
  })
  return errs
}

/** ValidateEnvFrom: one of configMapRef or secretRef, with a valid name and prefix. */
export function validateEnvFrom(vars: unknown, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  list(vars).forEach((raw, i) => {
    const ev = obj(raw)
    const idxPath = fldPath.index(i)
    const prefix = str(ev.prefix)
    if (prefix !== '')
      errs.push(
        ...isRelaxedEnvVarName(prefix).map((m) => invalid(idxPath.child('prefix'), prefix, m)),
      )
    let numSources = 0
    for (const kind of ['configMapRef', 'secretRef']) {
      const ref = optObj(ev[kind])
      if (!ref) continue
      numSources++
      const name = str(ref.name)
      if (name === '') errs.push(required(idxPath.child(kind, 'name')))
      else
        errs.push(
          ...nameIsDNSSubdomain(name, true).map((m) =>
            invalid(idxPath.child(kind, 'name'), name, m),
          ),
        )
    }
    // Upstream reports these on envFrom itself, not the item.
    if (numSources === 0)
      errs.push(invalid(fldPath, '', 'must specify one of: `configMapRef` or `secretRef`'))
    else if (numSources > 1)
      errs.push(invalid(fldPath, '', 'may not have more than one field specified at a time'))
  })
  return errs
}
