import { describe, expect, test } from 'vitest'
import { errorText, type FieldError } from '../field'
import type { KubeObject } from '../types'
import { base64DecodedLength, validateConfigMap, validateConfigMapUpdate } from './configMap'

const texts = (errs: FieldError[]): string[] => errs.map(errorText)

const KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
const base: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'app-config', namespace: 'default', uid: 'u1', resourceVersion: '3' },
  data: { 'app.properties': 'color=blue\n', LOG_LEVEL: 'info' },
  binaryData: { 'logo.png': 'iVBORw0KGgo=' },
}
const cm = (patch: Partial<KubeObject>): KubeObject => ({ ...base, ...patch })

describe('validateConfigMap', () => {
  test.each([
    { name: 'a valid ConfigMap', obj: base, want: [] as string[] },
    { name: 'no data at all', obj: cm({ data: undefined, binaryData: undefined }), want: [] },
    {
      name: 'a key with a slash',
      obj: cm({ data: { 'a/b': 'x' } }),
      want: [`data[a/b]: Invalid value: "a/b": ${KEY_MSG}`],
    },
    {
      name: 'the key ".."',
      obj: cm({ data: { '..': 'x' } }),
      want: ['data[..]: Invalid value: "..": must not be \'..\''],
    },
    {
      name: 'a key in both data and binaryData',
      obj: cm({ data: { logo: 'x' }, binaryData: { logo: 'eA==' } }),
      want: ['data[logo]: Invalid value: "logo": duplicate of key present in binaryData'],
    },
    {
      name: 'bad keys are reported in sorted order',
      obj: cm({ data: { 'z z': '1', 'a a': '2' } }),
      want: [
        `data[a a]: Invalid value: "a a": ${KEY_MSG}`,
        `data[z z]: Invalid value: "z z": ${KEY_MSG}`,
      ],
    },
    {
      name: 'more than 1 MiB of data (empty path = the whole object)',
      obj: cm({ data: { big: 'x'.repeat(1024 * 1024) }, binaryData: { tiny: 'eA==' } }),
      want: [': Too long: must have at most 1048576 bytes'],
    },
    {
      name: 'exactly 1 MiB',
      obj: cm({ data: { big: 'x'.repeat(1024 * 1024) }, binaryData: undefined }),
      want: [],
    },
  ])('VALKINDS-17 $name', ({ obj, want }) => {
    expect(texts(validateConfigMap(obj))).toEqual(want)
  })

  test.each([
    { b64: '', want: 0 },
    { b64: 'eA==', want: 1 },
    { b64: 'eHk=', want: 2 },
    { b64: 'eHl6', want: 3 },
  ])('VALKINDS-17 binaryData counts decoded bytes: "$b64"', ({ b64, want }) => {
    expect(base64DecodedLength(b64)).toBe(want)
  })
})

describe('validateConfigMapUpdate', () => {
  const frozen = cm({ immutable: true })
  test.each([
    {
      name: 'a mutable ConfigMap may change',
      obj: cm({ data: { a: 'b' } }),
      old: base,
      want: [] as string[],
    },
    { name: 'an immutable one unchanged', obj: frozen, old: frozen, want: [] },
    {
      name: 'immutable data changed',
      obj: cm({ immutable: true, data: { a: 'b' } }),
      old: frozen,
      want: ['data: Forbidden: field is immutable when `immutable` is set'],
    },
    {
      name: 'immutable switched off and binaryData dropped',
      obj: cm({ immutable: false, binaryData: undefined }),
      old: frozen,
      want: [
        'immutable: Forbidden: field is immutable when `immutable` is set',
        'binaryData: Forbidden: field is immutable when `immutable` is set',
      ],
    },
  ])('VALKINDS-17 $name', ({ obj, old, want }) => {
    expect(texts(validateConfigMapUpdate(obj, old))).toEqual(want)
  })
})
