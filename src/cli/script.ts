/** parseScript: a `kubeplay run` script (kubectl lines, sleep, comments, heredocs) into steps. */
import { parseGoDuration } from '../kubectl/parser/index'
import { parseClusterFlags, type ClusterFlags } from './clusterFlags'

export type { ClusterFlags } from './clusterFlags'

/** One thing the script does, with the 1-based line it starts on and its text as written. */
export type Step =
  | {
      kind: 'kubectl'
      line: number
      /** The lines as written (continuations, heredoc body and terminator included), for `$ …`. */
      display: string
      /** The command as bash hands it over: continuations joined, the `<<EOF` operator removed. */
      command: string
      /** A heredoc's body, every line newline-terminated. */
      stdin?: string
    }
  | { kind: 'sleep'; line: number; display: string; ms: number }

/** A parsed script, or the first error with its line number. */
export type ParseScriptResult =
  { ok: true; directive: ClusterFlags; steps: Step[] } | { ok: false; error: string }

const DIRECTIVE = /^#\s*kubeplay:(.*)$/

/** A here-document operator found outside quotes: where it is and what ends the body. */
interface HeredocOp {
  start: number
  end: number
  delimiter: string
  stripTabs: boolean
}

/** Finds `<<WORD`, `<<'WORD'`, `<<"WORD"` or `<<-WORD` outside quotes (bash's here-document). */
function findHeredoc(command: string): HeredocOp | undefined {
  let quote: string | undefined
  for (let i = 0; i < command.length; i++) {
    const c = command[i]
    if (quote) {
      if (c === quote) quote = undefined
      else if (c === '\\' && quote === '"') i++
      continue
    }
    if (c === "'" || c === '"') quote = c
    else if (c === '\\') i++
    else if (c === '#' && (i === 0 || /\s/.test(command[i - 1] ?? ''))) return undefined
    else if (c === '<' && command[i + 1] === '<' && command[i + 2] !== '<') {
      const m = /^<<(-?)[ \t]*(?:'([^']*)'|"([^"]*)"|([^\s;&|<>()'"]+))/.exec(command.slice(i))
      if (!m) return undefined
      const delimiter = m[2] ?? m[3] ?? m[4] ?? ''
      return { start: i, end: i + m[0].length, delimiter, stripTabs: m[1] === '-' }
    }
  }
  return undefined
}

/** A line ending in an odd number of backslashes continues on the next line. */
function continues(line: string): boolean {
  const m = /\\+$/.exec(line)
  return m !== null && m[0].length % 2 === 1
}

const SLEEP_UNITS: Record<string, number> = {
  '': 1000,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
}

/**
 * One `sleep` operand in ms: coreutils' NUMBER[smhd] (plain numbers are seconds) or a Go
 * duration such as `1m30s` or `500ms`; undefined when it is neither.
 */
export function parseSleepOperand(word: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(word)
  if (m) return Number(m[1]) * (SLEEP_UNITS[m[2] ?? ''] ?? 1000)
  if (word.startsWith('-') || word.startsWith('+')) return undefined
  const go = parseGoDuration(word)
  return go.ok ? go.value : undefined
}

/** coreutils sleep: the sum of its operands, or the message sleep prints. */
// Mirrors coreutils src/sleep.c (errors "invalid time interval %s", "missing operand")
function parseSleep(
  words: readonly string[],
): { ok: true; ms: number } | { ok: false; error: string } {
  if (words.length === 0) return { ok: false, error: 'sleep: missing operand' }
  let ms = 0
  for (const w of words) {
    const v = parseSleepOperand(w)
    if (v === undefined) return { ok: false, error: `sleep: invalid time interval '${w}'` }
    ms += v
  }
  return { ok: true, ms }
}

/**
 * Parses a script: `kubectl …` lines, `sleep DURATION`, `#` comments and blank lines, heredocs
 * (`kubectl apply -f - <<EOF … EOF`), backslash continuations, and `# kubeplay: --seed 7 …`
 * directives in the comment block before the first step.
 */
export function parseScript(text: string): ParseScriptResult {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  if (lines.at(-1) === '') lines.pop()
  const directive: ClusterFlags = {}
  const steps: Step[] = []
  const fail = (line: number, error: string): ParseScriptResult => ({
    ok: false,
    error: `line ${line}: ${error}`,
  })

  let i = 0
  if (lines[0]?.startsWith('#!')) i = 1
  while (i < lines.length) {
    const lineNo = i + 1
    const first = lines[i] ?? ''
    const trimmed = first.trim()
    if (trimmed === '') {
      i++
      continue
    }
    if (trimmed.startsWith('#')) {
      const d = DIRECTIVE.exec(trimmed)
      if (d) {
        if (steps.length > 0)
          return fail(lineNo, '# kubeplay: directive must come before the first command')
        const parsed = parseClusterFlags((d[1] ?? '').trim().split(/\s+/).filter(Boolean))
        if (!parsed.ok) return fail(lineNo, `# kubeplay: ${parsed.error}`)
        if (parsed.rest.length > 0)
          return fail(lineNo, `# kubeplay: unknown argument "${parsed.rest[0] ?? ''}"`)
        Object.assign(directive, parsed.flags)
      }
      i++
      continue
    }

    // Join continuation lines: bash drops each backslash-newline pair.
    const written = [first]
    let command = first
    while (continues(command)) {
      i++
      const next = lines[i]
      if (next === undefined)
        return fail(lineNo, 'unexpected end of file after a line continuation')
      written.push(next)
      command = command.slice(0, -1) + next
    }
    i++
    command = command.trim()

    const word = command.split(/\s+/)[0] ?? ''
    if (word === 'sleep') {
      const sleep = parseSleep(command.split(/\s+/).slice(1))
      if (!sleep.ok) return fail(lineNo, sleep.error)
      steps.push({ kind: 'sleep', line: lineNo, display: written.join('\n'), ms: sleep.ms })
      continue
    }
    if (word !== 'kubectl') {
      return fail(
        lineNo,
        `unsupported command "${word}": a script holds kubectl commands, sleep, comments and heredocs`,
      )
    }

    const op = findHeredoc(command)
    if (!op) {
      steps.push({ kind: 'kubectl', line: lineNo, display: written.join('\n'), command })
      continue
    }
    const body: string[] = []
    let closed = false
    while (i < lines.length) {
      const raw = lines[i] ?? ''
      written.push(raw)
      i++
      const line = op.stripTabs ? raw.replace(/^\t+/, '') : raw
      if (line === op.delimiter) {
        closed = true
        break
      }
      body.push(line)
    }
    if (!closed) {
      // bash only warns here; a script cut short is more likely a mistake, so it is an error.
      return fail(lineNo, `here-document delimited by end-of-file (wanted '${op.delimiter}')`)
    }
    const stripped =
      `${command.slice(0, op.start).trimEnd()} ${command.slice(op.end).trimStart()}`.trim()
    steps.push({
      kind: 'kubectl',
      line: lineNo,
      display: written.join('\n'),
      command: stripped,
      stdin: body.map((l) => `${l}\n`).join(''),
    })
  }
  return { ok: true, directive, steps }
}
