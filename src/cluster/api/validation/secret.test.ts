import { describe, expect, test } from 'vitest'
import { errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { jsonObjectError, validateSecret, validateSecretUpdate } from './secret'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)

const base: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db-pass', namespace: 'default', uid: 'u1', resourceVersion: '6' },
  type: 'Opaque',
  data: { password: 'czNjcjN0' },
}
const secret = (patch: Record<string, unknown>): KubeObject => ({ ...base, ...patch })
const b64 = (s: string): string => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const n =
      (s.charCodeAt(i) << 16) | ((s.charCodeAt(i + 1) || 0) << 8) | (s.charCodeAt(i + 2) || 0)
    out +=
      chars[(n >> 18) & 63]! +
      chars[(n >> 12) & 63]! +
      (i + 1 < s.length ? chars[(n >> 6) & 63]! : '=') +
      (i + 2 < s.length ? chars[n & 63]! : '=')
  }
  return out
}

describe('validateSecret', () => {
  test.each([
    { name: 'a valid Opaque Secret', obj: base, want: [] as string[] },
    {
      name: 'a bad key in stringData (merged into data)',
      obj: secret({ stringData: { 'my key': 'x' } }),
      want: [
        "data[my key]: Invalid value: \"my key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
      ],
    },
    {
      name: 'more than 1 MiB',
      obj: secret({ data: undefined, stringData: { big: 'x'.repeat(1024 * 1024 + 1) } }),
      want: ['data: Too long: must have at most 1048576 bytes'],
    },
    {
      name: 'a service-account-token without the account name',
      obj: secret({ type: 'kubernetes.io/service-account-token' }),
      want: ['metadata.annotations[kubernetes.io/service-account.name]: Required value'],
    },
    {
      name: 'a service-account-token with the account name',
      obj: secret({
        type: 'kubernetes.io/service-account-token',
        metadata: {
          name: 't',
          namespace: 'default',
          annotations: { 'kubernetes.io/service-account.name': 'default' },
        },
      }),
      want: [],
    },
    {
      name: 'a tls Secret without its key',
      obj: secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': b64('cert') } }),
      want: ['data[tls.key]: Required value'],
    },
    {
      name: 'a basic-auth Secret with neither field',
      obj: secret({ type: 'kubernetes.io/basic-auth', data: {} }),
      want: ['data[username]: Required value', 'data[password]: Required value'],
    },
    {
      name: 'a basic-auth Secret with an empty password only',
      obj: secret({ type: 'kubernetes.io/basic-auth', data: { password: '' } }),
      want: [],
    },
    {
      name: 'an ssh-auth Secret with an empty key',
      obj: secret({ type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': '' } }),
      want: ['data[ssh-privatekey]: Required value'],
    },
    {
      name: 'a dockerconfigjson Secret without its key',
      obj: secret({ type: 'kubernetes.io/dockerconfigjson', data: {} }),
      want: ['data[.dockerconfigjson]: Required value'],
    },
    {
      name: 'a dockerconfigjson Secret holding a JSON list',
      obj: secret({
        type: 'kubernetes.io/dockerconfigjson',
        data: { '.dockerconfigjson': b64('[1]') },
      }),
      want: [
        'data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": json: cannot unmarshal array into Go value of type map[string]interface {}',
      ],
    },
    {
      name: 'a dockerconfigjson Secret holding JSON',
      obj: secret({
        type: 'kubernetes.io/dockerconfigjson',
        stringData: { '.dockerconfigjson': '{"auths":{}}' },
        data: undefined,
      }),
      want: [],
    },
    {
      name: 'a custom type needs nothing',
      obj: secret({ type: 'example.com/token', data: {} }),
      want: [],
    },
  ])('VALKINDS-18 $name', ({ obj, want }) => {
    expect(texts(validateSecret(obj))).toEqual(want)
  })

  test.each([
    { text: '', want: 'unexpected end of JSON input' },
    { text: 'hello', want: "invalid character 'h' looking for beginning of value" },
    {
      text: '"s"',
      want: 'json: cannot unmarshal string into Go value of type map[string]interface {}',
    },
    {
      text: 'true',
      want: 'json: cannot unmarshal bool into Go value of type map[string]interface {}',
    },
    { text: 'null', want: undefined },
    { text: '{"a":1}', want: undefined },
  ])('VALKINDS-18 VALKINDS-24 json.Unmarshal error for $text', ({ text, want }) => {
    expect(jsonObjectError(text)).toBe(want)
  })
})

describe('validateSecretUpdate', () => {
  const frozen = secret({ immutable: true })
  test.each([
    {
      name: 'new data',
      obj: secret({ data: { password: b64('new') } }),
      old: base,
      want: [] as string[],
    },
    {
      name: 'a changed type',
      obj: secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } }),
      old: base,
      want: ['type: Invalid value: "kubernetes.io/tls": field is immutable'],
    },
    {
      name: 'immutable data changed',
      obj: secret({ immutable: true, data: { password: b64('x') } }),
      old: frozen,
      want: ['data: Forbidden: field is immutable when `immutable` is set'],
    },
    {
      name: 'immutable data restated through stringData',
      obj: secret({ immutable: true, data: undefined, stringData: { password: 's3cr3t' } }),
      old: frozen,
      want: [],
    },
  ])('VALKINDS-18 $name', ({ obj, old, want }) => {
    expect(texts(validateSecretUpdate(obj, old))).toEqual(want)
  })
})
