/**
 * Deployment validation (apps/v1): create, update and status update.
 * Mirrors pkg/apis/apps/validation/validation.go ValidateDeployment* and
 * pkg/registry/apps/deployment/strategy.go (selector immutability on update)
 */
import {
  fieldPath,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../field'
import { goLiteral, goQuote, type GoLiteral } from '../goFormat'
import type { KubeObject } from '../types'
import {
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './metaValidation'
import { isValidPercent, nameIsDNSSubdomain } from './names'
import { num, obj, optNum, optObj, str } from './objectMeta'
import {
  metaOf,
  validateNonnegativeCounts,
  validateReplicaCountsOrder,
  validateSelectorAndTemplate,
  validateSelectorImmutable,
} from './replicaSet'

/** An intstr.IntOrString as it arrives in JSON: a number, a string, or absent (int 0). */
type IntOrString = number | string

function intOrString(v: unknown): IntOrString {
  return typeof v === 'string' || typeof v === 'number' ? v : 0
}

// getPercentValue: the number before '%' when the string is a valid percent.
function percentValue(v: IntOrString): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined
  return parseInt(v.slice(0, -1), 10)
}

// intstr IntValue(): a string that is not a percent still counts through strconv.Atoi,
// which yields 0 for anything that is not a plain decimal integer.
function atoi(s: string): number {
  return /^[+-]?\d+$/.test(s) ? parseInt(s, 10) : 0
}

/** %#v of an intstr.IntOrString, as errors print it: intstr.IntOrString{Type:1, IntVal:0, StrVal:"5"}. */
export function goIntOrString(v: IntOrString): GoLiteral {
  return typeof v === 'string'
    ? goLiteral(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`)
    : goLiteral(`intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}`)
}

/** getIntOrPercentValue: the percent number, or the integer value. */
export function intOrPercentValue(v: IntOrString): number {
  return percentValue(v) ?? (typeof v === 'number' ? v : atoi(v))
}

/** ValidatePositiveIntOrPercent: a non-negative integer or a "N%" string. */
export function validatePositiveIntOrPercent(v: IntOrString, fldPath: FieldPath): FieldError[] {
  if (typeof v === 'string')
    return isValidPercent(v).map((msg) => invalid(fldPath, goIntOrString(v), msg))
  return validateNonnegativeField(v, fldPath)
}

/** IsNotMoreThan100Percent: a percent string may not exceed 100%. */
export function isNotMoreThan100Percent(v: IntOrString, fldPath: FieldPath): FieldError[] {
  const p = percentValue(v)
  return p === undefined || p <= 100
    ? []
    : [invalid(fldPath, goIntOrString(v), 'must not be greater than 100%')]
}

/** ValidateRollingUpdateDeployment. */
export function validateRollingUpdateDeployment(value: unknown, fldPath: FieldPath): FieldError[] {
  const ru = obj(value)
  const maxUnavailable = intOrString(ru.maxUnavailable)
  const maxSurge = intOrString(ru.maxSurge)
  const errs: FieldError[] = []
  errs.push(...validatePositiveIntOrPercent(maxUnavailable, fldPath.child('maxUnavailable')))
  errs.push(...validatePositiveIntOrPercent(maxSurge, fldPath.child('maxSurge')))
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    errs.push(
      invalid(
        fldPath.child('maxUnavailable'),
        goIntOrString(maxUnavailable),
        'may not be 0 when `maxSurge` is 0',
      ),
    )
  }
  errs.push(...isNotMoreThan100Percent(maxUnavailable, fldPath.child('maxUnavailable')))
  return errs
}

/** ValidateDeploymentStrategy: Recreate or RollingUpdate, with rollingUpdate only for the latter. */
export function validateDeploymentStrategy(value: unknown, fldPath: FieldPath): FieldError[] {
  const strategy = obj(value)
  const rollingUpdate = optObj(strategy.rollingUpdate)
  switch (strategy.type) {
    case 'Recreate':
      return rollingUpdate
        ? [
            forbidden(
              fldPath.child('rollingUpdate'),
              "may not be specified when strategy `type` is 'Recreate'",
            ),
          ]
        : []
    case 'RollingUpdate':
      return rollingUpdate
        ? validateRollingUpdateDeployment(rollingUpdate, fldPath.child('rollingUpdate'))
        : [required(fldPath.child('rollingUpdate'), 'this should be defaulted and never be nil')]
    default: {
      // %#v of the strategy; a set rollingUpdate would print as a pointer address, so JSON then.
      const shown = rollingUpdate
        ? strategy
        : goLiteral(
            `apps.DeploymentStrategy{Type:${goQuote(str(strategy.type))}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`,
          )
      return [notSupported(fldPath, shown, ['Recreate', 'RollingUpdate'])]
    }
  }
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(specValue: unknown, specPath: FieldPath): FieldError[] {
  const spec = obj(specValue)
  const errs: FieldError[] = []
  errs.push(...validateNonnegativeField(num(spec.replicas), specPath.child('replicas')))
  errs.push(...validateSelectorAndTemplate(spec, specPath, 'deployment'))
  errs.push(...validateDeploymentStrategy(spec.strategy, specPath.child('strategy')))
  const minReadySeconds = num(spec.minReadySeconds)
  errs.push(...validateNonnegativeField(minReadySeconds, specPath.child('minReadySeconds')))
  const revisionHistoryLimit = optNum(spec.revisionHistoryLimit)
  if (revisionHistoryLimit !== undefined) {
    // Zero is a valid revisionHistoryLimit.
    errs.push(
      ...validateNonnegativeField(revisionHistoryLimit, specPath.child('revisionHistoryLimit')),
    )
  }
  const progressDeadlineSeconds = optNum(spec.progressDeadlineSeconds)
  if (progressDeadlineSeconds !== undefined) {
    errs.push(
      ...validateNonnegativeField(
        progressDeadlineSeconds,
        specPath.child('progressDeadlineSeconds'),
      ),
    )
    if (progressDeadlineSeconds <= minReadySeconds) {
      errs.push(
        invalid(
          specPath.child('progressDeadlineSeconds'),
          progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      )
    }
  }
  return errs
}

/** ValidateDeployment: create. */
export function validateDeployment(d: KubeObject): FieldError[] {
  const errs = validateObjectMeta(metaOf(d), true, nameIsDNSSubdomain, fieldPath('metadata'))
  errs.push(...validateDeploymentSpec(d.spec, fieldPath('spec')))
  return errs
}

/** The deployment strategy's ValidateUpdate: metadata, spec, then selector immutability (apps/v1). */
export function validateDeploymentUpdate(newD: KubeObject, oldD: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newD), metaOf(oldD), fieldPath('metadata'))
  errs.push(...validateDeploymentSpec(newD.spec, fieldPath('spec')))
  errs.push(...validateSelectorImmutable(newD, oldD))
  return errs
}

/** ValidateDeploymentStatus. */
export function validateDeploymentStatus(
  statusValue: unknown,
  statusPath: FieldPath,
): FieldError[] {
  const s = obj(statusValue)
  const errs = validateNonnegativeCounts(
    s,
    [
      'observedGeneration',
      'replicas',
      'updatedReplicas',
      'readyReplicas',
      'availableReplicas',
      'unavailableReplicas',
    ],
    statusPath,
  )
  const collisionCount = optNum(s.collisionCount)
  if (collisionCount !== undefined) {
    errs.push(...validateNonnegativeField(collisionCount, statusPath.child('collisionCount')))
  }
  errs.push(...validateReplicaCountsOrder(s, 'updatedReplicas', statusPath))
  return errs
}

/** IsDecremented: a set counter that went down or was cleared. */
export function isDecremented(update: number | undefined, old: number | undefined): boolean {
  if (update === undefined) return old !== undefined
  return old !== undefined && update < old
}

/** ValidateDeploymentStatusUpdate: metadata, status, and collisionCount never decremented. */
export function validateDeploymentStatusUpdate(newD: KubeObject, oldD: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newD), metaOf(oldD), fieldPath('metadata'))
  const statusPath = fieldPath('status')
  errs.push(...validateDeploymentStatus(newD.status, statusPath))
  const newCount = optNum(obj(newD.status).collisionCount)
  if (isDecremented(newCount, optNum(obj(oldD.status).collisionCount))) {
    errs.push(invalid(statusPath.child('collisionCount'), newCount ?? 0, 'cannot be decremented'))
  }
  return errs
}
