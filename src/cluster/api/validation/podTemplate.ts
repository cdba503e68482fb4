/**
 * Pod template validation, as embedded in Deployments and ReplicaSets.
 * Mirrors pkg/apis/core/validation/validation.go ValidatePodTemplateSpec and
 * pkg/apis/apps/validation/validation.go ValidatePodTemplateSpecForReplicaSet
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { forbidden, invalid, notSupported, type FieldError, type FieldPath } from '../field'
import { selectorFromLabelSelector } from '../labels'
import { validateAnnotations, validateLabels } from './metaValidation'
import { obj, optObj, strMap, withBareValue } from './objectMeta'
import { validatePodSpecificAnnotations } from './podAnnotations'
import { validatePodSpec } from './podSpec'
import { templateOptions, type PodValidationOptions } from './podValidationOptions'

/**
 * ValidatePodTemplateSpec: the template's labels and annotations (reported at
 * <path>.labels and <path>.annotations, as upstream does) and its pod spec. A missing
 * template reads as an empty one, as Go's zero PodTemplateSpec.
 */
export function validatePodTemplateSpec(
  template: PodTemplateSpec | undefined | unknown,
  fldPath: FieldPath,
  opts: PodValidationOptions = templateOptions,
): FieldError[] {
  const t = obj(template)
  const meta = obj(t.metadata)
  const spec = obj(t.spec)
  const errs = validateLabels(meta.labels, fldPath.child('labels'))
  errs.push(...validateAnnotations(meta.annotations, fldPath.child('annotations')))
  errs.push(
    ...validatePodSpecificAnnotations(strMap(meta.annotations), spec, fldPath.child('annotations')),
  )
  errs.push(...validatePodSpec(spec, undefined, fldPath.child('spec'), opts))
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) {
    errs.push(
      forbidden(
        fldPath.child('spec', 'ephemeralContainers'),
        'ephemeral containers not allowed in pod template',
      ),
    )
  }
  return errs
}

/**
 * ValidatePodTemplateSpecForReplicaSet: the selector must match the template's labels, the
 * template must be valid, restartPolicy must be Always and activeDeadlineSeconds unset. The
 * selector is the object's spec.selector (a missing one matches nothing, an empty one
 * everything); replicas is kept for upstream's signature and no longer used there.
 */
export function validatePodTemplateSpecForReplicaSet(
  template: PodTemplateSpec | undefined | unknown,
  selector: LabelSelector | undefined,
  replicas: number,
  fldPath: FieldPath,
): FieldError[] {
  void replicas
  const errs: FieldError[] = []
  const t = obj(template)
  const rawLabels = optObj(obj(t.metadata).labels)
  const converted = selectorFromLabelSelector(selector)
  // An invalid selector is reported by the caller, which then skips this check upstream.
  if (converted.ok && !converted.selector.empty()) {
    const labels = strMap(rawLabels)
    if (!converted.selector.matches(labels)) {
      const e = invalid(
        fldPath.child('metadata', 'labels'),
        labels,
        '`selector` does not match template `labels`',
      )
      // A template without labels holds a nil map, which Go prints as map[string]string(nil).
      errs.push(rawLabels ? e : withBareValue(e, 'map[string]string(nil)'))
    }
  }
  errs.push(...validatePodTemplateSpec(t, fldPath))
  const spec = obj(t.spec)
  const restartPolicy = typeof spec.restartPolicy === 'string' ? spec.restartPolicy : ''
  if (restartPolicy !== 'Always')
    errs.push(notSupported(fldPath.child('spec', 'restartPolicy'), restartPolicy, ['Always']))
  if (typeof spec.activeDeadlineSeconds === 'number') {
    errs.push(
      forbidden(
        fldPath.child('spec', 'activeDeadlineSeconds'),
        'activeDeadlineSeconds in ReplicaSet is not Supported',
      ),
    )
  }
  return errs
}
