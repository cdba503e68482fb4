import { describe, expect, test } from 'vitest'
import type { FlagSpec } from './flagSpec'
import { allNamespacesFlag, globalFlags, outputFlag } from './globalFlags'
import {
  arrayFlag,
  boolFlag,
  flagErrorOutput,
  numberFlag,
  parseArgs,
  stringFlag,
} from './parseArgs'

/** A `get`-like flag set: globals plus the flags the tests exercise. */
const spec: FlagSpec[] = [
  ...globalFlags,
  allNamespacesFlag,
  outputFlag,
  { name: 'watch', shorthand: 'w', type: 'bool', usage: 'watch' },
  { name: 'show-labels', type: 'bool', usage: 'labels' },
  { name: 'selector', shorthand: 'l', type: 'string', usage: 'selector' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: 'files' },
  { name: 'env', shorthand: 'e', type: 'stringArray', usage: 'env' },
  { name: 'replicas', type: 'int', default: -1, usage: 'replicas' },
  { name: 'timeout', type: 'duration', usage: 'timeout' },
  { name: 'interactive', shorthand: 'i', type: 'bool', usage: 'stdin' },
  { name: 'tty', shorthand: 't', type: 'bool', usage: 'tty' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged', usage: 'dry run' },
]

type Row = {
  name: string
  args: string[]
  positionals: string[]
  flags: Record<string, unknown>
  changed?: string[]
}

const ok: Row[] = [
  {
    name: 'no flags',
    args: ['pods'],
    positionals: ['pods'],
    flags: { namespace: '', watch: false },
    changed: [],
  },
  {
    name: '--flag=value',
    args: ['--namespace=dev', 'pods'],
    positionals: ['pods'],
    flags: { namespace: 'dev' },
  },
  {
    name: '--flag value',
    args: ['pods', '--namespace', 'dev'],
    positionals: ['pods'],
    flags: { namespace: 'dev' },
  },
  {
    name: '-n value',
    args: ['-n', 'dev', 'pods'],
    positionals: ['pods'],
    flags: { namespace: 'dev' },
  },
  { name: '-nvalue', args: ['-ndev', 'pods'], positionals: ['pods'], flags: { namespace: 'dev' } },
  { name: '-n=value', args: ['-n=dev'], positionals: [], flags: { namespace: 'dev' } },
  {
    name: 'empty --namespace=',
    args: ['--namespace='],
    positionals: [],
    flags: { namespace: '' },
    changed: ['namespace'],
  },
  {
    name: 'combined bool shorthands -it',
    args: ['-it', 'x'],
    positionals: ['x'],
    flags: { interactive: true, tty: true },
  },
  {
    name: 'bools then value shorthand -wn dev',
    args: ['-wn', 'dev'],
    positionals: [],
    flags: { watch: true, namespace: 'dev' },
  },
  {
    name: 'value shorthand swallows the rest -ndevw',
    args: ['-ndevw'],
    positionals: [],
    flags: { namespace: 'devw', watch: false },
  },
  {
    name: 'bool shorthand with =',
    args: ['-w=false'],
    positionals: [],
    flags: { watch: false },
    changed: ['watch'],
  },
  {
    name: 'bool in group with =',
    args: ['-iw=0'],
    positionals: [],
    flags: { interactive: true, watch: false },
  },
  { name: 'bool long', args: ['--watch'], positionals: [], flags: { watch: true } },
  {
    name: 'bool long =false',
    args: ['--watch=false'],
    positionals: [],
    flags: { watch: false },
    changed: ['watch'],
  },
  {
    name: 'bool does not take the next word',
    args: ['--watch', 'pods'],
    positionals: ['pods'],
    flags: { watch: true },
  },
  {
    name: 'flags after positionals',
    args: ['pods', 'web', '-o', 'wide', '-A'],
    positionals: ['pods', 'web'],
    flags: { output: 'wide', 'all-namespaces': true },
  },
  {
    name: '-- ends flags',
    args: ['pods', '--', '-n', 'x'],
    positionals: ['pods', '-n', 'x'],
    flags: { namespace: '' },
  },
  { name: 'lone - is positional', args: ['-f', '-'], positionals: [], flags: { filename: ['-'] } },
  { name: 'positional - ', args: ['-'], positionals: ['-'], flags: {} },
  {
    name: 'stringArray repeats',
    args: ['-e', 'A=1', '--env', 'B=2,3'],
    positionals: [],
    flags: { env: ['A=1', 'B=2,3'] },
  },
  {
    name: 'stringSlice repeats and splits commas',
    args: ['-f', 'a.yaml', '-f', 'b.yaml,c.yaml'],
    positionals: [],
    flags: { filename: ['a.yaml', 'b.yaml', 'c.yaml'] },
  },
  {
    name: 'stringSlice CSV quotes',
    args: ['--filename="a,b",c'],
    positionals: [],
    flags: { filename: ['a,b', 'c'] },
  },
  {
    name: 'string repeats: last wins',
    args: ['-l', 'a=b', '-l', 'c=d'],
    positionals: [],
    flags: { selector: 'c=d' },
  },
  { name: 'int', args: ['--replicas=3'], positionals: [], flags: { replicas: 3 } },
  { name: 'int default', args: [], positionals: [], flags: { replicas: -1 } },
  {
    name: 'duration in ms',
    args: ['--timeout', '2m'],
    positionals: [],
    flags: { timeout: 120_000 },
  },
  { name: 'verbosity -v=6', args: ['-v=6'], positionals: [], flags: { v: 6 } },
  { name: 'verbosity --v 8', args: ['--v', '8'], positionals: [], flags: { v: 8 } },
  {
    name: 'context and kubeconfig',
    args: ['--context', 'kind', '--kubeconfig=/k'],
    positionals: [],
    flags: { context: 'kind', kubeconfig: '/k' },
  },
  {
    name: 'underscore normalised to dash',
    args: ['--all_namespaces'],
    positionals: [],
    flags: { 'all-namespaces': true },
  },
  {
    name: 'NoOptDefVal without value',
    args: ['--dry-run', 'x'],
    positionals: ['x'],
    flags: { 'dry-run': 'unchanged' },
  },
  {
    name: 'NoOptDefVal with value',
    args: ['--dry-run=client'],
    positionals: [],
    flags: { 'dry-run': 'client' },
  },
  {
    name: 'default string flag',
    args: [],
    positionals: [],
    flags: { 'dry-run': 'none', 'request-timeout': '0' },
  },
  { name: 'empty argument is positional', args: [''], positionals: [''], flags: {} },
]

const bad: { name: string; args: string[]; error: string }[] = [
  { name: 'unknown long flag', args: ['pods', '--foo'], error: 'unknown flag: --foo' },
  { name: 'unknown long flag with value', args: ['--foo=bar'], error: 'unknown flag: --foo' },
  { name: 'unknown shorthand', args: ['-z'], error: "unknown shorthand flag: 'z' in -z" },
  {
    name: 'unknown shorthand in group',
    args: ['-zx'],
    error: "unknown shorthand flag: 'z' in -zx",
  },
  {
    name: 'unknown shorthand after a bool',
    args: ['-wx'],
    error: "unknown shorthand flag: 'x' in -x",
  },
  {
    name: '-= is an unknown shorthand',
    args: ['-=x'],
    error: "unknown shorthand flag: '=' in -=x",
  },
  {
    name: 'long flag missing its value',
    args: ['pods', '--namespace'],
    error: 'flag needs an argument: --namespace',
  },
  {
    name: 'shorthand missing its value',
    args: ['pods', '-n'],
    error: "flag needs an argument: 'n' in -n",
  },
  {
    name: 'value shorthand last in group',
    args: ['-Ao'],
    error: "flag needs an argument: 'o' in -o",
  },
  {
    name: 'bad int',
    args: ['--replicas=x'],
    error:
      'invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax',
  },
  {
    name: 'int out of range',
    args: ['--replicas', '99999999999999999999'],
    error:
      'invalid argument "99999999999999999999" for "--replicas" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range',
  },
  {
    name: 'bad bool names the shorthand',
    args: ['--watch=x'],
    error:
      'invalid argument "x" for "-w, --watch" flag: strconv.ParseBool: parsing "x": invalid syntax',
  },
  {
    name: 'bad bool via shorthand',
    args: ['-w=x'],
    error:
      'invalid argument "x" for "-w, --watch" flag: strconv.ParseBool: parsing "x": invalid syntax',
  },
  {
    name: 'bad bool without shorthand',
    args: ['--show-labels=yes'],
    error:
      'invalid argument "yes" for "--show-labels" flag: strconv.ParseBool: parsing "yes": invalid syntax',
  },
  {
    name: 'bad verbosity',
    args: ['--v=x'],
    error: 'invalid argument "x" for "-v, --v" flag: strconv.ParseInt: parsing "x": invalid syntax',
  },
  {
    name: 'bad duration',
    args: ['--timeout=x'],
    error: 'invalid argument "x" for "--timeout" flag: time: invalid duration "x"',
  },
  {
    name: 'duration without unit',
    args: ['--timeout=5'],
    error: 'invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"',
  },
  { name: 'three dashes', args: ['---x'], error: 'bad flag syntax: ---x' },
  { name: '--= syntax', args: ['--=x'], error: 'bad flag syntax: --=x' },
  {
    name: 'flag of another command',
    args: ['--replicas-x=3'],
    error: 'unknown flag: --replicas-x',
  },
]

describe('parseArgs', () => {
  test.each(ok)('PARSE-3 $name', ({ args, positionals, flags, changed }) => {
    const r = parseArgs(args, spec)
    if (!r.ok) throw new Error(r.error)
    expect(r.positionals).toEqual(positionals)
    expect(r.flags).toMatchObject(flags)
    if (changed !== undefined) expect(r.changed).toEqual(changed)
  })

  test.each(bad)('PARSE-4 $name', ({ args, error }) => {
    expect(parseArgs(args, spec)).toEqual({ ok: false, error })
  })

  test('PARSE-3 argsLenAtDash counts positionals before --', () => {
    const r = parseArgs(['pod', '-n', 'x', '--', 'sh', '-c', 'ls'], spec)
    expect(r.ok && r.argsLenAtDash).toBe(1)
    expect(r.ok && r.positionals).toEqual(['pod', 'sh', '-c', 'ls'])
  })

  test.each([
    { name: '--help', args: ['--help'], help: true },
    { name: '-h', args: ['pods', '-h'], help: true },
    { name: '--help=false', args: ['--help=false'], help: false },
    { name: 'none', args: ['pods'], help: false },
  ])('PARSE-6 implicit help flag $name', ({ args, help }) => {
    const r = parseArgs(args, spec)
    expect(r.ok && r.help).toBe(help)
  })

  test('PARSE-6 a command that uses -h keeps it', () => {
    const r = parseArgs(['-h', 'x'], [{ name: 'host', shorthand: 'h', type: 'string', usage: '' }])
    expect(r.ok && r.flags['host']).toBe('x')
    expect(r.ok && r.help).toBe(false)
  })

  test('PARSE-3 typed readers', () => {
    const r = parseArgs(['-w', '-n', 'a', '--replicas=2', '-e', 'X=1'], spec)
    if (!r.ok) throw new Error(r.error)
    expect([
      boolFlag(r.flags, 'watch'),
      stringFlag(r.flags, 'namespace'),
      numberFlag(r.flags, 'replicas'),
      arrayFlag(r.flags, 'env'),
    ]).toEqual([true, 'a', 2, ['X=1']])
    expect([
      boolFlag(r.flags, 'nope'),
      stringFlag(r.flags, 'nope'),
      numberFlag(r.flags, 'nope'),
      arrayFlag(r.flags, 'nope'),
    ]).toEqual([false, '', 0, []])
  })

  test('PARSE-4 error output as kubectl prints it', () => {
    expect(flagErrorOutput('kubectl get', 'unknown flag: --foo')).toBe(
      "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
    )
  })

  test('PARSE-3 defaults are copied, not shared', () => {
    const s: FlagSpec[] = [{ name: 'x', type: 'stringArray', default: ['d'], usage: '' }]
    const a = parseArgs(['--x', 'y'], s)
    const b = parseArgs([], s)
    expect(a.ok && a.flags['x']).toEqual(['y'])
    expect(b.ok && b.flags['x']).toEqual(['d'])
  })
})
