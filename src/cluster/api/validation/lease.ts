/**
 * Lease validation (coordination.k8s.io/v1): a DNS subdomain name in a namespace, a positive
 * `leaseDurationSeconds` and a non-negative `leaseTransitions` when they are set. The times are
 * MicroTimes the decoder already checked, and holderIdentity is free text.
 * Mirrors pkg/apis/coordination/validation/validation.go ValidateLease* (v1.30: before
 * `strategy` and `preferredHolder` existed)
 */
import { fieldPath, invalid, type FieldError, type FieldPath } from '../field'
import type { KubeObject } from '../types'
import { validateObjectMeta, validateObjectMetaUpdate } from './metaValidation'
import { nameIsDNSSubdomain } from './names'
import { obj, optNum } from './objectMeta'
import { metaOf } from './replicaSet'

/** ValidateLeaseSpec: the duration must be positive and the transition count not negative. */
export function validateLeaseSpec(specValue: unknown, fldPath: FieldPath): FieldError[] {
  const spec = obj(specValue)
  const errs: FieldError[] = []
  const duration = optNum(spec.leaseDurationSeconds)
  if (duration !== undefined && duration <= 0) {
    errs.push(invalid(fldPath.child('leaseDurationSeconds'), duration, 'must be greater than 0'))
  }
  const transitions = optNum(spec.leaseTransitions)
  if (transitions !== undefined && transitions < 0) {
    errs.push(
      invalid(fldPath.child('leaseTransitions'), transitions, 'must be greater than or equal to 0'),
    )
  }
  return errs
}

/** ValidateLease: metadata (namespaced, DNS subdomain name), then the spec. */
export function validateLease(lease: KubeObject): FieldError[] {
  const errs = validateObjectMeta(metaOf(lease), true, nameIsDNSSubdomain, fieldPath('metadata'))
  errs.push(...validateLeaseSpec(lease.spec, fieldPath('spec')))
  return errs
}

/** ValidateLeaseUpdate: metadata update, then the spec (every spec field may change). */
export function validateLeaseUpdate(newLease: KubeObject, oldLease: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newLease), metaOf(oldLease), fieldPath('metadata'))
  errs.push(...validateLeaseSpec(newLease.spec, fieldPath('spec')))
  return errs
}
