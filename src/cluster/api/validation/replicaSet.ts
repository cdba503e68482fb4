/**
 * ReplicaSet validation (apps/v1): create, update and status update, plus the selector
 * and pod-template checks Deployment shares.
 * Mirrors pkg/apis/apps/validation/validation.go ValidateReplicaSet* and
 * pkg/registry/apps/replicaset/strategy.go (selector immutability on update)
 */
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1'
import { fieldPath, invalid, required, type FieldError, type FieldPath } from '../field'
import { goLabelSelector } from '../goFormat'
import type { KubeObject } from '../types'
import {
  fieldImmutableErrorMsg,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './metaValidation'
import { nameIsDNSSubdomain } from './names'
import { num, obj, optObj, type Obj } from './objectMeta'
import { validatePodTemplateSpecForReplicaSet } from './podTemplate'
import { semanticEqual } from './semanticEqual'

/** The object's metadata as ObjectMeta, or undefined when it is not an object. */
export function metaOf(o: KubeObject): ObjectMeta | undefined {
  return optObj(o.metadata) as ObjectMeta | undefined
}

/**
 * The selector and template checks of ValidateReplicaSetSpec / ValidateDeploymentSpec:
 * selector required, valid and non-empty, then the template validated against it. The
 * `kind` word goes into "empty selector is invalid for <kind>" (upstream says
 * "deployment" for ReplicaSets too).
 */
export function validateSelectorAndTemplate(
  spec: Record<string, unknown>,
  specPath: FieldPath,
  kind: string,
): FieldError[] {
  const errs: FieldError[] = []
  const selPath = specPath.child('selector')
  const selector = optObj(spec.selector) as LabelSelector | undefined
  let selectorErrs: FieldError[] = []
  if (selector === undefined) {
    errs.push(required(selPath, ''))
  } else {
    selectorErrs = validateLabelSelector(
      selector,
      { allowInvalidLabelValueInSelector: false },
      selPath,
    )
    errs.push(...selectorErrs)
    const matchLabels = optObj(selector.matchLabels) ?? {}
    const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []
    if (Object.keys(matchLabels).length + exprs.length === 0) {
      errs.push(
        invalid(selPath, goLabelSelector(selector), `empty selector is invalid for ${kind}`),
      )
    }
  }
  // LabelSelectorAsSelector fails exactly when a key, value or operator is invalid, which
  // is what the strict selector validation above reports; the template is then skipped.
  if (selectorErrs.length > 0) {
    errs.push(invalid(selPath, goLabelSelector(selector), 'invalid label selector'))
  } else {
    errs.push(
      ...validatePodTemplateSpecForReplicaSet(
        spec.template,
        selector,
        num(spec.replicas),
        specPath.child('template'),
      ),
    )
  }
  return errs
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(specValue: unknown, specPath: FieldPath): FieldError[] {
  const spec = obj(specValue)
  const errs: FieldError[] = []
  errs.push(...validateNonnegativeField(num(spec.replicas), specPath.child('replicas')))
  errs.push(
    ...validateNonnegativeField(num(spec.minReadySeconds), specPath.child('minReadySeconds')),
  )
  errs.push(...validateSelectorAndTemplate(spec, specPath, 'deployment'))
  return errs
}

/** The "spec.selector: field is immutable" check the apps strategies add on update. */
export function validateSelectorImmutable(newObj: KubeObject, oldObj: KubeObject): FieldError[] {
  const newSel = optObj(obj(newObj.spec).selector) as LabelSelector | undefined
  const oldSel = obj(oldObj.spec).selector
  if (semanticEqual(newSel, oldSel)) return []
  return [
    invalid(
      fieldPath('spec', 'selector'),
      newSel ? goLabelSelector(newSel) : null,
      fieldImmutableErrorMsg,
    ),
  ]
}

/** ValidateReplicaSet: create. */
export function validateReplicaSet(rs: KubeObject): FieldError[] {
  const errs = validateObjectMeta(metaOf(rs), true, nameIsDNSSubdomain, fieldPath('metadata'))
  errs.push(...validateReplicaSetSpec(rs.spec, fieldPath('spec')))
  return errs
}

/**
 * The replicaset strategy's ValidateUpdate: the create checks again, the update checks
 * (metadata, spec), then selector immutability (apps/v1).
 */
export function validateReplicaSetUpdate(newRs: KubeObject, oldRs: KubeObject): FieldError[] {
  const errs = validateReplicaSet(newRs)
  errs.push(...validateObjectMetaUpdate(metaOf(newRs), metaOf(oldRs), fieldPath('metadata')))
  errs.push(...validateReplicaSetSpec(newRs.spec, fieldPath('spec')))
  errs.push(...validateSelectorImmutable(newRs, oldRs))
  return errs
}

/** ValidateNonnegativeField on each named status count, in the order given. */
export function validateNonnegativeCounts(
  s: Obj,
  names: readonly string[],
  statusPath: FieldPath,
): FieldError[] {
  return names.flatMap((n) => validateNonnegativeField(num(s[n]), statusPath.child(n)))
}

/**
 * The replica-count ordering that ValidateReplicaSetStatus and ValidateDeploymentStatus
 * both end with: `counted` (fullyLabeledReplicas or updatedReplicas), readyReplicas and
 * availableReplicas at most status.replicas, then availableReplicas at most readyReplicas.
 */
export function validateReplicaCountsOrder(
  s: Obj,
  counted: 'fullyLabeledReplicas' | 'updatedReplicas',
  statusPath: FieldPath,
): FieldError[] {
  const errs: FieldError[] = []
  const replicas = num(s.replicas)
  const ready = num(s.readyReplicas)
  const available = num(s.availableReplicas)
  const msg = 'cannot be greater than status.replicas'
  for (const [name, value] of [
    [counted, num(s[counted])],
    ['readyReplicas', ready],
    ['availableReplicas', available],
  ] as const) {
    if (value > replicas) errs.push(invalid(statusPath.child(name), value, msg))
  }
  if (available > ready) {
    errs.push(
      invalid(
        statusPath.child('availableReplicas'),
        available,
        'cannot be greater than readyReplicas',
      ),
    )
  }
  return errs
}

/** ValidateReplicaSetStatus. */
export function validateReplicaSetStatus(
  statusValue: unknown,
  statusPath: FieldPath,
): FieldError[] {
  const s = obj(statusValue)
  const errs = validateNonnegativeCounts(
    s,
    [
      'replicas',
      'fullyLabeledReplicas',
      'readyReplicas',
      'availableReplicas',
      'observedGeneration',
    ],
    statusPath,
  )
  errs.push(...validateReplicaCountsOrder(s, 'fullyLabeledReplicas', statusPath))
  return errs
}

/** ValidateReplicaSetStatusUpdate. */
export function validateReplicaSetStatusUpdate(newRs: KubeObject, oldRs: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newRs), metaOf(oldRs), fieldPath('metadata'))
  errs.push(...validateReplicaSetStatus(newRs.status, fieldPath('status')))
  return errs
}
