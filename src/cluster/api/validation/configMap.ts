/**
 * ConfigMap validation (core/v1): keys, the 1 MiB size limit and `immutable`; also the
 * byte counting Secrets share.
 * Mirrors pkg/apis/core/validation/validation.go ValidateConfigMap*
 */
import { fieldPath, forbidden, invalid, tooLong, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { validateObjectMeta, validateObjectMetaUpdate } from './metaValidation'
import { byteLength, isConfigMapKey, nameIsDNSSubdomain } from './names'
import { optBool, strMap } from './objectMeta'
import { metaOf } from './replicaSet'
import { semanticEqual } from './semanticEqual'

/** core.MaxSecretSize: 1 MiB, the limit for a Secret's or a ConfigMap's data. */
export const maxSecretSize = 1024 * 1024

/** The number of bytes a base64 string decodes to ([]byte fields arrive base64-encoded). */
export function base64DecodedLength(s: string): number {
  const body = s.replace(/\s/g, '')
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0
  return Math.max(0, Math.floor((body.length * 3) / 4) - padding)
}

// Go ranges over maps in random order; sorted keys keep the simulation deterministic.
function sortedEntries(m: Record<string, string>): [string, string][] {
  return Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** ValidateConfigMap: valid keys, no key in both data and binaryData, at most 1 MiB in all. */
export function validateConfigMap(cm: KubeObject): FieldError[] {
  const errs = validateObjectMeta(metaOf(cm), true, nameIsDNSSubdomain, fieldPath('metadata'))
  const data = strMap(cm.data)
  const binaryData = strMap(cm.binaryData)
  let totalSize = 0
  for (const [key, value] of sortedEntries(data)) {
    const p = fieldPath('data').key(key)
    errs.push(...isConfigMapKey(key).map((msg) => invalid(p, key, msg)))
    if (key in binaryData) errs.push(invalid(p, key, 'duplicate of key present in binaryData'))
    totalSize += byteLength(value)
  }
  for (const [key, value] of sortedEntries(binaryData)) {
    errs.push(
      ...isConfigMapKey(key).map((msg) => invalid(fieldPath('binaryData').key(key), key, msg)),
    )
    totalSize += base64DecodedLength(value)
  }
  // The empty path means "the whole object".
  if (totalSize > maxSecretSize) errs.push(tooLong(fieldPath(''), cm, maxSecretSize))
  return errs
}

/** ValidateConfigMapUpdate: metadata, `immutable` rules, then the create checks. */
export function validateConfigMapUpdate(newCm: KubeObject, oldCm: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newCm), metaOf(oldCm), fieldPath('metadata'))
  if (optBool(oldCm.immutable) === true) {
    const msg = 'field is immutable when `immutable` is set'
    if (optBool(newCm.immutable) !== true) errs.push(forbidden(fieldPath('immutable'), msg))
    if (!semanticEqual(newCm.data, oldCm.data)) errs.push(forbidden(fieldPath('data'), msg))
    if (!semanticEqual(newCm.binaryData, oldCm.binaryData))
      errs.push(forbidden(fieldPath('binaryData'), msg))
  }
  errs.push(...validateConfigMap(newCm))
  return errs
}
