import { describe, expect, test } from 'vitest'
import type { JsonValue } from '../../api/types'
import { applyMergePatch, applyMergePatchBody } from './mergePatch'

/** Freeze a JSON tree all the way down, so that any mutation of an input throws. */
function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x)
    Object.freeze(v)
  }
  return v
}

interface Row {
  name: string
  original: JsonValue
  patch: JsonValue
  want: JsonValue
}

// RFC 7386 Appendix A, every example.
const rfcRows: Row[] = [
  { name: 'A1 replace a member', original: { a: 'b' }, patch: { a: 'c' }, want: { a: 'c' } },
  { name: 'A2 add a member', original: { a: 'b' }, patch: { b: 'c' }, want: { a: 'b', b: 'c' } },
  { name: 'A3 null deletes', original: { a: 'b' }, patch: { a: null }, want: {} },
  {
    name: 'A4 null deletes one of two',
    original: { a: 'b', b: 'c' },
    patch: { a: null },
    want: { b: 'c' },
  },
  {
    name: 'A5 list replaced by scalar',
    original: { a: ['b'] },
    patch: { a: 'c' },
    want: { a: 'c' },
  },
  {
    name: 'A6 scalar replaced by list',
    original: { a: 'c' },
    patch: { a: ['b'] },
    want: { a: ['b'] },
  },
  {
    name: 'A7 nested merge with delete',
    original: { a: { b: 'c' } },
    patch: { a: { b: 'd', c: null } },
    want: { a: { b: 'd' } },
  },
  {
    name: 'A8 list replaced whole',
    original: { a: [{ b: 'c' }] },
    patch: { a: [1] },
    want: { a: [1] },
  },
  { name: 'A9 list document replaced', original: ['a', 'b'], patch: ['c', 'd'], want: ['c', 'd'] },
  { name: 'A10 object replaced by list', original: { a: 'b' }, patch: ['c'], want: ['c'] },
  { name: 'A11 null patch', original: { a: 'foo' }, patch: null, want: null },
  { name: 'A12 scalar patch', original: { a: 'foo' }, patch: 'bar', want: 'bar' },
  {
    name: 'A13 existing null kept',
    original: { e: null },
    patch: { a: 1 },
    want: { e: null, a: 1 },
  },
  {
    name: 'A14 list target replaced by object',
    original: [1, 2],
    patch: { a: 'b', c: null },
    want: { a: 'b' },
  },
  {
    name: 'A15 nested nulls dropped',
    original: {},
    patch: { a: { bb: { ccc: null } } },
    want: { a: { bb: {} } },
  },
]

const k8sRows: Row[] = [
  {
    name: 'scale a deployment',
    original: {
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    },
    patch: { spec: { replicas: 3 } },
    want: {
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    },
  },
  {
    name: 'containers list is replaced whole',
    original: {
      spec: {
        containers: [
          { name: 'a', image: 'x' },
          { name: 'b', image: 'y' },
        ],
      },
    },
    patch: { spec: { containers: [{ name: 'a', image: 'z' }] } },
    want: { spec: { containers: [{ name: 'a', image: 'z' }] } },
  },
  {
    name: 'label removed with null, another added',
    original: { metadata: { labels: { app: 'web', tier: 'fe' } } },
    patch: { metadata: { labels: { tier: null, env: 'prod' } } },
    want: { metadata: { labels: { app: 'web', env: 'prod' } } },
  },
  {
    name: 'clear finalizers with an empty list',
    original: { metadata: { finalizers: ['a', 'b'] } },
    patch: { metadata: { finalizers: [] } },
    want: { metadata: { finalizers: [] } },
  },
  {
    name: 'null for a missing member is a no-op',
    original: { a: 1 },
    patch: { b: null },
    want: { a: 1 },
  },
]

describe('applyMergePatch', () => {
  test.each([...rfcRows, ...k8sRows])('PATCH-1 $name', ({ original, patch, want }) => {
    const got = applyMergePatch(deepFreeze(original), deepFreeze(patch))
    expect(got).toEqual(want)
  })

  test('PATCH-1 a member named __proto__ is an ordinary member', () => {
    const got = applyMergePatch(
      deepFreeze({ a: 1 }),
      deepFreeze(JSON.parse('{"__proto__":{"b":null,"c":2}}') as JsonValue),
    )
    expect(got).toEqual(JSON.parse('{"a":1,"__proto__":{"c":2}}'))
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype)
  })

  test('PATCH-1 the result shares nothing with the inputs', () => {
    const original = deepFreeze({ a: { b: [1, 2] }, c: { d: 1 } })
    const got = applyMergePatch(original, deepFreeze({ c: { e: 2 } })) as { a: { b: number[] } }
    got.a.b.push(3)
    expect(original.a.b).toEqual([1, 2])
  })
})

interface BodyRow {
  name: string
  patch: unknown
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict'
  want?: JsonValue
  code?: number
  message?: string
}

const bodyRows: BodyRow[] = [
  {
    name: 'object merges',
    patch: { spec: { replicas: 2 } },
    want: { metadata: { name: 'web' }, spec: { replicas: 2 } },
  },
  { name: 'null is Invalid JSON Patch', patch: null, code: 400, message: 'Invalid JSON Patch' },
  {
    name: 'a list does not decode into a map (Warn)',
    patch: ['a'],
    code: 400,
    message:
      'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}',
  },
  {
    name: 'a string does not decode into a map (Strict)',
    patch: 'x',
    fieldValidation: 'Strict',
    code: 400,
    message:
      'error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}',
  },
  {
    name: 'a number does not decode into a map',
    patch: 5,
    code: 400,
    message:
      'error decoding patch: json: cannot unmarshal number into Go value of type map[string]interface {}',
  },
  {
    name: 'a scalar is Invalid JSON Patch when not validated',
    patch: true,
    fieldValidation: 'Ignore',
    code: 400,
    message: 'Invalid JSON Patch',
  },
  {
    name: 'a list becomes the document when not validated',
    patch: ['a', null, 'b'],
    fieldValidation: 'Ignore',
    want: ['a', 'b'],
  },
  {
    name: 'an empty list marshals as null (Go nil slice)',
    patch: [],
    fieldValidation: 'Ignore',
    want: null,
  },
]

describe('applyMergePatchBody', () => {
  test.each(bodyRows)('PATCH-2 $name', ({ patch, fieldValidation, want, code, message }) => {
    const original = deepFreeze({ metadata: { name: 'web' }, spec: { replicas: 1 } })
    const got = applyMergePatchBody(
      original,
      deepFreeze(patch),
      fieldValidation ? { fieldValidation } : {},
    )
    if (code === undefined) {
      expect(got).toEqual({ ok: true, value: want })
    } else {
      expect(got.ok).toBe(false)
      if (got.ok) return
      expect(got.status).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message,
        reason: 'BadRequest',
        code,
      })
    }
  })
})
