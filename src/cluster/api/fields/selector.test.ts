import { describe, expect, test } from 'vitest'
import {
  escapeValue,
  everythingFields,
  fieldSelectorFromSet,
  parseFieldSelector,
  unescapeValue,
  type Fields,
} from './selector'

// Rows from staging/src/k8s.io/apimachinery/pkg/fields/selector_test.go.
describe('parsing', () => {
  const good = [
    { name: 'three terms', s: 'x=a,y=b,z=c', text: 'x=a,y=b,z=c' },
    { name: 'empty', s: '', text: '' },
    { name: 'not equals', s: 'x!=a,y=b', text: 'x!=a,y=b' },
    { name: 'escaped = in a value', s: 'x=a||y\\=b', text: 'x=a||y\\=b' },
    { name: 'escaped == in a value', s: 'x=a\\=\\=b', text: 'x=a\\=\\=b' },
    { name: 'terms sorted as text', s: 'x=a,a=x', text: 'a=x,x=a' },
    { name: '== prints as =', s: 'status.phase==Running', text: 'status.phase=Running' },
    { name: 'empty terms skipped', s: 'a=a,,b=b,', text: 'a=a,b=b' },
    // Sorted as text: "k2=v2" < "k=..." because '2' < '='.
    { name: 'escaped comma', s: 'k=\\,,k2=v2', text: 'k2=v2,k=\\,' },
    { name: 'escaped backslash', s: 'k=\\\\,k2=v2', text: 'k2=v2,k=\\\\' },
    { name: 'multi-byte', s: '함=수,목=록', text: '목=록,함=수' },
    { name: 'empty value', s: 'spec.nodeName=', text: 'spec.nodeName=' },
  ]
  test.each(good)('SEL-20 $name', ({ s, text }) => {
    const r = parseFieldSelector(s)
    expect(r.ok && r.selector.toString()).toBe(text)
  })

  const bad = [
    {
      name: 'x=a||y=b',
      s: 'x=a||y=b',
      error: 'invalid field selector: unescaped character in value: 61',
    },
    {
      name: 'x==a==b',
      s: 'x==a==b',
      error: 'invalid field selector: unescaped character in value: 61',
    },
    { name: 'x=a,b', s: 'x=a,b', error: "invalid selector: 'x=a,b'; can't understand 'b'" },
    {
      name: 'x in (a)',
      s: 'x in (a)',
      error: "invalid selector: 'x in (a)'; can't understand 'x in (a)'",
    },
    {
      name: 'x in (a,b,c)',
      s: 'x in (a,b,c)',
      error: "invalid selector: 'x in (a,b,c)'; can't understand 'b'",
    },
    { name: 'bare field', s: 'x', error: "invalid selector: 'x'; can't understand 'x'" },
    {
      name: 'unknown escape',
      s: 'k=\\a',
      error: 'invalid field selector: invalid escape sequence: \\a',
    },
    {
      name: 'orphan backslash',
      s: 'k=\\',
      error: 'invalid field selector: invalid escape sequence: \\',
    },
  ]
  test.each(bad)('SEL-20 $name', ({ s, error }) => {
    expect(parseFieldSelector(s)).toEqual({ ok: false, error })
  })

  test('SEL-20 requirements carry the operator and unescaped value', () => {
    const r = parseFieldSelector('b!=x\\,y,a==1')
    expect(r.ok && r.selector.requirements()).toEqual([
      { field: 'a', operator: '=', value: '1' },
      { field: 'b', operator: '!=', value: 'x,y' },
    ])
  })
})

describe('escaping', () => {
  const rows = [
    { name: 'empty', raw: '', escaped: '' },
    { name: 'plain', raw: 'a', escaped: 'a' },
    { name: 'equals', raw: '=', escaped: '\\=' },
    { name: 'comma', raw: ',', escaped: '\\,' },
    { name: 'backslash', raw: '\\', escaped: '\\\\' },
    { name: 'all three', raw: '\\=\\,\\', escaped: '\\\\\\=\\\\\\,\\\\' },
  ]
  test.each(rows)('SEL-20 $name round-trips', ({ raw, escaped }) => {
    expect(escapeValue(raw)).toBe(escaped)
    expect(unescapeValue(escaped)).toEqual({ ok: true, value: raw })
  })
  test.each(['\\', '\\\\\\', '\\a'])('SEL-20 %s is an invalid escape', (v) => {
    const r = unescapeValue(v)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain('invalid escape sequence')
  })
})

describe('matching', () => {
  const fieldset: Fields = { foo: 'bar', baz: 'blah', complex: '=value\\,\\' }
  const rows: { name: string; s: string; fields: Fields; match: boolean }[] = [
    { name: 'empty', s: '', fields: { x: 'y' }, match: true },
    { name: 'x=y', s: 'x=y', fields: { x: 'y' }, match: true },
    { name: 'two terms', s: 'x=y,z=w', fields: { x: 'y', z: 'w' }, match: true },
    { name: 'two inequalities', s: 'x!=y,z!=w', fields: { x: 'z', z: 'a' }, match: true },
    { name: 'notin=in', s: 'notin=in', fields: { notin: 'in' }, match: true },
    { name: 'wrong value', s: 'x=y', fields: { x: 'z' }, match: false },
    { name: 'one wrong', s: 'x=y,z=w', fields: { x: 'w', z: 'w' }, match: false },
    { name: 'inequality fails', s: 'x!=y,z!=w', fields: { x: 'z', z: 'w' }, match: false },
    {
      name: 'escaped complex value',
      s: 'foo=bar,baz=blah,complex=\\=value\\\\\\,\\\\',
      fields: fieldset,
      match: true,
    },
    { name: 'foo=blah', s: 'foo=blah', fields: fieldset, match: false },
    {
      name: 'missing field reads as empty',
      s: 'foo=bar,foobar=bar,baz=blah',
      fields: fieldset,
      match: false,
    },
    { name: 'missing field equals ""', s: 'spec.nodeName=', fields: {}, match: true },
    { name: 'missing field != x', s: 'spec.nodeName!=x', fields: {}, match: true },
  ]
  test.each(rows)('SEL-21 $name', ({ s, fields, match }) => {
    const r = parseFieldSelector(s)
    expect(r.ok && r.selector.matches(fields)).toBe(match)
  })
  test('SEL-21 everything and sets', () => {
    expect(everythingFields().empty()).toBe(true)
    expect(everythingFields().matches({ a: 'b' })).toBe(true)
    expect(fieldSelectorFromSet({ foo: 'bar' }).matches({ foo: 'bar', baz: 'blah' })).toBe(true)
    expect(fieldSelectorFromSet({ foo: '=blah' }).matches({ foo: 'bar' })).toBe(false)
  })
  test('SEL-21 requiresExactMatch', () => {
    const r = parseFieldSelector('a!=b,test=b')
    expect(r.ok && r.selector.requiresExactMatch('test')).toBe('b')
    expect(r.ok && r.selector.requiresExactMatch('a')).toBeUndefined()
  })
})
