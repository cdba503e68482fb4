import { describe, expect, test } from 'vitest'
import { tokenize } from './tokenize'

const ok: { name: string; line: string; args: string[] }[] = [
  { name: 'plain words', line: 'kubectl get pods', args: ['kubectl', 'get', 'pods'] },
  { name: 'runs of blanks and tabs', line: '  get \t pods  ', args: ['get', 'pods'] },
  { name: 'empty line', line: '', args: [] },
  {
    name: 'single quotes keep JSON',
    line: `patch svc x -p '{"a":1}'`,
    args: ['patch', 'svc', 'x', '-p', '{"a":1}'],
  },
  { name: 'single quotes keep backslashes', line: `echo 'a\\nb'`, args: ['echo', 'a\\nb'] },
  {
    name: 'double quotes keep spaces',
    line: 'label po x "a=b c"',
    args: ['label', 'po', 'x', 'a=b c'],
  },
  {
    name: 'double-quote escapes only $ ` " \\',
    line: 'x "b\\q\\$\\\\\\"c"',
    args: ['x', 'b\\q$\\"c'],
  },
  { name: 'adjacent quoted parts join', line: `a\\ b"c"d'e'`, args: ['a bcde'] },
  {
    name: 'flag=quoted value joins',
    line: `--selector="app in (a,b)"`,
    args: ['--selector=app in (a,b)'],
  },
  { name: 'empty quotes make an empty argument', line: `x '' ""`, args: ['x', '', ''] },
  { name: 'backslash escapes a quote', line: `x \\'y`, args: ['x', "'y"] },
  { name: 'backslash-newline continues the line', line: 'get \\\npods', args: ['get', 'pods'] },
  { name: 'dollar stays literal (no expansion)', line: 'echo $HOME', args: ['echo', '$HOME'] },
  {
    name: 'quoted operators are plain text',
    line: `get po -l 'a|b'`,
    args: ['get', 'po', '-l', 'a|b'],
  },
]

const bad: { name: string; line: string; error: string; incomplete: boolean }[] = [
  {
    name: 'open single quote',
    line: `patch -p '{"a":1}`,
    error: "unexpected EOF while looking for matching `''",
    incomplete: true,
  },
  {
    name: 'open double quote',
    line: 'label "a=b',
    error: 'unexpected EOF while looking for matching `"\'',
    incomplete: true,
  },
  {
    name: 'trailing backslash',
    line: 'get pods \\',
    error: "unexpected end of line after `\\'",
    incomplete: true,
  },
  {
    name: 'unquoted pipe',
    line: 'get pods | grep web',
    error:
      "syntax error near unexpected token `|': kubeplay runs one command at a time (no pipes, redirections or lists)",
    incomplete: false,
  },
  {
    name: 'unquoted redirection',
    line: 'get pods -o yaml > x.yaml',
    error:
      "syntax error near unexpected token `>': kubeplay runs one command at a time (no pipes, redirections or lists)",
    incomplete: false,
  },
]

describe('tokenize', () => {
  test.each(ok)('PARSE-1 $name', ({ line, args }) => {
    expect(tokenize(line)).toEqual({ ok: true, args })
  })
  test.each(bad)('PARSE-2 $name', ({ line, error, incomplete }) => {
    expect(tokenize(line)).toEqual({ ok: false, error, incomplete })
  })
})
