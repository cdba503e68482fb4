import { describe, expect, test } from 'vitest'
import { parseResourceArgs, splitResourceArgument } from './resourceArgs'

const NO_NEED =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"

const expandAll = (name: string): readonly string[] | undefined =>
  name === 'all' ? ['pods', 'services', 'deployments.apps'] : undefined

const ok: {
  name: string
  args: string[]
  types?: string[]
  names?: string[]
  tuples?: { resource: string; name: string }[]
}[] = [
  { name: 'no arguments', args: [] },
  { name: 'one type', args: ['pods'], types: ['pods'] },
  { name: 'comma list', args: ['po,svc'], types: ['po', 'svc'] },
  { name: 'comma list repeats dropped', args: ['po,svc,po'], types: ['po', 'svc'] },
  { name: 'trailing comma keeps an empty type', args: ['po,'], types: ['po', ''] },
  { name: 'type and name', args: ['deployment', 'web'], types: ['deployment'], names: ['web'] },
  {
    name: 'type and names',
    args: ['deployment', 'web', 'api'],
    types: ['deployment'],
    names: ['web', 'api'],
  },
  { name: 'type/name', args: ['deploy/web'], tuples: [{ resource: 'deploy', name: 'web' }] },
  {
    name: 'several type/name',
    args: ['pods/web', 'svc/db'],
    tuples: [
      { resource: 'pods', name: 'web' },
      { resource: 'svc', name: 'db' },
    ],
  },
  {
    name: 'comma types with names become tuples',
    args: ['po,svc', 'a', 'b'],
    tuples: [
      { resource: 'po', name: 'a' },
      { resource: 'po', name: 'b' },
      { resource: 'svc', name: 'a' },
      { resource: 'svc', name: 'b' },
    ],
  },
  {
    name: 'all expands to its category',
    args: ['all'],
    types: ['pods', 'services', 'deployments.apps'],
  },
  {
    name: 'all inside a list',
    args: ['all,cm'],
    types: ['pods', 'services', 'deployments.apps', 'cm'],
  },
  {
    name: 'all with a name',
    args: ['all', 'web'],
    types: ['pods', 'services', 'deployments.apps'],
    names: ['web'],
  },
]

const bad: { name: string; args: string[]; error: string }[] = [
  { name: 'type then type/name', args: ['deploy', 'deploy/x'], error: NO_NEED },
  { name: 'type/name then type', args: ['pods/x', 'svc'], error: NO_NEED },
  {
    name: 'two slashes',
    args: ['pods/x/y'],
    error: 'arguments in resource/name form may not have more than one slash',
  },
  {
    name: 'empty name',
    args: ['pods/'],
    error: 'arguments in resource/name form must have a single resource and name',
  },
  {
    name: 'empty type',
    args: ['/x'],
    error: 'arguments in resource/name form must have a single resource and name',
  },
  {
    name: 'comma list in tuple',
    args: ['po,svc/x'],
    error: 'arguments in resource/name form must have a single resource and name',
  },
]

describe('parseResourceArgs', () => {
  test.each(ok)('PARSE-7 $name', ({ args, types = [], names = [], tuples = [] }) => {
    expect(parseResourceArgs(args, expandAll)).toEqual({
      ok: true,
      value: { types, names, tuples },
    })
  })
  test.each(bad)('PARSE-8 $name', ({ args, error }) => {
    expect(parseResourceArgs(args, expandAll)).toEqual({ ok: false, error })
  })
  test('PARSE-7 without an expander, all stays literal', () => {
    expect(parseResourceArgs(['all'])).toEqual({
      ok: true,
      value: { types: ['all'], names: [], tuples: [] },
    })
  })
  test('PARSE-7 splitResourceArgument keeps first-seen order', () => {
    expect(splitResourceArgument('b,a,b,c,a')).toEqual(['b', 'a', 'c'])
  })
})
