import { describe, expect, test } from 'vitest'
import { Lexer, type Token } from './lexer'
import { parseSelector, parseToRequirements } from './parser'
import type { Requirement } from './requirement'

const lexAll = (s: string): Token[] => {
  const l = new Lexer(s)
  const out: Token[] = []
  for (;;) {
    const { tok } = l.lex()
    if (tok === 'EndOfString') return out
    out.push(tok)
  }
}

// TestLexer / TestLexerSequence in staging/src/k8s.io/apimachinery/pkg/labels/selector_test.go.
describe('lexer', () => {
  const rows: { name: string; s: string; want: Token[] }[] = [
    { name: 'empty', s: '', want: [] },
    { name: 'comma', s: ',', want: ['Comma'] },
    { name: 'notin', s: 'notin', want: ['NotIn'] },
    { name: 'in', s: 'in', want: ['In'] },
    { name: 'equals', s: '=', want: ['Equals'] },
    { name: 'double equals', s: '==', want: ['DoubleEquals'] },
    { name: 'greater than', s: '>', want: ['GreaterThan'] },
    { name: 'less than', s: '<', want: ['LessThan'] },
    { name: 'bang', s: '!', want: ['DoesNotExist'] },
    { name: 'not equals (longest token)', s: '!=', want: ['NotEquals'] },
    { name: 'parens', s: '()', want: ['OpenPar', 'ClosedPar'] },
    { name: 'tilde is an identifier', s: '~', want: ['Identifier'] },
    { name: '|| is an identifier', s: '||', want: ['Identifier'] },
    {
      name: 'key in ( value )',
      s: 'key in ( value )',
      want: ['Identifier', 'In', 'OpenPar', 'Identifier', 'ClosedPar'],
    },
    {
      name: 'key in ( value1, value2 )',
      s: 'key in ( value1, value2 )',
      want: ['Identifier', 'In', 'OpenPar', 'Identifier', 'Comma', 'Identifier', 'ClosedPar'],
    },
    { name: '!key', s: '!key', want: ['DoesNotExist', 'Identifier'] },
    {
      name: '== != (), = notin',
      s: '== != (), = notin',
      want: ['DoubleEquals', 'NotEquals', 'OpenPar', 'ClosedPar', 'Comma', 'Equals', 'NotIn'],
    },
    { name: 'key>2', s: 'key>2', want: ['Identifier', 'GreaterThan', 'Identifier'] },
    { name: 'three equals split as == then =', s: '===', want: ['DoubleEquals', 'Equals'] },
  ]
  test.each(rows)('SEL-13 $name', ({ s, want }) => {
    expect(lexAll(s)).toEqual(want)
  })
})

const r = (key: string, operator: Requirement['operator'], values: string[] = []): Requirement => ({
  key,
  operator,
  values,
})

// TestSetSelectorParser rows.
describe('parser: valid selectors', () => {
  const rows: { name: string; s: string; want: Requirement[] }[] = [
    { name: 'empty', s: '', want: [] },
    { name: 'carriage return is whitespace', s: '\rx', want: [r('x', 'exists')] },
    {
      name: 'prefixed key',
      s: 'this-is-a-dns.domain.com/key-with-dash',
      want: [r('this-is-a-dns.domain.com/key-with-dash', 'exists')],
    },
    {
      name: 'prefixed key in',
      s: 'this-is-another-dns.domain.com/key-with-dash in (so,what)',
      want: [r('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])],
    },
    {
      name: 'notin with dotted values',
      s: '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)',
      want: [r('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])],
    },
    { name: 'tabs and spaces', s: 'foo  in\t (abc)', want: [r('foo', 'in', ['abc'])] },
    { name: 'newline', s: 'x notin\n (abc)', want: [r('x', 'notin', ['abc'])] },
    { name: 'in two values', s: 'x in (abc,def)', want: [r('x', 'in', ['abc', 'def'])] },
    { name: 'trailing comma in set adds ""', s: 'x in (abc,)', want: [r('x', 'in', ['', 'abc'])] },
    { name: 'empty set is {""}', s: 'x in ()', want: [r('x', 'in', [''])] },
    {
      name: 'sorted by key',
      s: 'x notin (abc,,def),bar,z in (),w',
      want: [
        r('bar', 'exists'),
        r('w', 'exists'),
        r('x', 'notin', ['', 'abc', 'def']),
        r('z', 'in', ['']),
      ],
    },
    { name: 'equals', s: 'x=a', want: [r('x', '=', ['a'])] },
    { name: 'greater than', s: 'x>1', want: [r('x', 'gt', ['1'])] },
    { name: 'less than', s: 'x<7', want: [r('x', 'lt', ['7'])] },
    {
      name: 'equals and not equals',
      s: 'x=a,y!=b',
      want: [r('x', '=', ['a']), r('y', '!=', ['b'])],
    },
    { name: 'notin with spaces', s: 'x notin ( )', want: [r('x', 'notin', [''])] },
    { name: 'leading comma in set', s: 'x notin (, a)', want: [r('x', 'notin', ['', 'a'])] },
    { name: 'trailing space', s: 'a ', want: [r('a', 'exists')] },
    {
      name: 'in and notin as values',
      s: 'a in (x,y,notin, z,in)',
      want: [r('a', 'in', ['in', 'notin', 'x', 'y', 'z'])],
    },
    { name: 'notin as a key', s: 'notin=in', want: [r('notin', '=', ['in'])] },
    { name: 'empty exact value', s: 'x=', want: [r('x', '=', [''])] },
    { name: 'double equals', s: 'x==a', want: [r('x', '==', ['a'])] },
    { name: 'does not exist', s: '!x', want: [r('x', '!')] },
  ]
  test.each(rows)('SEL-14 $name', ({ s, want }) => {
    const got = parseToRequirements(s)
    expect(got).toEqual({ ok: true, requirements: want })
  })
})

const valueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
const keyMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

describe('parser: errors', () => {
  const rows: { name: string; s: string; error: string }[] = [
    {
      name: 'x=a||y=b',
      s: 'x=a||y=b',
      error: `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${valueMsg}`,
    },
    { name: 'x==a==b', s: 'x==a==b', error: "found '==', expected: ',' or 'end of string'" },
    { name: '!x=a', s: '!x=a', error: "found '=', expected: ',' or 'end of string'" },
    {
      name: 'x<a',
      s: 'x<a',
      error:
        "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
    },
    {
      name: 'a in (xyz abc)',
      s: 'a in (xyz abc)',
      error: "unable to parse requirement: found 'abc', expected: ',' or ')'",
    },
    {
      name: 'a notin(',
      s: 'a notin(',
      error: "unable to parse requirement: found '', expected: ',', ')' or identifier",
    },
    {
      name: 'a (',
      s: 'a (',
      error: "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt",
    },
    { name: '(', s: '(', error: "found '(', expected: !, identifier, or 'end of string'" },
    { name: 'a in (xyz),', s: 'a in (xyz),', error: "found '', expected: identifier after ','" },
    { name: ',x,y', s: ',x,y', error: "found ',', expected: !, identifier, or 'end of string'" },
    {
      name: 'x nott in (y)',
      s: 'x nott in (y)',
      error: "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt",
    },
    {
      name: 'a in (xyz)b notin ()',
      s: 'a in (xyz)b notin ()',
      error: "found 'b', expected: ',' or 'end of string'",
    },
    {
      name: 'in without parens',
      s: 'key in x',
      error: "unable to parse requirement: found 'x' expected: '('",
    },
    {
      name: 'unclosed set',
      s: 'x in (a',
      error: "unable to parse requirement: found '', expected: ',' or ')'",
    },
    {
      name: 'operator in a set',
      s: 'x in (a,=)',
      error: "unable to parse requirement: found '=', expected: ',', or identifier",
    },
    {
      name: 'bad key (nil path)',
      s: 'A@B=c',
      error: `unable to parse requirement: <nil>: Invalid value: "A@B": ${keyMsg}`,
    },
    {
      name: 'bad value in a set',
      s: 'app in (a,b@c)',
      error: `unable to parse requirement: values[1][app]: Invalid value: "b@c": ${valueMsg}`,
    },
    {
      name: 'key too long',
      s: 'a'.repeat(64),
      error: `unable to parse requirement: <nil>: Invalid value: "${'a'.repeat(64)}": name part must be no more than 63 characters`,
    },
    {
      name: 'key messages joined with "; "',
      s: `${'-'.repeat(64)}`,
      error: `unable to parse requirement: <nil>: Invalid value: "${'-'.repeat(64)}": name part must be no more than 63 characters; ${keyMsg}`,
    },
  ]
  test.each(rows)('SEL-14 $name', ({ s, error }) => {
    expect(parseSelector(s)).toEqual({ ok: false, error })
  })
})

describe('canonical text', () => {
  const rows = [
    { name: 'spaces dropped', s: 'x= ,z= ', want: 'x=,z=' },
    { name: 'sorted by key', s: 'x=a,a=x', want: 'a=x,x=a' },
    {
      name: 'set values sorted',
      s: 'x in (foo,,baz),y,z notin ()',
      want: 'x in (,baz,foo),y,z notin ()',
    },
    { name: 'does not exist', s: '!x', want: '!x' },
    { name: 'gt and lt', s: 'x>1,z<5', want: 'x>1,z<5' },
    { name: 'double equals kept', s: 'y==jkl', want: 'y==jkl' },
    {
      name: 'kubectl docs example',
      s: 'environment in (production, qa),tier notin (frontend,backend),!canary',
      want: '!canary,environment in (production,qa),tier notin (backend,frontend)',
    },
  ]
  test.each(rows)('SEL-17 $name', ({ s, want }) => {
    const p = parseSelector(s)
    expect(p.ok && p.selector.toString()).toBe(want)
  })
})
