/**
 * Pod update validation: what may change in a running pod's spec.
 * Mirrors pkg/apis/core/validation/validation.go ValidatePodUpdate and its helpers
 */
import type { Pod } from 'kubernetes-types/core/v1'
import { fieldPath, forbidden, invalid, type FieldError, type FieldPath } from '../field'
import { validateContainerUpdates } from './container'
import { inclusiveRangeError } from './names'
import {
  list,
  obj,
  optNum,
  optObj,
  str,
  strMap,
  validateObjectMetaUpdateFor,
  type Obj,
} from './objectMeta'
import { validatePodMetadataAndSpec } from './pod'
import { validatePodSpecificAnnotationUpdates } from './podAnnotations'
import { podOptions } from './podValidationOptions'
import { canonicalQuantity } from './resources'
import { semanticEqual } from './semanticEqual'
import { validateTolerations } from './tolerations'

/** The fields a pod update may change, joined into the Forbidden message as upstream does. */
export const updatablePodSpecFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]

function validateOnlyAddedTolerations(
  newTols: unknown,
  oldTols: unknown,
  fldPath: FieldPath,
): FieldError[] {
  const news = list(newTols).map(obj)
  for (const old of list(oldTols).map(obj)) {
    // tolerationSeconds may change; everything else must match an existing toleration.
    const found = news.some((n) =>
      semanticEqual({ ...old, tolerationSeconds: n.tolerationSeconds }, n),
    )
    if (!found)
      return [
        forbidden(fldPath, 'existing toleration can not be modified except its tolerationSeconds'),
      ]
  }
  return validateTolerations(newTols, fldPath)
}

function validateOnlyDeletedSchedulingGates(
  newGates: unknown,
  oldGates: unknown,
  fldPath: FieldPath,
): FieldError[] {
  const added = new Map<string, number>()
  list(newGates).forEach((g, i) => added.set(str(obj(g).name), i))
  for (const g of list(oldGates)) added.delete(str(obj(g).name))
  return [...added].map(([gate, i]) =>
    forbidden(
      fldPath.index(i).child('name'),
      `only deletion is allowed, but found new scheduling gate '${gate}'`,
    ),
  )
}

// Semantic.DeepEqual compares quantities by value ("1" == "1000m"); JSON holds their text.
function withCanonicalQuantities(spec: Obj): Obj {
  const canon = (rl: unknown): unknown => {
    const m = optObj(rl)
    if (!m) return rl
    return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, canonicalQuantity(v) ?? v]))
  }
  const ctr = (c: unknown): unknown => {
    const o = optObj(c)
    if (!o) return c
    const r = optObj(o.resources)
    return r
      ? { ...o, resources: { ...r, limits: canon(r.limits), requests: canon(r.requests) } }
      : o
  }
  return {
    ...spec,
    containers: list(spec.containers).map(ctr),
    initContainers: list(spec.initContainers).map(ctr),
    overhead: canon(spec.overhead),
  }
}

/**
 * ValidatePodUpdate: a pod's spec is immutable except for container images,
 * activeDeadlineSeconds (only shortened), added tolerations and the terminationGracePeriodSeconds
 * escape hatch. The cmp.Diff upstream appends to the Forbidden message is not produced.
 */
export function validatePodUpdate(newPod: Pod, oldPod: Pod): FieldError[] {
  const np = obj(newPod)
  const op = obj(oldPod)
  const newSpec = obj(np.spec)
  const oldSpec = obj(op.spec)
  const metaPath = fieldPath('metadata')
  const specPath = fieldPath('spec')
  const errs = validateObjectMetaUpdateFor(np.metadata, op.metadata, metaPath)
  errs.push(...validatePodMetadataAndSpec(np, podOptions))
  errs.push(...validatePodSpecificAnnotationUpdates(np, op, metaPath.child('annotations')))

  for (const key of ['containers', 'initContainers']) {
    const r = validateContainerUpdates(newSpec[key], oldSpec[key], specPath.child(key))
    errs.push(...r.errs)
    if (r.stop) return errs
  }

  const newADS = optNum(newSpec.activeDeadlineSeconds)
  const oldADS = optNum(oldSpec.activeDeadlineSeconds)
  const adsPath = specPath.child('activeDeadlineSeconds')
  if (newADS !== undefined) {
    if (newADS < 0 || newADS > 2147483647) {
      errs.push(invalid(adsPath, newADS, inclusiveRangeError(0, 2147483647)))
      return errs
    }
    if (oldADS !== undefined && oldADS < newADS) {
      errs.push(invalid(adsPath, newADS, 'must be less than or equal to previous value'))
      return errs
    }
  } else if (oldADS !== undefined) {
    // Go prints a nil *int64 as "null".
    errs.push(invalid(adsPath, 'null', 'must not update from a positive integer to nil value'))
  }

  errs.push(
    ...validateOnlyAddedTolerations(
      newSpec.tolerations,
      oldSpec.tolerations,
      specPath.child('tolerations'),
    ),
  )
  errs.push(
    ...validateOnlyDeletedSchedulingGates(
      newSpec.schedulingGates,
      oldSpec.schedulingGates,
      specPath.child('schedulingGates'),
    ),
  )

  const oldCanon = withCanonicalQuantities(oldSpec)
  if (semanticEqual(withCanonicalQuantities(newSpec), oldCanon)) return errs

  const oldCtrs = list(oldSpec.containers)
  const oldInits = list(oldSpec.initContainers)
  const munged: Obj = {
    ...newSpec,
    containers: list(newSpec.containers).map((c, i) => ({
      ...obj(c),
      image: obj(oldCtrs[i]).image,
    })),
    initContainers: list(newSpec.initContainers).map((c, i) => ({
      ...obj(c),
      image: obj(oldInits[i]).image,
    })),
    activeDeadlineSeconds: oldSpec.activeDeadlineSeconds,
    schedulingGates: oldSpec.schedulingGates,
    tolerations: oldSpec.tolerations,
  }
  const oldTGPS = optNum(oldSpec.terminationGracePeriodSeconds)
  if (oldTGPS !== undefined && oldTGPS < 0 && optNum(munged.terminationGracePeriodSeconds) === 1) {
    munged.terminationGracePeriodSeconds = oldTGPS
  }
  if (list(oldSpec.schedulingGates).length > 0) {
    // A gated pod may gain nodeSelector entries (no mutations or deletions).
    const newSel = strMap(munged.nodeSelector)
    const oldSel = strMap(oldSpec.nodeSelector)
    if (!semanticEqual(newSel, oldSel)) {
      if (Object.entries(oldSel).some(([k, v]) => newSel[k] !== v)) {
        errs.push(
          invalid(
            specPath.child('nodeSelector'),
            newSel,
            'only additions to spec.nodeSelector are allowed (no mutations or deletions)',
          ),
        )
      }
      munged.nodeSelector = oldSpec.nodeSelector
    }
  }
  if (!semanticEqual(withCanonicalQuantities(munged), oldCanon)) {
    errs.push(
      forbidden(
        specPath,
        `pod updates may not change fields other than ${updatablePodSpecFields.join(',')}`,
      ),
    )
  }
  return errs
}
