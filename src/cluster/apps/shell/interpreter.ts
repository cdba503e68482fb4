/**
 * A shell interpreter over virtual time. It runs a container's command line from its start
 * and reports what happened up to a horizon: the log lines written (the last `keep` of
 * them), the files touched, and whether and when the process exits. Runs are pure: the same
 * script, world and horizon always give the same answer, so nothing needs to be kept between
 * calls. Long `while true` loops are fast-forwarded whole iterations at a time.
 */
import { runCommand } from './builtins'
import { expandWord } from './expand'
import { parse, type Node, type Redirect } from './parser'
import {
  Exit,
  Forever,
  Halt,
  LoopJump,
  Machine,
  spinIterationMs,
  spinIterations,
  type Out,
  type Proc,
  type ShellOutcome,
  type ShellRun,
  type ShellWorld,
} from './machine'

export type { Flavor, ShellOutcome, ShellRun, ShellWorld } from './machine'
export { execError } from './builtins'

/** Run a script (the text after `sh -c`) with positional parameters. */
export function runScript(
  world: ShellWorld,
  script: string,
  params: string[],
  run: ShellRun,
): ShellOutcome {
  return runProgram(world, run, (m, p) => execScript(m, p, script))
}

/** Run an argv directly (no shell parsing): the container's process is argv[0]. */
export function runArgv(world: ShellWorld, argv: readonly string[], run: ShellRun): ShellOutcome {
  return runProgram(world, run, (m, p) => runCommand(m, p, [...argv]))
}

function runProgram(
  world: ShellWorld,
  run: ShellRun,
  body: (m: Machine, p: Proc) => number,
): ShellOutcome {
  const m = new Machine(world, run)
  const p: Proc = {
    vars: new Map(Object.entries(world.env)),
    params: [],
    name: 'sh',
    traps: new Map(),
    errexit: false,
    status: 0,
    fd1: { kind: 'log' },
    fd2: { kind: 'log' },
    stdin: undefined,
    loopDepth: 0,
  }
  let end: ShellOutcome['end'] = 'exit'
  let code = 0
  try {
    code = body(m, p)
    code = afterSignal(m, p, code)
  } catch (e) {
    if (e instanceof Exit) code = e.code
    else if (e instanceof Halt) end = 'horizon'
    else if (e instanceof Forever) end = run.horizon === Infinity ? 'forever' : 'horizon'
    else if (e instanceof LoopJump) code = 0
    else throw e
  }
  const keep = run.keep > 0 ? m.lines.slice(-run.keep) : []
  return { end, t: m.t, code: code & 255, lines: keep, files: m.files, busy: m.busy }
}

// A signal that arrives after the script's last command still runs its trap before the shell exits.
function afterSignal(m: Machine, p: Proc, code: number): number {
  const s = m.run.signal
  if (!s || m.signalHandled) return code
  if (s.at > m.t) {
    // The script ended before the signal: nothing is left to receive it.
    return code
  }
  checkSignal(m, p)
  return code
}

/** Deliver a pending signal once its time has come: run its trap, if the script set one. */
export function checkSignal(m: Machine, p: Proc): void {
  const s = m.run.signal
  if (!s || m.signalHandled || m.t < s.at) return
  m.signalHandled = true
  const action = p.traps.get(s.sig)
  // PID 1 ignores signals it has no handler for (the kernel's rule for init).
  if (action === undefined || action === '') return
  const status = execScript(m, p, action)
  p.status = status
}

/** Parse and run script text in a process; a syntax error is the shell's, status 2. */
export function execScript(m: Machine, p: Proc, script: string): number {
  const parsed = parse(script)
  if (!parsed.ok) {
    m.write(
      p.fd2,
      m.world.flavor === 'dash'
        ? `sh: 1: Syntax error: ${parsed.error}\n`
        : `sh: syntax error: ${parsed.error}\n`,
    )
    return 2
  }
  return exec(m, p, parsed.node)
}

function exec(m: Machine, p: Proc, node: Node): number {
  m.step()
  switch (node.k) {
    case 'simple':
      return execSimple(m, p, node)
    case 'list': {
      let s = 0
      for (const item of node.items) s = exec(m, p, item)
      return s
    }
    case 'andor': {
      m.condDepth++
      let s: number
      try {
        s = exec(m, p, node.first)
        for (const r of node.rest) {
          if ((r.op === '&&') === (s === 0)) s = exec(m, p, r.node)
        }
      } finally {
        m.condDepth--
      }
      p.status = s
      if (s !== 0 && p.errexit && m.condDepth === 0 && node.rest[node.rest.length - 1]?.op === '&&')
        throw new Exit(s)
      return s
    }
    case 'pipe': {
      let input = p.stdin
      let s = 0
      node.cmds.forEach((cmd, i) => {
        const last = i === node.cmds.length - 1
        const buf: Out = { kind: 'buf', text: [] }
        const child: Proc = { ...p, vars: new Map(p.vars), stdin: input, fd1: last ? p.fd1 : buf }
        try {
          s = exec(m, child, cmd)
        } catch (e) {
          if (!(e instanceof Exit)) throw e
          s = e.code
        }
        input = buf.kind === 'buf' ? buf.text.join('') : undefined
      })
      if (node.negate) s = s === 0 ? 1 : 0
      p.status = s
      return s
    }
    case 'while':
      return execWhile(m, p, node)
    case 'for':
      return execFor(m, p, node)
    case 'if': {
      for (const b of node.branches) {
        m.condDepth++
        let c: number
        try {
          c = exec(m, p, b.cond)
        } finally {
          m.condDepth--
        }
        if (c === 0) return exec(m, p, b.body)
      }
      return node.otherwise ? exec(m, p, node.otherwise) : 0
    }
    case 'group': {
      if (!node.subshell) return exec(m, p, node.body)
      const child: Proc = { ...p, vars: new Map(p.vars), traps: new Map(p.traps) }
      try {
        return exec(m, child, node.body)
      } catch (e) {
        if (e instanceof Exit) return e.code
        throw e
      }
    }
  }
}

/** Whether a loop body keeps no state between iterations (so whole iterations can be skipped). */
function isPure(node: Node): boolean {
  switch (node.k) {
    case 'simple':
      if (node.assigns.length) return false
      return node.words.every((w, i) => {
        const text = w.map((x) => x.text).join('')
        if (text.includes('$((') || text.includes('RANDOM')) return false
        return (
          i > 0 ||
          ![
            'export',
            'set',
            'shift',
            'read',
            'unset',
            'cd',
            'trap',
            'eval',
            'exit',
            'break',
            'return',
          ].includes(text)
        )
      })
    case 'list':
      return node.items.every(isPure)
    case 'andor':
      return isPure(node.first) && node.rest.every((r) => isPure(r.node))
    case 'pipe':
      return node.cmds.every(isPure)
    case 'while':
      return isPure(node.cond) && isPure(node.body)
    case 'for':
      return isPure(node.body)
    case 'if':
      return (
        node.branches.every((b) => isPure(b.cond) && isPure(b.body)) &&
        (!node.otherwise || isPure(node.otherwise))
      )
    case 'group':
      return isPure(node.body)
  }
}

function mentionsExit(node: Node): boolean {
  switch (node.k) {
    case 'simple': {
      const name = node.words[0]?.map((x) => x.text).join('')
      return name === 'exit' || name === 'break' || name === 'exec' || name === 'return'
    }
    case 'list':
      return node.items.some(mentionsExit)
    case 'andor':
      return mentionsExit(node.first) || node.rest.some((r) => mentionsExit(r.node))
    case 'pipe':
      return node.cmds.some(mentionsExit)
    case 'while':
      return mentionsExit(node.cond) || mentionsExit(node.body)
    case 'for':
      return mentionsExit(node.body)
    case 'if':
      return (
        node.branches.some((b) => mentionsExit(b.cond) || mentionsExit(b.body)) ||
        (!!node.otherwise && mentionsExit(node.otherwise))
      )
    case 'group':
      return mentionsExit(node.body)
  }
}

function alwaysTrue(node: Node): boolean {
  if (
    node.k !== 'simple' ||
    node.words.length !== 1 ||
    node.redirects.length ||
    node.assigns.length
  )
    return false
  const w = node.words[0]?.map((x) => x.text).join('')
  return w === 'true' || w === ':'
}

function execWhile(m: Machine, p: Proc, node: Extract<Node, { k: 'while' }>): number {
  const infinite = !node.until && alwaysTrue(node.cond) && !mentionsExit(node.body) && !p.errexit
  const trapPending = !!m.run.signal && !m.signalHandled && p.traps.has(m.run.signal.sig)
  if (infinite && m.run.horizon === Infinity && !trapPending) throw new Forever()
  const pure = isPure(node.body) && isPure(node.cond)
  let status = 0
  let prev = { d: -1, l: -1 }
  let stable = 0
  let zeroTime = 0
  p.loopDepth++
  try {
    for (;;) {
      const t0 = m.t
      const l0 = m.lineCount
      m.condDepth++
      let c: number
      try {
        c = exec(m, p, node.cond)
      } finally {
        m.condDepth--
      }
      if ((c === 0) === node.until) break
      try {
        status = exec(m, p, node.body)
      } catch (e) {
        if (!(e instanceof LoopJump)) throw e
        if (e.levels > 1) throw new LoopJump(e.kind, e.levels - 1)
        if (e.kind === 'break') break
      }
      checkSignal(m, p)
      if (m.t === t0 && ++zeroTime > spinIterations) {
        m.sleep(spinIterationMs)
        m.busy = true
      }
      const d = m.t - t0
      const l = m.lineCount - l0
      stable = pure && d === prev.d && l === prev.l ? stable + 1 : 0
      prev = { d, l }
      if (stable >= 1 && d > 0) fastForward(m, d, l)
    }
  } finally {
    p.loopDepth--
  }
  return status
}

// Skip whole iterations that end long before the horizon (or the pending signal): their lines
// would fall out of the kept tail anyway, and a pure body leaves the same state each time.
function fastForward(m: Machine, d: number, l: number): void {
  let limit = m.run.horizon
  const s = m.run.signal
  if (s && !m.signalHandled) limit = Math.min(limit, s.at)
  if (!Number.isFinite(limit)) return
  const keepIterations = l > 0 ? Math.ceil(m.run.keep / l) + 1 : 1
  const skip = Math.floor((limit - m.t) / d) - keepIterations
  if (skip > 0) {
    m.t += skip * d
    m.lineCount += skip * l
  }
}

function execFor(m: Machine, p: Proc, node: Extract<Node, { k: 'for' }>): number {
  const items = node.words ? node.words.flatMap((w) => expandWord(m, p, w)) : [...p.params]
  let status = 0
  p.loopDepth++
  try {
    for (const item of items) {
      p.vars.set(node.name, item)
      try {
        status = exec(m, p, node.body)
      } catch (e) {
        if (!(e instanceof LoopJump)) throw e
        if (e.levels > 1) throw new LoopJump(e.kind, e.levels - 1)
        if (e.kind === 'break') break
      }
      checkSignal(m, p)
    }
  } finally {
    p.loopDepth--
  }
  return status
}

function openRedirect(m: Machine, p: Proc, r: Redirect): Out | 'stdin' | undefined {
  const target = expandWord(m, p, r.target).join(' ')
  if (r.op === '>&') {
    if (target === '1') return p.fd1
    if (target === '2') return p.fd2
    return undefined
  }
  if (r.op === '<') {
    p.stdin = target === '/dev/null' ? '' : (m.files.get(target) ?? '')
    return 'stdin'
  }
  if (target === '/dev/null') return { kind: 'null' }
  if (target === '/dev/stdout' || target === '/proc/1/fd/1') return { kind: 'log' }
  if (target === '/dev/stderr' || target === '/proc/1/fd/2') return { kind: 'log' }
  if (r.op === '>') m.files.set(target, '')
  else if (!m.files.has(target)) m.files.set(target, '')
  return { kind: 'file', path: target }
}

function execSimple(m: Machine, p: Proc, node: Extract<Node, { k: 'simple' }>): number {
  const saved = { fd1: p.fd1, fd2: p.fd2, stdin: p.stdin }
  let status: number
  try {
    for (const r of node.redirects) {
      const out = openRedirect(m, p, r)
      if (out === 'stdin' || out === undefined) continue
      if (r.fd === 2) p.fd2 = out
      else p.fd1 = out
    }
    const fields = node.words.flatMap((w) => expandWord(m, p, w))
    if (fields.length === 0) {
      for (const a of node.assigns) p.vars.set(a.name, expandWord(m, p, a.value, false).join(' '))
      status = 0
    } else {
      const prefix = node.assigns.map(
        (a) => [a.name, expandWord(m, p, a.value, false).join(' ')] as const,
      )
      const before = prefix.map(([k]) => [k, p.vars.get(k)] as const)
      for (const [k, v] of prefix) p.vars.set(k, v)
      try {
        status = runCommand(m, p, fields)
      } finally {
        for (const [k, v] of before) {
          if (v === undefined) p.vars.delete(k)
          else p.vars.set(k, v)
        }
      }
    }
  } finally {
    p.fd1 = saved.fd1
    p.fd2 = saved.fd2
    p.stdin = saved.stdin
  }
  p.status = status
  if (status !== 0 && p.errexit && m.condDepth === 0) throw new Exit(status)
  checkSignal(m, p)
  return status
}
