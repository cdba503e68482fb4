/**
 * Namespace validation (core/v1): create, update, status update and the /finalize
 * subresource's update of spec.finalizers.
 * Mirrors pkg/apis/core/validation/validation.go ValidateNamespace* and
 * pkg/registry/core/namespace/strategy.go (create checks rerun on update)
 */
import { fieldPath, invalid, type FieldError, type FieldPath } from '../field'
import type { KubeObject } from '../types'
import {
  validateFinalizerName,
  validateKubeFinalizerName,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './metaValidation'
import { validateNamespaceName } from './names'
import { obj, str, strList } from './objectMeta'
import { metaOf } from './replicaSet'

// core validateFinalizerName: a qualified name, and a bare name must be a standard one.
function validateSpecFinalizerName(name: string, fldPath: FieldPath): FieldError[] {
  return [...validateFinalizerName(name, fldPath), ...validateKubeFinalizerName(name, fldPath)]
}

/** ValidateNamespace: a DNS-1123 label name, no namespace, valid spec.finalizers. */
export function validateNamespace(ns: KubeObject): FieldError[] {
  const errs = validateObjectMeta(metaOf(ns), false, validateNamespaceName, fieldPath('metadata'))
  // Upstream reports every spec finalizer on the list's path, without an index.
  for (const f of strList(obj(ns.spec).finalizers))
    errs.push(...validateSpecFinalizerName(f, fieldPath('spec', 'finalizers')))
  return errs
}

/**
 * The namespace strategy's ValidateUpdate: the create checks, then the metadata update.
 * spec.finalizers itself only changes through /finalize (the strategy keeps the old list).
 */
export function validateNamespaceUpdate(newNs: KubeObject, oldNs: KubeObject): FieldError[] {
  const errs = validateNamespace(newNs)
  errs.push(...validateObjectMetaUpdate(metaOf(newNs), metaOf(oldNs), fieldPath('metadata')))
  return errs
}

/** ValidateNamespaceStatusUpdate: the phase must agree with deletionTimestamp. */
export function validateNamespaceStatusUpdate(newNs: KubeObject, oldNs: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newNs), metaOf(oldNs), fieldPath('metadata'))
  const phase = str(obj(newNs.status).phase)
  // Upstream spells the path with a capital P.
  const phasePath = fieldPath('status', 'Phase')
  if (!obj(newNs.metadata).deletionTimestamp) {
    if (phase !== 'Active')
      errs.push(invalid(phasePath, phase, "may only be 'Active' if `deletionTimestamp` is empty"))
  } else if (phase !== 'Terminating') {
    errs.push(
      invalid(phasePath, phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"),
    )
  }
  return errs
}

/** ValidateNamespaceFinalizeUpdate: the /finalize subresource may rewrite spec.finalizers, each valid. */
export function validateNamespaceFinalizeUpdate(
  newNs: KubeObject,
  oldNs: KubeObject,
): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newNs), metaOf(oldNs), fieldPath('metadata'))
  const p = fieldPath('spec', 'finalizers')
  strList(obj(newNs.spec).finalizers).forEach((f, i) =>
    errs.push(...validateSpecFinalizerName(f, p.index(i))),
  )
  return errs
}
