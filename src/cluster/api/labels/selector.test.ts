import { describe, expect, test } from 'vitest'
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { parseSelector } from './parser'
import { newRequirement, requirementString, type Labels, type Operator } from './requirement'
import {
  everything,
  matchesNothing,
  nothing,
  selectorFromRequirements,
  selectorFromSet,
} from './selector'
import { formatLabelSelector, selectorFromLabelSelector } from './labelSelector'
import { formatLabels } from './labels'

// TestSelectorMatches / TestRequirementSelectorMatching in selector_test.go.
describe('matching', () => {
  const labelset = { foo: 'bar', baz: 'blah' }
  const rows: { name: string; s: string; labels: Labels; match: boolean }[] = [
    { name: 'empty selector matches', s: '', labels: { x: 'y' }, match: true },
    { name: 'x=y', s: 'x=y', labels: { x: 'y' }, match: true },
    { name: 'two equalities', s: 'x=y,z=w', labels: { x: 'y', z: 'w' }, match: true },
    { name: 'two inequalities', s: 'x!=y,z!=w', labels: { x: 'z', z: 'a' }, match: true },
    { name: 'in and notin as exact values', s: 'notin=in', labels: { notin: 'in' }, match: true },
    { name: 'exists', s: 'x', labels: { x: 'z' }, match: true },
    { name: 'does not exist', s: '!x', labels: { y: 'z' }, match: true },
    { name: 'gt', s: 'x>1', labels: { x: '2' }, match: true },
    { name: 'lt', s: 'x<1', labels: { x: '0' }, match: true },
    { name: 'x=z on no labels', s: 'x=z', labels: {}, match: false },
    { name: 'x=z on undefined labels', s: 'x=z', labels: undefined, match: false },
    { name: 'wrong value', s: 'x=y', labels: { x: 'z' }, match: false },
    { name: 'one of two wrong', s: 'x=y,z=w', labels: { x: 'w', z: 'w' }, match: false },
    { name: 'inequality fails', s: 'x!=y,z!=w', labels: { x: 'z', z: 'w' }, match: false },
    { name: 'exists fails', s: 'x', labels: { y: 'z' }, match: false },
    { name: 'does not exist fails', s: '!x', labels: { x: 'z' }, match: false },
    { name: 'gt fails', s: 'x>1', labels: { x: '0' }, match: false },
    { name: 'lt fails', s: 'x<1', labels: { x: '2' }, match: false },
    { name: 'gt on a non-integer label', s: 'z>1', labels: { z: 'v2' }, match: false },
    { name: 'gt on a missing label', s: 'z>1', labels: {}, match: false },
    { name: 'labelset foo=bar', s: 'foo=bar', labels: labelset, match: true },
    { name: 'labelset both', s: 'foo=bar,baz=blah', labels: labelset, match: true },
    { name: 'labelset wrong value', s: 'foo=blah', labels: labelset, match: false },
    {
      name: 'labelset extra key',
      s: 'foo=bar,foobar=bar,baz=blah',
      labels: labelset,
      match: false,
    },
    {
      name: 'in matches',
      s: 'x in (foo),y notin (alpha)',
      labels: { x: 'foo', y: 'baz' },
      match: true,
    },
    {
      name: 'in fails',
      s: 'x in (foo),y in (alpha)',
      labels: { x: 'foo', y: 'baz' },
      match: false,
    },
    { name: 'notin matches a missing key', s: 'x notin (),y', labels: { y: '' }, match: true },
    { name: '!= matches a missing key', s: 'x!=a', labels: {}, match: true },
    {
      name: 'in () does not match a missing key',
      s: 'x in ()',
      labels: { y: 'baz' },
      match: false,
    },
    { name: 'in () matches an empty value', s: 'x in ()', labels: { x: '' }, match: true },
    { name: 'inherited object keys are not labels', s: 'constructor', labels: {}, match: false },
  ]
  test.each(rows)('SEL-16 $name', ({ s, labels, match }) => {
    const p = parseSelector(s)
    expect(p.ok).toBe(true)
    if (p.ok) expect(p.selector.matches(labels)).toBe(match)
  })
})

describe('requirements', () => {
  const rows: { name: string; key: string; op: Operator; vals: string[]; ok: boolean }[] = [
    { name: 'in without values', key: 'x', op: 'in', vals: [], ok: false },
    { name: 'notin without values', key: 'x', op: 'notin', vals: [], ok: false },
    { name: 'in', key: 'x', op: 'in', vals: ['foo'], ok: true },
    { name: 'exists', key: 'x', op: 'exists', vals: [], ok: true },
    { name: 'does not exist', key: 'x', op: '!', vals: [], ok: true },
    { name: 'key starting with a digit', key: '1foo', op: 'in', vals: ['bar'], ok: true },
    { name: 'numeric key', key: '1234', op: 'in', vals: ['bar'], ok: true },
    { name: 'gt', key: 'y', op: 'gt', vals: ['1'], ok: true },
    { name: 'lt', key: 'z', op: 'lt', vals: ['6'], ok: true },
    { name: 'gt non-integer', key: 'foo', op: 'gt', vals: ['bar'], ok: false },
    { name: 'lt non-integer', key: 'barz', op: 'lt', vals: ['blah'], ok: false },
    { name: 'key over 253', key: 'a'.repeat(254), op: 'exists', vals: [], ok: false },
    { name: 'equals with two values', key: 'x', op: '=', vals: ['a', 'b'], ok: false },
    { name: 'exists with a value', key: 'x', op: 'exists', vals: ['a'], ok: false },
  ]
  test.each(rows)('SEL-15 $name', ({ key, op, vals, ok }) => {
    expect(newRequirement(key, op, vals).ok).toBe(ok)
  })
  test('SEL-15 several errors aggregate in brackets, key at "key"', () => {
    expect(newRequirement('a b', '=', ['a', 'b'])).toEqual({
      ok: false,
      error:
        "[key: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), values: Invalid value: []string{\"a\", \"b\"}: exact-match compatibility requires one single value]",
    })
  })
  test('SEL-15 an unknown operator lists the supported ones', () => {
    expect(newRequirement('x', 'like' as Operator, ['a'])).toEqual({
      ok: false,
      error:
        'operator: Unsupported value: "like": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    })
  })
})

// TestToString in selector_test.go.
describe('toString', () => {
  const req = (key: string, op: Operator, vals: string[] = []) => {
    const r = newRequirement(key, op, vals)
    if (!r.ok) throw new Error(r.error)
    return r.requirement
  }
  const rows = [
    {
      name: 'in, notin, exists',
      reqs: [req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')],
      want: 'x in (abc,def),y notin (jkl),z',
    },
    {
      name: 'notin, !=, !',
      reqs: [req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')],
      want: 'x notin (abc,def),y!=jkl,!z',
    },
    {
      name: 'notin ()',
      reqs: [req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])],
      want: 'x notin (abc),y in (jkl,mno),z notin ()',
    },
    {
      name: '=, ==, !=, exists on the same key',
      reqs: [
        req('x', '=', ['abc']),
        req('y', '==', ['jkl']),
        req('z', '!=', ['a']),
        req('z', 'exists'),
      ],
      want: 'x=abc,y==jkl,z!=a,z',
    },
    {
      name: '>, <',
      reqs: [req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')],
      want: 'x>2,y<8,z',
    },
    {
      name: 'unsorted values print sorted',
      reqs: [req('x', 'in', ['b', 'a'])],
      want: 'x in (a,b)',
    },
  ]
  test.each(rows)('SEL-17 $name', ({ reqs, want }) => {
    expect(selectorFromRequirements(reqs).toString()).toBe(want)
  })
  test('SEL-17 requirementString of one requirement', () => {
    expect(requirementString({ key: 'k', operator: 'exists', values: [] })).toBe('k')
  })
  test('SEL-17 add re-sorts by key; requiresExactMatch', () => {
    const s = everything().add(req('b', '=', ['1']), req('a', 'in', ['2']))
    expect(s.toString()).toBe('a in (2),b=1')
    expect(s.requiresExactMatch('a')).toBe('2')
    expect(s.requiresExactMatch('c')).toBeUndefined()
  })
})

describe('Everything, Nothing, sets', () => {
  test('SEL-18 everything matches and is empty', () => {
    expect(everything().matches({ x: 'y' })).toBe(true)
    expect(everything().empty()).toBe(true)
  })
  test('SEL-18 nothing matches nothing and is not empty', () => {
    expect(nothing().matches({})).toBe(false)
    expect(nothing().empty()).toBe(false)
    expect(nothing().toString()).toBe('')
    expect(matchesNothing(nothing())).toBe(true)
    expect(matchesNothing(everything())).toBe(false)
  })
  const setRows: { name: string; set: Record<string, string>; labels: Labels; match: boolean }[] = [
    { name: 'empty set matches', set: {}, labels: { foo: 'bar', baz: 'blah' }, match: true },
    { name: 'one label', set: { foo: 'bar' }, labels: { foo: 'bar', baz: 'blah' }, match: true },
    {
      name: 'both labels',
      set: { foo: 'bar', baz: 'blah' },
      labels: { foo: 'bar', baz: 'blah' },
      match: true,
    },
    { name: 'missing label', set: { foo: 'bar', x: 'y' }, labels: { foo: 'bar' }, match: false },
  ]
  test.each(setRows)('SEL-18 selectorFromSet $name', ({ set, labels, match }) => {
    expect(selectorFromSet(set).matches(labels)).toBe(match)
  })
  test('SEL-18 selectorFromSet text is sorted by key', () => {
    expect(selectorFromSet({ tier: 'fe', app: 'web' }).toString()).toBe('app=web,tier=fe')
    expect(selectorFromSet(undefined).empty()).toBe(true)
  })
})

describe('selectorFromLabelSelector (LabelSelectorAsSelector)', () => {
  const rows: {
    name: string
    ls: LabelSelector | null | undefined
    text: string
    matches: Labels
    match: boolean
  }[] = [
    { name: 'nil matches nothing', ls: undefined, text: '', matches: { app: 'web' }, match: false },
    { name: 'null matches nothing', ls: null, text: '', matches: {}, match: false },
    { name: 'empty matches everything', ls: {}, text: '', matches: { app: 'web' }, match: true },
    {
      name: 'empty lists match everything',
      ls: { matchLabels: {}, matchExpressions: [] },
      text: '',
      matches: {},
      match: true,
    },
    {
      name: 'matchLabels',
      ls: { matchLabels: { app: 'web', tier: 'fe' } },
      text: 'app=web,tier=fe',
      matches: { app: 'web', tier: 'fe', x: 'y' },
      match: true,
    },
    {
      name: 'matchExpressions',
      ls: {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['qa', 'prod'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'tier', operator: 'Exists' },
          { key: 'zone', operator: 'NotIn', values: ['a'] },
        ],
      },
      text: 'app=web,!canary,env in (prod,qa),tier,zone notin (a)',
      matches: { app: 'web', env: 'qa', tier: 'be' },
      match: true,
    },
  ]
  test.each(rows)('SEL-18 $name', ({ ls, text, matches, match }) => {
    const r = selectorFromLabelSelector(ls)
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.selector.toString()).toBe(text)
      expect(r.selector.matches(matches)).toBe(match)
    }
  })
  const errRows = [
    {
      name: 'bad operator',
      ls: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] },
      error: '"Equals" is not a valid pod selector operator',
    },
    {
      name: 'In without values',
      ls: { matchExpressions: [{ key: 'a', operator: 'In' }] },
      error:
        "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    },
    {
      name: 'bad matchLabels value',
      ls: { matchLabels: { app: 'a b' } },
      error:
        "values[0][app]: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    },
  ]
  test.each(errRows)('SEL-18 $name', ({ ls, error }) => {
    expect(selectorFromLabelSelector(ls)).toEqual({ ok: false, error })
  })
})

describe('printing', () => {
  const rows: { name: string; labels: Labels; want: string }[] = [
    { name: 'sorted pairs', labels: { tier: 'fe', app: 'web' }, want: 'app=web,tier=fe' },
    { name: 'none', labels: {}, want: '<none>' },
    { name: 'undefined', labels: undefined, want: '<none>' },
    // Set.String sorts whole "k=v" strings: "a.b=1" sorts before "a=2" because '.' < '='.
    { name: 'whole-string sort', labels: { a: '2', 'a.b': '1' }, want: 'a.b=1,a=2' },
  ]
  test.each(rows)('SEL-19 formatLabels $name', ({ labels, want }) => {
    expect(formatLabels(labels)).toBe(want)
  })
  const selRows: { name: string; ls: LabelSelector | undefined; want: string }[] = [
    { name: 'nil', ls: undefined, want: '<none>' },
    { name: 'empty', ls: {}, want: '<none>' },
    { name: 'matchLabels', ls: { matchLabels: { app: 'web' } }, want: 'app=web' },
    { name: 'invalid', ls: { matchExpressions: [{ key: 'a', operator: 'Bad' }] }, want: '<error>' },
  ]
  test.each(selRows)('SEL-19 formatLabelSelector $name', ({ ls, want }) => {
    expect(formatLabelSelector(ls)).toBe(want)
  })
})

describe('untrusted input', () => {
  test('SEL-18 garbage selectors read as zero values and never throw', () => {
    const ls = {
      matchLabels: { app: 3 },
      matchExpressions: [null, { key: 'k', operator: 'Exists', values: 'x' }],
    }
    const r = selectorFromLabelSelector(ls as unknown as LabelSelector)
    expect(r.ok && r.selector.toString()).toBe('app=,k')
  })
})
