import { describe, expect, test } from 'vitest'
import { errorText, fieldPath } from '../field'
import { nameIsDNSSubdomain } from './names'
import {
  bool,
  list,
  num,
  obj,
  optNum,
  optObj,
  optStr,
  readMeta,
  str,
  strList,
  strMap,
  validateObjectMetaFor,
  validateObjectMetaUpdateFor,
  withBareValue,
} from './objectMeta'
import { invalid } from '../field'

describe('defensive readers', () => {
  test.each([
    { name: 'null', v: null },
    { name: 'a string', v: 'x' },
    { name: 'a number', v: 3 },
    { name: 'an array', v: [1] },
    { name: 'undefined', v: undefined },
  ])('VALPOD-18 $name reads as the zero value where the type differs', ({ v }) => {
    expect(() => [obj(v), list(v), str(v), num(v), bool(v), strMap(v), strList(v)]).not.toThrow()
    if (typeof v !== 'string') expect(str(v)).toBe('')
    if (typeof v !== 'number') expect(num(v)).toBe(0)
    if (!Array.isArray(v)) expect(list(v)).toEqual([])
    expect(optObj(v)).toBeUndefined()
  })
  test('VALPOD-18 typed values pass through', () => {
    expect(obj({ a: 1 })).toEqual({ a: 1 })
    expect(optNum(Number.NaN)).toBeUndefined()
    expect(optStr('')).toBe('')
    expect(strMap({ a: 'b', c: 1 })).toEqual({ a: 'b' })
    expect(strList(['a', 2, 'b'])).toEqual(['a', 'b'])
    expect(readMeta({ name: 'x', finalizers: ['a', 3] })).toEqual({ name: 'x', finalizers: ['a'] })
    expect(readMeta('x')).toBeUndefined()
  })
})

describe('validateObjectMetaFor', () => {
  const rules = { namespaced: true, nameFn: nameIsDNSSubdomain }
  const meta = fieldPath('metadata')
  test.each([
    { name: 'valid', m: { name: 'web', namespace: 'default' }, want: [] as string[] },
    { name: 'namespace missing', m: { name: 'web' }, want: ['metadata.namespace: Required value'] },
    {
      name: 'not an object',
      m: 'web',
      want: [
        'metadata.name: Required value: name or generateName is required',
        'metadata.namespace: Required value',
      ],
    },
    {
      name: 'custom unqualified finalizer',
      m: { name: 'web', namespace: 'default', finalizers: ['cleanup'] },
      want: [
        'metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
      ],
    },
  ])('VALPOD-1 $name', ({ m, want }) => {
    expect(validateObjectMetaFor(m, rules, meta).map(errorText)).toEqual(want)
  })
  test('VALPOD-12 update keeps the name', () => {
    const old = { name: 'web', namespace: 'default', uid: 'u', resourceVersion: '3' }
    expect(validateObjectMetaUpdateFor({ ...old, name: 'api' }, old, meta).map(errorText)).toEqual([
      'metadata.name: Invalid value: "api": field is immutable',
    ])
  })
})

describe('withBareValue', () => {
  test('VALPOD-16 prints the value unquoted, as Go prints a fmt.Stringer', () => {
    const e = withBareValue(invalid(fieldPath('x'), '', 'must be an integer'), '1500m')
    expect(errorText(e)).toBe('x: Invalid value: 1500m: must be an integer')
    expect(e.field).toBe('x')
    expect(e.type).toBe('FieldValueInvalid')
  })
})
