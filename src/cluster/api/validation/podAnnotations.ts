/**
 * The annotations that only pods may carry: mirror pod, pod deletion cost, AppArmor.
 * Mirrors pkg/apis/core/validation/validation.go ValidatePodSpecificAnnotations and
 * ValidatePodSpecificAnnotationUpdates
 */
import { forbidden, invalid, type FieldError, type FieldPath } from '../field'
import { obj, str, strMap, type Obj } from './objectMeta'

const mirrorPodAnnotationKey = 'kubernetes.io/config.mirror'
const podDeletionCostKey = 'controller.kubernetes.io/pod-deletion-cost'
const appArmorPrefix = 'container.apparmor.security.beta.kubernetes.io/'

// Mirrors pkg/apis/core/helper GetDeletionCostFromPodAnnotations: validFirstDigit (no '+',
// no leading zero) then strconv.ParseInt(value, 10, 32).
function isValidDeletionCost(value: string): boolean {
  if (!/^(-[0-9]+|0|[1-9][0-9]*)$/.test(value)) return false
  const n = Number(value)
  return n >= -2147483648 && n <= 2147483647
}

/** ValidatePodSpecificAnnotations: the mirror-pod and pod-deletion-cost annotations. */
export function validatePodSpecificAnnotations(
  annotations: Record<string, string>,
  spec: Obj,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const mirror = annotations[mirrorPodAnnotationKey]
  if (mirror !== undefined && str(spec.nodeName) === '') {
    errs.push(
      invalid(
        fldPath.key(mirrorPodAnnotationKey),
        mirror,
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    )
  }
  const cost = annotations[podDeletionCostKey]
  if (cost !== undefined && !isValidDeletionCost(cost)) {
    errs.push(invalid(fldPath.key(podDeletionCostKey), cost, 'must be a 32bit integer'))
  }
  return errs
}

/** ValidatePodSpecificAnnotationUpdates: AppArmor and mirror-pod annotations are fixed once set. */
export function validatePodSpecificAnnotationUpdates(
  newPod: Obj,
  oldPod: Obj,
  fldPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const newA = strMap(obj(newPod.metadata).annotations)
  const oldA = strMap(obj(oldPod.metadata).annotations)
  for (const [k, oldVal] of Object.entries(oldA)) {
    if (newA[k] === oldVal) continue
    if (k.startsWith(appArmorPrefix))
      errs.push(forbidden(fldPath.key(k), 'may not remove or update AppArmor annotations'))
    if (k === mirrorPodAnnotationKey)
      errs.push(forbidden(fldPath.key(k), 'may not remove or update mirror pod annotation'))
  }
  for (const k of Object.keys(newA)) {
    if (k in oldA) continue
    if (k.startsWith(appArmorPrefix))
      errs.push(forbidden(fldPath.key(k), 'may not add AppArmor annotations'))
    if (k === mirrorPodAnnotationKey)
      errs.push(forbidden(fldPath.key(k), 'may not add mirror pod annotation'))
  }
  errs.push(...validatePodSpecificAnnotations(newA, obj(newPod.spec), fldPath))
  return errs
}
