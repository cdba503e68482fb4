/**
 * Secret validation (core/v1): keys, the 1 MiB limit, the per-type required keys, and on
 * update an immutable `type` and the `immutable` rules.
 * Mirrors pkg/apis/core/validation/validation.go ValidateSecret / ValidateSecretUpdate
 */
import { fieldPath, forbidden, invalid, required, tooLong, type FieldError } from '../field'
import type { KubeObject } from '../types'
import {
  fieldImmutableErrorMsg,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './metaValidation'
import { byteLength, isConfigMapKey, nameIsDNSSubdomain } from './names'
import { base64DecodedLength, maxSecretSize } from './configMap'
import { obj, optBool, str, strMap } from './objectMeta'
import { metaOf } from './replicaSet'
import { semanticEqual } from './semanticEqual'

/** One data key: its size in bytes and its decoded text. */
interface SecretValue {
  size: number
  text: () => string
}

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

// Base64 to bytes, skipping anything that is not a base64 digit (decoding already succeeded upstream).
function base64Bytes(s: string): number[] {
  const out: number[] = []
  let acc = 0
  let bits = 0
  for (const ch of s) {
    const v = b64.indexOf(ch)
    if (v < 0) continue
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((acc >> bits) & 0xff)
    }
  }
  return out
}

// UTF-8 bytes to text; a stray byte becomes U+FFFD as Go's decoder would make it.
function utf8Text(bytes: number[]): string {
  let s = ''
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0
    const n = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1
    if (n === 0 || n < 0 || i + n >= bytes.length) {
      s += n === 0 ? String.fromCharCode(b) : '\ufffd'
      i += 1
      continue
    }
    let cp = b & (0x3f >> n)
    for (let k = 1; k <= n; k++) cp = (cp << 6) | ((bytes[i + k] ?? 0) & 0x3f)
    s += String.fromCodePoint(cp)
    i += n + 1
  }
  return s
}

/**
 * The Secret's data as the API server validates it: `data` (base64) with `stringData`
 * merged over it, as the v1 conversion does before validation.
 */
function secretData(secret: KubeObject): Map<string, SecretValue> {
  const out = new Map<string, SecretValue>()
  for (const [k, v] of Object.entries(strMap(secret.data))) {
    out.set(k, { size: base64DecodedLength(v), text: () => utf8Text(base64Bytes(v)) })
  }
  for (const [k, v] of Object.entries(strMap(secret.stringData)))
    out.set(k, { size: byteLength(v), text: () => v })
  return out
}

/**
 * The error Go's json.Unmarshal gives for text that should hold a JSON object, or
 * undefined when it is one (or null). Syntax errors past the first character are
 * approximated.
 */
export function jsonObjectError(text: string): string | undefined {
  const t = text.trim()
  if (t === '') return 'unexpected end of JSON input'
  const first = t[0] ?? ''
  if (!'{["-0123456789tfn'.includes(first))
    return `invalid character '${first}' looking for beginning of value`
  let parsed: unknown
  try {
    parsed = JSON.parse(t)
  } catch {
    return 'unexpected end of JSON input'
  }
  if (parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed))) return undefined
  const kind = Array.isArray(parsed)
    ? 'array'
    : typeof parsed === 'boolean'
      ? 'bool'
      : typeof parsed
  return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`
}

/** ValidateSecret: keys, total size, and the keys each well-known type requires. */
export function validateSecret(secret: KubeObject): FieldError[] {
  const errs = validateObjectMeta(metaOf(secret), true, nameIsDNSSubdomain, fieldPath('metadata'))
  const dataPath = fieldPath('data')
  const data = secretData(secret)
  let totalSize = 0
  // Go ranges over the map in random order; sorted keys keep the simulation deterministic.
  for (const key of [...data.keys()].sort()) {
    errs.push(...isConfigMapKey(key).map((msg) => invalid(dataPath.key(key), key, msg)))
    totalSize += data.get(key)?.size ?? 0
  }
  if (totalSize > maxSecretSize) errs.push(tooLong(dataPath, '', maxSecretSize))

  const jsonKey = (key: string): void => {
    const value = data.get(key)
    if (!value) {
      errs.push(required(dataPath.key(key), ''))
      return
    }
    const err = jsonObjectError(value.text())
    if (err) errs.push(invalid(dataPath.key(key), '<secret contents redacted>', err))
  }
  switch (str(secret.type)) {
    case 'kubernetes.io/service-account-token': {
      // Only the account name is required; the token controller adds the rest.
      const name = 'kubernetes.io/service-account.name'
      if (!strMap(obj(secret.metadata).annotations)[name]) {
        errs.push(required(fieldPath('metadata', 'annotations').key(name), ''))
      }
      break
    }
    case 'kubernetes.io/dockercfg':
      jsonKey('.dockercfg')
      break
    case 'kubernetes.io/dockerconfigjson':
      jsonKey('.dockerconfigjson')
      break
    case 'kubernetes.io/basic-auth':
      // Either may be empty, but at least one must be present.
      if (!data.has('username') && !data.has('password')) {
        errs.push(required(dataPath.key('username'), ''), required(dataPath.key('password'), ''))
      }
      break
    case 'kubernetes.io/ssh-auth':
      if ((data.get('ssh-privatekey')?.size ?? 0) === 0)
        errs.push(required(dataPath.key('ssh-privatekey'), ''))
      break
    case 'kubernetes.io/tls':
      if (!data.has('tls.crt')) errs.push(required(dataPath.key('tls.crt'), ''))
      if (!data.has('tls.key')) errs.push(required(dataPath.key('tls.key'), ''))
      break
    default:
      // Opaque, "" and custom types need nothing.
      break
  }
  return errs
}

/** ValidateSecretUpdate: metadata, an unchanged type, the `immutable` rules, then the create checks. */
export function validateSecretUpdate(newSecret: KubeObject, oldSecret: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(metaOf(newSecret), metaOf(oldSecret), fieldPath('metadata'))
  const newType = str(newSecret.type)
  if (newType !== str(oldSecret.type))
    errs.push(invalid(fieldPath('type'), newType, fieldImmutableErrorMsg))
  if (optBool(oldSecret.immutable) === true) {
    const msg = 'field is immutable when `immutable` is set'
    if (optBool(newSecret.immutable) !== true) errs.push(forbidden(fieldPath('immutable'), msg))
    // stringData is compared through data: conversion merged it before validation.
    const flatten = (s: KubeObject): Record<string, string> => {
      const m: Record<string, string> = {}
      for (const [k, v] of secretData(s)) m[k] = v.text()
      return m
    }
    if (!semanticEqual(flatten(newSecret), flatten(oldSecret)))
      errs.push(forbidden(fieldPath('data'), msg))
  }
  errs.push(...validateSecret(newSecret))
  return errs
}
