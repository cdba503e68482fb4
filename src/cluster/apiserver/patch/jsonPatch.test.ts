import { describe, expect, test } from 'vitest'
import type { JsonValue } from '../../api/types'
import { applyJsonPatch, maxJSONPatchOperations } from './jsonPatch'

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x)
    Object.freeze(v)
  }
  return v
}

interface Row {
  name: string
  doc: JsonValue
  patch: JsonValue
  want?: JsonValue
  /** The evanphx error text behind the generic 422. */
  error?: string
}

// RFC 6902 Appendix A. A.13 (a duplicate "op" member) cannot be expressed once parsed.
const rfcRows: Row[] = [
  {
    name: 'A.1 adding an object member',
    doc: { foo: 'bar' },
    patch: [{ op: 'add', path: '/baz', value: 'qux' }],
    want: { baz: 'qux', foo: 'bar' },
  },
  {
    name: 'A.2 adding an array element',
    doc: { foo: ['bar', 'baz'] },
    patch: [{ op: 'add', path: '/foo/1', value: 'qux' }],
    want: { foo: ['bar', 'qux', 'baz'] },
  },
  {
    name: 'A.3 removing an object member',
    doc: { baz: 'qux', foo: 'bar' },
    patch: [{ op: 'remove', path: '/baz' }],
    want: { foo: 'bar' },
  },
  {
    name: 'A.4 removing an array element',
    doc: { foo: ['bar', 'qux', 'baz'] },
    patch: [{ op: 'remove', path: '/foo/1' }],
    want: { foo: ['bar', 'baz'] },
  },
  {
    name: 'A.5 replacing a value',
    doc: { baz: 'qux', foo: 'bar' },
    patch: [{ op: 'replace', path: '/baz', value: 'boo' }],
    want: { baz: 'boo', foo: 'bar' },
  },
  {
    name: 'A.6 moving a value',
    doc: { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
    patch: [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
    want: { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
  },
  {
    name: 'A.7 moving an array element',
    doc: { foo: ['all', 'grass', 'cows', 'eat'] },
    patch: [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
    want: { foo: ['all', 'cows', 'eat', 'grass'] },
  },
  {
    name: 'A.8 testing a value: success',
    doc: { baz: 'qux', foo: ['a', 2, 'c'] },
    patch: [
      { op: 'test', path: '/baz', value: 'qux' },
      { op: 'test', path: '/foo/1', value: 2 },
    ],
    want: { baz: 'qux', foo: ['a', 2, 'c'] },
  },
  {
    name: 'A.9 testing a value: error',
    doc: { baz: 'qux' },
    patch: [{ op: 'test', path: '/baz', value: 'bar' }],
    error: 'testing value /baz failed: test failed',
  },
  {
    name: 'A.10 adding a nested member object',
    doc: { foo: 'bar' },
    patch: [{ op: 'add', path: '/child', value: { grandchild: {} } }],
    want: { foo: 'bar', child: { grandchild: {} } },
  },
  {
    name: 'A.11 ignoring unrecognized elements',
    doc: { foo: 'bar' },
    patch: [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }],
    want: { foo: 'bar', baz: 'qux' },
  },
  {
    name: 'A.12 adding to a nonexistent target',
    doc: { foo: 'bar' },
    patch: [{ op: 'add', path: '/baz/bat', value: 'qux' }],
    error: 'add operation does not apply: doc is missing path: "/baz/bat": missing value',
  },
  {
    name: 'A.14 ~ escape ordering',
    doc: { '/': 9, '~1': 10 },
    patch: [{ op: 'test', path: '/~01', value: 10 }],
    want: { '/': 9, '~1': 10 },
  },
  {
    name: 'A.15 comparing strings and numbers',
    doc: { '/': 9, '~1': 10 },
    patch: [{ op: 'test', path: '/~01', value: '10' }],
    error: 'testing value /~01 failed: test failed',
  },
  {
    name: 'A.16 adding an array value',
    doc: { foo: ['bar'] },
    patch: [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
    want: { foo: ['bar', ['abc', 'def']] },
  },
]

// evanphx/json-patch v4 behaviour, quirks included, and its error texts.
const evanphxRows: Row[] = [
  {
    name: 'remove a missing member',
    doc: { foo: 1 },
    patch: [{ op: 'remove', path: '/nope' }],
    error:
      "error in remove for path: '/nope': Unable to remove nonexistent key: nope: missing value",
  },
  {
    name: 'remove past the end of a list',
    doc: { foo: ['a'] },
    patch: [{ op: 'remove', path: '/foo/5' }],
    error:
      "error in remove for path: '/foo/5': Unable to access invalid index: 5: invalid index referenced",
  },
  {
    name: 'add past the end of a list',
    doc: { foo: ['a'] },
    patch: [{ op: 'add', path: '/foo/3', value: 'x' }],
    error:
      "error in add for path: '/foo/3': Unable to access invalid index: 3: invalid index referenced",
  },
  {
    name: 'add at the length appends',
    doc: { foo: ['a'] },
    patch: [{ op: 'add', path: '/foo/1', value: 'x' }],
    want: { foo: ['a', 'x'] },
  },
  {
    name: 'add at -1 appends (negative indices count from the end)',
    doc: { foo: ['a', 'b'] },
    patch: [{ op: 'add', path: '/foo/-1', value: 'x' }],
    want: { foo: ['a', 'b', 'x'] },
  },
  {
    name: 'remove at -1 removes the last',
    doc: { foo: ['a', 'b'] },
    patch: [{ op: 'remove', path: '/foo/-1' }],
    want: { foo: ['a'] },
  },
  {
    name: 'replace at -2',
    doc: { foo: ['a', 'b'] },
    patch: [{ op: 'replace', path: '/foo/-2', value: 'z' }],
    want: { foo: ['z', 'b'] },
  },
  {
    name: 'add with a non-numeric index',
    doc: { foo: ['a'] },
    patch: [{ op: 'add', path: '/foo/x', value: 1 }],
    error: `error in add for path: '/foo/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
  },
  {
    name: 'remove with "-" is not an index',
    doc: { foo: ['a'] },
    patch: [{ op: 'remove', path: '/foo/-' }],
    error: `error in remove for path: '/foo/-': strconv.Atoi: parsing "-": invalid syntax`,
  },
  {
    name: 'replace of a missing member adds it (no existence check on objects)',
    doc: { foo: 1 },
    patch: [{ op: 'replace', path: '/bar', value: 2 }],
    want: { foo: 1, bar: 2 },
  },
  {
    name: 'replace past the end of a list',
    doc: { foo: ['a'] },
    patch: [{ op: 'replace', path: '/foo/5', value: 'x' }],
    error: 'replace operation does not apply: doc is missing key: /foo/5: missing value',
  },
  {
    name: 'replace under a missing parent',
    doc: { foo: 1 },
    patch: [{ op: 'replace', path: '/a/b', value: 'x' }],
    error: 'replace operation does not apply: doc is missing path: /a/b: missing value',
  },
  {
    name: 'replace the whole document',
    doc: { foo: 1 },
    patch: [{ op: 'replace', path: '', value: { bar: 2 } }],
    want: { bar: 2 },
  },
  {
    name: 'replace the whole document with a scalar',
    doc: { foo: 1 },
    patch: [{ op: 'replace', path: '', value: 'x' }],
    error: 'replace operation value must be object or array: %!w(<nil>)',
  },
  {
    name: 'add at the root path is refused',
    doc: { foo: 1 },
    patch: [{ op: 'add', path: '', value: {} }],
    error: 'add operation does not apply: doc is missing path: "": missing value',
  },
  {
    name: 'move from a missing member',
    doc: { foo: 1 },
    patch: [{ op: 'move', from: '/nope', path: '/bar' }],
    error: "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value",
  },
  {
    name: 'move to a missing parent after removing the source',
    doc: { foo: 1 },
    patch: [{ op: 'move', from: '/foo', path: '/a/b' }],
    error: 'move operation does not apply: doc is missing destination path: /a/b: missing value',
  },
  {
    name: 'move without from',
    doc: { foo: 1 },
    patch: [{ op: 'move', path: '/bar' }],
    error: 'move operation failed to decode from: operation, missing from field: missing value',
  },
  {
    name: 'copy a list element',
    doc: { foo: ['a', { b: 1 }] },
    patch: [{ op: 'copy', from: '/foo/1', path: '/bar' }],
    want: { foo: ['a', { b: 1 }], bar: { b: 1 } },
  },
  {
    name: 'copy from a missing member copies null',
    doc: { foo: 1 },
    patch: [{ op: 'copy', from: '/nope', path: '/bar' }],
    want: { foo: 1, bar: null },
  },
  {
    name: 'copy from past the end of a list',
    doc: { foo: [] },
    patch: [{ op: 'copy', from: '/foo/0', path: '/bar' }],
    error:
      "error in copy for from: '/foo/0': Unable to access invalid index: 0: invalid index referenced",
  },
  {
    name: 'test a missing member against null passes',
    doc: { foo: 1 },
    patch: [{ op: 'test', path: '/bar', value: null }],
    want: { foo: 1 },
  },
  {
    name: 'test a missing member against a value fails',
    doc: { foo: 1 },
    patch: [{ op: 'test', path: '/bar', value: 1 }],
    error: 'testing value /bar failed: test failed',
  },
  {
    name: 'test a nested object',
    doc: { a: { b: [1, { c: 'd' }] } },
    patch: [{ op: 'test', path: '/a', value: { b: [1, { c: 'd' }] } }],
    want: { a: { b: [1, { c: 'd' }] } },
  },
  {
    name: 'test the whole document',
    doc: { a: 1 },
    patch: [{ op: 'test', path: '', value: { a: 1 } }],
    want: { a: 1 },
  },
  {
    name: 'test the whole document fails',
    doc: { a: 1 },
    patch: [{ op: 'test', path: '', value: { a: 2 } }],
    error: 'testing value  failed: test failed',
  },
  {
    name: 'test under a missing parent',
    doc: { a: 1 },
    patch: [{ op: 'test', path: '/x/y', value: 1 }],
    error: 'test operation does not apply: is missing path: /x/y: missing value',
  },
  {
    name: 'an unknown op',
    doc: {},
    patch: [{ op: 'frobnicate', path: '/a' }],
    error: 'Unexpected kind: frobnicate',
  },
  {
    name: 'a missing op',
    doc: {},
    patch: [{ path: '/a', value: 1 }],
    error: 'Unexpected kind: unknown',
  },
  { name: 'a null operation', doc: {}, patch: [null], error: 'Unexpected kind: unknown' },
  {
    name: 'add without path',
    doc: {},
    patch: [{ op: 'add', value: 1 }],
    error: 'add operation failed to decode path: missing value',
  },
  {
    name: 'replace without path',
    doc: {},
    patch: [{ op: 'replace', value: 1 }],
    error: 'replace operation failed to decode path: operation missing path field: missing value',
  },
  {
    name: 'add without value adds null',
    doc: {},
    patch: [{ op: 'add', path: '/a' }],
    want: { a: null },
  },
  {
    name: 'a path without a leading slash drops its first token',
    doc: { a: 1 },
    patch: [{ op: 'add', path: 'x/b', value: 2 }],
    want: { a: 1, b: 2 },
  },
  {
    name: 'add a label whose key holds a slash (~1)',
    doc: { metadata: { labels: { app: 'web' } } },
    patch: [{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'web' }],
    want: { metadata: { labels: { app: 'web', 'app.kubernetes.io/name': 'web' } } },
  },
  {
    name: 'replace an image, then test it',
    doc: { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
    patch: [
      { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.27' },
      { op: 'test', path: '/spec/containers/0/image', value: 'nginx:1.27' },
    ],
    want: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
  {
    name: 'a later failure discards earlier operations',
    doc: { a: 1 },
    patch: [
      { op: 'add', path: '/b', value: 2 },
      { op: 'remove', path: '/zzz' },
    ],
    error: "error in remove for path: '/zzz': Unable to remove nonexistent key: zzz: missing value",
  },
  {
    name: 'an added value is not aliased by later operations',
    doc: {},
    patch: [
      { op: 'add', path: '/a', value: { x: 1 } },
      { op: 'copy', from: '/a', path: '/b' },
      { op: 'add', path: '/a/y', value: 2 },
    ],
    want: { a: { x: 1, y: 2 }, b: { x: 1 } },
  },
  { name: 'a null patch is an empty patch', doc: { a: 1 }, patch: null, want: { a: 1 } },
  { name: 'an empty patch', doc: { a: 1 }, patch: [], want: { a: 1 } },
]

const unprocessable = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'the server rejected our request due to an error in our request',
  reason: 'Invalid',
  details: {},
  code: 422,
}

describe('applyJsonPatch', () => {
  test.each([...rfcRows, ...evanphxRows])('PATCH-4 $name', ({ doc, patch, want, error }) => {
    const got = applyJsonPatch(deepFreeze(doc), deepFreeze(patch), { fieldValidation: 'Ignore' })
    if (error === undefined) expect(got).toEqual({ ok: true, value: want })
    else expect(got).toEqual({ ok: false, status: unprocessable, cause: error })
  })

  test('PATCH-5 a failing operation answers the generic 422 and hides the evanphx text', () => {
    const got = applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])
    expect(got.ok).toBe(false)
    if (got.ok) return
    expect(got.status).toEqual(unprocessable)
    expect(JSON.stringify(got.status)).not.toContain('testing value')
  })
})

interface DecodeRow {
  name: string
  patch: unknown
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict'
  message: string
}

const decodeRows: DecodeRow[] = [
  {
    name: 'an object is no list of operations (Warn)',
    patch: { op: 'add' },
    message:
      'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
  },
  {
    name: 'an object is no list of operations (Ignore)',
    patch: { op: 'add' },
    fieldValidation: 'Ignore',
    message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
  },
  {
    name: 'a string is no list of operations (Strict)',
    patch: 'add',
    fieldValidation: 'Strict',
    message:
      'error decoding patch: json: cannot unmarshal string into Go value of type []handlers.jsonPatchOp',
  },
  {
    name: 'an operation that is a number (Warn)',
    patch: [1],
    message:
      'error decoding patch: json: cannot unmarshal number into Go value of type handlers.jsonPatchOp',
  },
  {
    name: 'an operation that is a list (Ignore)',
    patch: [[]],
    fieldValidation: 'Ignore',
    message: 'json: cannot unmarshal array into Go value of type jsonpatch.Operation',
  },
  {
    name: 'op that is not a string (Warn)',
    patch: [{ op: 1, path: '/a' }],
    message:
      'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string',
  },
  {
    name: 'path that is a bool (Strict)',
    patch: [{ op: 'add', path: true }],
    fieldValidation: 'Strict',
    message:
      'error decoding patch: json: cannot unmarshal bool into Go struct field jsonPatchOp.path of type string',
  },
]

test('PATCH-4 a member named __proto__ is an ordinary member', () => {
  const got = applyJsonPatch({}, [{ op: 'add', path: '/__proto__', value: { a: 1 } }])
  expect(got).toEqual({ ok: true, value: JSON.parse('{"__proto__":{"a":1}}') })
  if (got.ok) expect(Object.getPrototypeOf(got.value)).toBe(Object.prototype)
})

describe('applyJsonPatch decoding', () => {
  test.each(decodeRows)('PATCH-3 $name', ({ patch, fieldValidation, message }) => {
    const got = applyJsonPatch(
      { a: 1 },
      deepFreeze(patch),
      fieldValidation ? { fieldValidation } : {},
    )
    expect(got.ok).toBe(false)
    if (got.ok) return
    expect(got.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason: 'BadRequest',
      code: 400,
    })
  })

  test('PATCH-3 op that is not a string is an apply error when not validated', () => {
    const got = applyJsonPatch({ a: 1 }, [{ op: 1, path: '/a' }], { fieldValidation: 'Ignore' })
    expect(got).toEqual({ ok: false, status: unprocessable, cause: 'Unexpected kind: unknown' })
  })

  test('PATCH-3 more than 10000 operations is 413', () => {
    const ops = Array.from({ length: maxJSONPatchOperations + 1 }, () => ({
      op: 'test',
      path: '/a',
      value: 1,
    }))
    const got = applyJsonPatch({ a: 1 }, ops)
    expect(got.ok).toBe(false)
    if (got.ok) return
    expect(got.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001',
      reason: 'RequestEntityTooLarge',
      code: 413,
    })
  })

  test('PATCH-3 exactly 10000 operations are applied', () => {
    const ops = Array.from({ length: maxJSONPatchOperations }, () => ({
      op: 'test',
      path: '/a',
      value: 1,
    }))
    expect(applyJsonPatch({ a: 1 }, ops)).toEqual({ ok: true, value: { a: 1 } })
  })
})

describe('applyJsonPatch unknown operation members', () => {
  const patch = deepFreeze([
    { op: 'add', path: '/b', value: 'x<y', xyz: 1 },
    { op: 'remove', path: '/a', Path: '/c' },
  ])

  test('PATCH-6 Warn (the default) applies and warns', () => {
    expect(applyJsonPatch({ a: 1 }, patch)).toEqual({
      ok: true,
      value: { b: 'x<y' },
      warnings: ['json patch unknown field "[0].xyz"', 'json patch unknown field "[1].Path"'],
    })
  })

  test('PATCH-6 Ignore applies silently', () => {
    expect(applyJsonPatch({ a: 1 }, patch, { fieldValidation: 'Ignore' })).toEqual({
      ok: true,
      value: { b: 'x<y' },
    })
  })

  test('PATCH-6 Strict answers 422 Invalid with the patched object', () => {
    const got = applyJsonPatch({ a: 1 }, patch, { fieldValidation: 'Strict' })
    expect(got.ok).toBe(false)
    if (got.ok) return
    const detail =
      'strict decoding error: json patch unknown field "[0].xyz", json patch unknown field "[1].Path"'
    // %q of Go's json.Marshal output: < is \u003c, whose backslash %q doubles.
    const value = '"{\\"b\\":\\"x\\\\u003cy\\"}"'
    expect(got.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: ` "" is invalid: patch: Invalid value: ${value}: ${detail}`,
      reason: 'Invalid',
      details: {
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${value}: ${detail}`,
            field: 'patch',
          },
        ],
      },
      code: 422,
    })
  })
})
