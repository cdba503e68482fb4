/**
 * Pod create validation.
 * Mirrors pkg/apis/core/validation/validation.go ValidatePodCreate and
 * validatePodMetadataAndSpec
 */
import type { Pod } from 'kubernetes-types/core/v1'
import { fieldPath, forbidden, type FieldError } from '../field'
import { validateContainersOnlyForPod } from './container'
import { nameIsDNSSubdomain } from './names'
import {
  list,
  obj,
  optObj,
  readMeta,
  str,
  strMap,
  validateObjectMetaFor,
  type Obj,
} from './objectMeta'
import { validatePodSpecificAnnotations } from './podAnnotations'
import { validatePodSpec } from './podSpec'
import { podOptions, type PodValidationOptions } from './podValidationOptions'

/** The checks a Pod gets on create and again on update: metadata, annotations, spec, images. */
export function validatePodMetadataAndSpec(pod: Obj, opts: PodValidationOptions): FieldError[] {
  const metaPath = fieldPath('metadata')
  const specPath = fieldPath('spec')
  const spec = obj(pod.spec)
  const errs = validateObjectMetaFor(
    pod.metadata,
    { namespaced: true, nameFn: nameIsDNSSubdomain },
    metaPath,
  )
  errs.push(
    ...validatePodSpecificAnnotations(
      strMap(obj(pod.metadata).annotations),
      spec,
      metaPath.child('annotations'),
    ),
  )
  errs.push(...validatePodSpec(spec, readMeta(pod.metadata), specPath, opts))
  if (str(spec.serviceAccountName) === '') {
    list(spec.volumes).forEach((v, vi) => {
      const projected = optObj(obj(v).projected)
      if (!projected) return
      list(projected.sources).forEach((s, si) => {
        if (optObj(obj(s).serviceAccountToken)) {
          const p = specPath
            .child('volumes')
            .index(vi)
            .child('projected', 'sources')
            .index(si)
            .child('serviceAccountToken')
          errs.push(forbidden(p, 'must not be specified when serviceAccountName is not set'))
        }
      })
    })
  }
  errs.push(...validateContainersOnlyForPod(spec.containers, specPath.child('containers')))
  errs.push(...validateContainersOnlyForPod(spec.initContainers, specPath.child('initContainers')))
  return errs
}

/** ValidatePodCreate: metadata (namespaced, DNS-subdomain name) and spec of a new Pod. */
export function validatePod(pod: Pod): FieldError[] {
  const p = obj(pod)
  const spec = obj(p.spec)
  const errs = validatePodMetadataAndSpec(p, podOptions)
  const specPath = fieldPath('spec')
  if (list(spec.ephemeralContainers).length > 0)
    errs.push(forbidden(specPath.child('ephemeralContainers'), 'cannot be set on create'))
  if (str(spec.nodeName) !== '' && list(spec.schedulingGates).length > 0) {
    errs.push(
      forbidden(
        specPath.child('nodeName'),
        'cannot be set until all schedulingGates have been cleared',
      ),
    )
  }
  return errs
}
