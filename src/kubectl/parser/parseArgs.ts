import { goQuote } from '../../cluster/api/goFormat'
import { flagDefault, type FlagSpec, type FlagValue } from './flagSpec'
import { helpFlag } from './globalFlags'
import { parseGoBool, parseGoDuration, parseGoInt, type GoParse } from './goStrconv'

/** Flags and positional arguments of one command line, or pflag's error text. */
export type ParseArgsResult =
  | {
      ok: true
      /** Every declared flag by long name, defaults filled in. */
      flags: Record<string, FlagValue>
      /** Long names of the flags the user set, in first-set order (pflag's Changed). */
      changed: string[]
      positionals: string[]
      /** How many positionals came before `--`, or -1 (cobra's ArgsLenAtDash). */
      argsLenAtDash: number
      /** `-h` / `--help` was given. */
      help: boolean
    }
  | { ok: false; error: string }

/** kubectl normalises `_` to `-` in long flag names (component-base cliflag.WordSepNormalizeFunc). */
function normalizeFlagName(name: string): string {
  return name.replaceAll('_', '-')
}

/** Parses argv with pflag semantics (interspersed flags, `--`, shorthand groups, NoOptDefVal). */
// Mirrors github.com/spf13/pflag flag.go parseArgs / parseLongArg / parseSingleShortArg
export function parseArgs(args: readonly string[], spec: readonly FlagSpec[]): ParseArgsResult {
  const all = spec.some((f) => f.name === 'help') ? spec : [...spec, helpFlag]
  const byName = new Map<string, FlagSpec>()
  const byShort = new Map<string, FlagSpec>()
  for (const f of all) {
    byName.set(f.name, f)
    // cobra drops the implicit -h when a command already uses h for something else.
    if (f.shorthand !== undefined && !byShort.has(f.shorthand)) byShort.set(f.shorthand, f)
  }
  const flags: Record<string, FlagValue> = {}
  for (const f of all) flags[f.name] = flagDefault(f)
  const changed: string[] = []
  const positionals: string[] = []
  let argsLenAtDash = -1

  const set = (f: FlagSpec, value: string): string | undefined => {
    const parsed = convert(f, value, changed.includes(f.name) ? flags[f.name] : undefined)
    if (!parsed.ok) {
      const flagName = f.shorthand !== undefined ? `-${f.shorthand}, --${f.name}` : `--${f.name}`
      return `invalid argument ${goQuote(value)} for ${goQuote(flagName)} flag: ${parsed.error}`
    }
    flags[f.name] = parsed.value
    if (!changed.includes(f.name)) changed.push(f.name)
    return undefined
  }

  let rest = [...args]
  while (rest.length > 0) {
    const s = rest[0] ?? ''
    rest = rest.slice(1)
    if (s.length < 2 || s[0] !== '-') {
      positionals.push(s)
      continue
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = positionals.length
        positionals.push(...rest)
        break
      }
      const body = s.slice(2)
      if (body[0] === '-' || body[0] === '=') return { ok: false, error: `bad flag syntax: ${s}` }
      const eq = body.indexOf('=')
      const rawName = eq < 0 ? body : body.slice(0, eq)
      const f = byName.get(normalizeFlagName(rawName))
      if (f === undefined) return { ok: false, error: `unknown flag: --${rawName}` }
      let value: string
      if (eq >= 0) value = body.slice(eq + 1)
      else if (noOptDefVal(f) !== undefined) value = noOptDefVal(f) ?? ''
      else if (rest.length > 0) {
        value = rest[0] ?? ''
        rest = rest.slice(1)
      } else return { ok: false, error: `flag needs an argument: ${s}` }
      const err = set(f, value)
      if (err !== undefined) return { ok: false, error: err }
      continue
    }
    let shorthands = s.slice(1)
    while (shorthands.length > 0) {
      const c = shorthands.charAt(0)
      const f = byShort.get(c)
      if (f === undefined) {
        return { ok: false, error: `unknown shorthand flag: '${c}' in -${shorthands}` }
      }
      let value: string
      let next = shorthands.slice(1)
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2)
        next = ''
      } else if (noOptDefVal(f) !== undefined) {
        value = noOptDefVal(f) ?? ''
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1)
        next = ''
      } else if (rest.length > 0) {
        value = rest[0] ?? ''
        rest = rest.slice(1)
      } else {
        return { ok: false, error: `flag needs an argument: '${c}' in -${shorthands}` }
      }
      const err = set(f, value)
      if (err !== undefined) return { ok: false, error: err }
      shorthands = next
    }
  }
  return { ok: true, flags, changed, positionals, argsLenAtDash, help: flags['help'] === true }
}

function noOptDefVal(f: FlagSpec): string | undefined {
  if (f.noOptDefVal !== undefined) return f.noOptDefVal
  return f.type === 'bool' ? 'true' : undefined
}

/** Converts one textual value; array flags replace their default on first set, then append (pflag stringArray/stringSlice). */
function convert(f: FlagSpec, value: string, previous: FlagValue | undefined): GoParse<FlagValue> {
  switch (f.type) {
    case 'bool':
      return parseGoBool(value)
    case 'string':
      return { ok: true, value }
    case 'int':
      return parseGoInt(value)
    case 'duration':
      return parseGoDuration(value)
    case 'stringArray':
    case 'stringSlice': {
      const items = f.type === 'stringArray' ? [value] : splitCsv(value)
      const before = Array.isArray(previous) ? previous : []
      return { ok: true, value: [...before, ...items] }
    }
  }
}

/** pflag's stringSlice reads its value as one CSV record: commas split, double quotes group. */
function splitCsv(value: string): string[] {
  if (value === '') return []
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i)
    if (quoted) {
      if (c === '"' && value.charAt(i + 1) === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      out.push(field)
      field = ''
    } else field += c
  }
  out.push(field)
  return out
}

/** What kubectl prints for a flag error: cobra's `Error:` line and kubectl's usage hint. */
export function flagErrorOutput(commandPath: string, error: string): string {
  return `Error: ${error}\nSee '${commandPath} --help' for usage.\n`
}

/** Reads a bool flag from a successful parse (false if undeclared). */
export function boolFlag(flags: Record<string, FlagValue>, name: string): boolean {
  return flags[name] === true
}

/** Reads a string flag from a successful parse ('' if undeclared). */
export function stringFlag(flags: Record<string, FlagValue>, name: string): string {
  const v = flags[name]
  return typeof v === 'string' ? v : ''
}

/** Reads an int or duration (milliseconds) flag from a successful parse (0 if undeclared). */
export function numberFlag(flags: Record<string, FlagValue>, name: string): number {
  const v = flags[name]
  return typeof v === 'number' ? v : 0
}

/** Reads a stringArray / stringSlice flag from a successful parse ([] if undeclared). */
export function arrayFlag(flags: Record<string, FlagValue>, name: string): string[] {
  const v = flags[name]
  return Array.isArray(v) ? v : []
}
