/**
 * ServiceAccount validation (core/v1): only its metadata is checked.
 * Mirrors pkg/apis/core/validation/validation.go ValidateServiceAccount*
 */
import { fieldPath, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { validateObjectMeta, validateObjectMetaUpdate } from './metaValidation'
import { validateServiceAccountName } from './names'
import { metaOf } from './replicaSet'

/** ValidateServiceAccount: a DNS subdomain name in a namespace. */
export function validateServiceAccount(sa: KubeObject): FieldError[] {
  return validateObjectMeta(metaOf(sa), true, validateServiceAccountName, fieldPath('metadata'))
}

/** ValidateServiceAccountUpdate: metadata update, then the create checks. */
export function validateServiceAccountUpdate(newSa: KubeObject, oldSa: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newSa), metaOf(oldSa), fieldPath('metadata'))
  errs.push(...validateServiceAccount(newSa))
  return errs
}
