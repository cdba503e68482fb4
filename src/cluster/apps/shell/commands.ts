/**
 * The programs a simulated container can run (busybox applets, and their coreutils
 * counterparts in Debian-based images), each honouring the arguments learners use with the
 * messages and exit codes the real ones give. Time passes only in sleep; the network is not
 * simulated yet, so network tools fail as they would without DNS.
 */
import { busyboxDate } from '../format'
import type { Flavor } from './interpreter'

/** What a command can do: write, read its stdin and files, sleep, and read the clock. */
export interface CommandIO {
  flavor: Flavor
  out(text: string): void
  err(text: string): void
  stdin: string | undefined
  files: Map<string, string>
  env(name: string): string | undefined
  envAll(): [string, string][]
  hostname: string
  /** Absolute virtual ms. */
  now(): number
  sleep(ms: number): void
  /** Block forever (until stopped). */
  forever(): never
  /** Mark the process as spinning on the CPU. */
  busy(): void
}

/** A command: its exit status from its arguments. */
export type Command = (args: string[], io: CommandIO) => number

const dirs = new Set([
  '/',
  '/bin',
  '/dev',
  '/etc',
  '/home',
  '/proc',
  '/root',
  '/sys',
  '/tmp',
  '/usr',
  '/var',
  '/var/run',
  '/run',
])

const exists = (io: CommandIO, path: string): boolean =>
  io.files.has(path) || dirs.has(path) || path === '/dev/null'

/** Parse a sleep argument: seconds with an optional s, m, h or d suffix; inf for ever. */
export function parseSleep(arg: string): number | undefined {
  if (/^inf(inity)?$/i.test(arg)) return Infinity
  const m = /^([0-9]*\.?[0-9]+)([smhd]?)$/.exec(arg)
  if (!m) return undefined
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']
  return Number(m[1]) * mult * 1000
}

function echo(args: string[], io: CommandIO): number {
  let newline = true
  let escapes = false
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i] as string
    if (!/^-[neE]+$/.test(a)) break
    if (a.includes('n')) newline = false
    if (a.includes('e')) escapes = true
  }
  let text = args.slice(i).join(' ')
  // dash's echo always interprets backslash escapes; busybox's only with -e.
  if (escapes || io.flavor === 'dash') text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t')
  io.out(newline ? `${text}\n` : text)
  return 0
}

function printf(args: string[], io: CommandIO): number {
  const [fmt = '', ...rest] = args
  let k = 0
  const body = fmt
    .replace(/%([sdi%])/g, (_, c: string) => {
      if (c === '%') return '%'
      const v = rest[k++] ?? ''
      return c === 's' ? v : String(Math.trunc(Number(v)) || 0)
    })
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
  io.out(body)
  return 0
}

function sleep(args: string[], io: CommandIO): number {
  if (args.length === 0) {
    io.err(
      io.flavor === 'dash'
        ? "sleep: missing operand\nTry 'sleep --help' for more information.\n"
        : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...\n',
    )
    return 1
  }
  let total = 0
  for (const a of args) {
    const ms = parseSleep(a)
    if (ms === undefined) {
      io.err(
        io.flavor === 'dash'
          ? `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`
          : `sleep: invalid number '${a}'\n`,
      )
      return 1
    }
    total += ms
  }
  io.sleep(total)
  return 0
}

function cat(args: string[], io: CommandIO): number {
  if (args.length === 0) {
    if (io.stdin) io.out(io.stdin)
    return 0
  }
  let status = 0
  for (const f of args) {
    const content = f === '/etc/hostname' ? `${io.hostname}\n` : io.files.get(f)
    if (content === undefined) {
      io.err(
        io.flavor === 'dash'
          ? `cat: ${f}: ${dirs.has(f) ? 'Is a directory' : 'No such file or directory'}\n`
          : `cat: ${dirs.has(f) ? `read error: Is a directory` : `can't open '${f}': No such file or directory`}\n`,
      )
      status = 1
    } else io.out(content)
  }
  return status
}

function ls(args: string[], io: CommandIO): number {
  const paths = args.filter((a) => !a.startsWith('-'))
  let status = 0
  for (const f of paths.length ? paths : ['.']) {
    if (f === '.' || exists(io, f)) {
      if (f !== '.' && !dirs.has(f)) io.out(`${f}\n`)
      else {
        const prefix = f === '.' || f === '/' ? '/' : `${f}/`
        const names = [...io.files.keys()]
          .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
          .map((k) => k.slice(prefix.length))
        if (names.length) io.out(`${names.sort().join('\n')}\n`)
      }
    } else {
      io.err(
        io.flavor === 'dash'
          ? `ls: cannot access '${f}': No such file or directory\n`
          : `ls: ${f}: No such file or directory\n`,
      )
      status = io.flavor === 'dash' ? 2 : 1
    }
  }
  return status
}

function testCmd(args: string[], io: CommandIO): boolean | 'error' {
  if (args[0] === '!') {
    const r = testCmd(args.slice(1), io)
    return r === 'error' ? r : !r
  }
  if (args.length === 0) return false
  if (args.length === 1) return (args[0] ?? '') !== ''
  if (args.length === 2) {
    const [op, v = ''] = args
    if (op === '-f' || op === '-e' || op === '-r' || op === '-s')
      return io.files.has(v) && (op !== '-s' || (io.files.get(v) ?? '') !== '')
    if (op === '-d') return dirs.has(v)
    if (op === '-z') return v === ''
    if (op === '-n') return v !== ''
    return 'error'
  }
  const [a = '', op, b = ''] = args
  const na = Number(a)
  const nb = Number(b)
  switch (op) {
    case '=':
    case '==':
      return a === b
    case '!=':
      return a !== b
    case '-eq':
      return na === nb
    case '-ne':
      return na !== nb
    case '-lt':
      return na < nb
    case '-le':
      return na <= nb
    case '-gt':
      return na > nb
    case '-ge':
      return na >= nb
  }
  return 'error'
}

function test(args: string[], io: CommandIO): number {
  const r = testCmd(args, io)
  if (r === 'error') {
    io.err(`sh: ${args.join(' ')}: unknown operand\n`)
    return 2
  }
  return r ? 0 : 1
}

function bracket(args: string[], io: CommandIO): number {
  if (args[args.length - 1] !== ']') {
    io.err(io.flavor === 'dash' ? 'sh: 1: [: missing ]\n' : 'sh: missing ]\n')
    return 2
  }
  return test(args.slice(0, -1), io)
}

function touch(args: string[], io: CommandIO): number {
  for (const f of args.filter((a) => !a.startsWith('-'))) if (!io.files.has(f)) io.files.set(f, '')
  return 0
}

function rm(args: string[], io: CommandIO): number {
  const force = args.some((a) => /^-[a-zA-Z]*f/.test(a))
  let status = 0
  for (const f of args.filter((a) => !a.startsWith('-'))) {
    if (io.files.delete(f)) continue
    if (!force) {
      io.err(
        io.flavor === 'dash'
          ? `rm: cannot remove '${f}': No such file or directory\n`
          : `rm: can't remove '${f}': No such file or directory\n`,
      )
      status = 1
    }
  }
  return status
}

function tail(args: string[], io: CommandIO): number {
  if (args.includes('-f') || args.includes('-F')) io.forever()
  const n = Number(args[args.indexOf('-n') + 1] ?? 10)
  const files = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-n')
  const text = files.length ? (io.files.get(files[0] as string) ?? '') : (io.stdin ?? '')
  const lines = text.replace(/\n$/, '').split('\n')
  if (text) io.out(`${lines.slice(-n).join('\n')}\n`)
  return 0
}

function head(args: string[], io: CommandIO): number {
  const n = Number(args[args.indexOf('-n') + 1] ?? 10)
  const text = io.stdin ?? ''
  if (text) io.out(`${text.replace(/\n$/, '').split('\n').slice(0, n).join('\n')}\n`)
  return 0
}

function grep(args: string[], io: CommandIO): number {
  const pattern = args.find((a) => !a.startsWith('-')) ?? ''
  const lines = (io.stdin ?? '').split('\n').filter((l) => l !== '' && l.includes(pattern))
  if (lines.length) io.out(`${lines.join('\n')}\n`)
  return lines.length ? 0 : 1
}

function wc(args: string[], io: CommandIO): number {
  const text = io.stdin ?? ''
  const lines = text.split('\n').length - 1
  io.out(
    args.includes('-l')
      ? `${lines}\n`
      : `${String(lines).padStart(7)} ${String(text.split(/\s+/).filter(Boolean).length).padStart(7)} ${String(text.length).padStart(7)}\n`,
  )
  return 0
}

function seq(args: string[], io: CommandIO): number {
  const nums = args.map(Number)
  const [first, last] =
    nums.length === 1 ? [1, nums[0] ?? 1] : [nums[0] ?? 1, nums[nums.length - 1] ?? 1]
  const step = nums.length === 3 ? (nums[1] ?? 1) : 1
  const out: string[] = []
  for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
    out.push(String(v))
    if (out.length > 100_000) break
  }
  if (out.length) io.out(`${out.join('\n')}\n`)
  return 0
}

function env(_args: string[], io: CommandIO): number {
  const lines = io.envAll().map(([k, v]) => `${k}=${v}`)
  if (lines.length) io.out(`${lines.join('\n')}\n`)
  return 0
}

function printenv(args: string[], io: CommandIO): number {
  if (args.length === 0) return env(args, io)
  let status = 0
  for (const a of args) {
    const v = io.env(a)
    if (v === undefined) status = 1
    else io.out(`${v}\n`)
  }
  return status
}

// The network is not simulated inside containers yet: names do not resolve.
function noNetwork(tool: string): Command {
  return (args, io) => {
    const target = args.filter((a) => !a.startsWith('-')).pop() ?? ''
    const host = target.replace(/^[a-z]+:\/\//, '').split(/[/:]/)[0] ?? ''
    if (tool === 'nslookup') {
      io.out(';; connection timed out; no servers could be reached\n\n')
      return 1
    }
    if (tool === 'curl') {
      io.err(`curl: (6) Could not resolve host: ${host}\n`)
      return 6
    }
    io.err(`${tool}: bad address '${host}'\n`)
    return 1
  }
}

/** Programs on PATH, by name. */
export const applets: Record<string, Command | undefined> = {
  echo,
  printf,
  sleep,
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  date: (_a, io) => {
    io.out(`${busyboxDate(io.now())}\n`)
    return 0
  },
  hostname: (_a, io) => {
    io.out(`${io.hostname}\n`)
    return 0
  },
  cat,
  ls,
  test,
  '[': bracket,
  touch,
  rm,
  mkdir: () => 0,
  tail,
  head,
  grep,
  wc,
  seq,
  env,
  printenv,
  whoami: (_a, io) => {
    io.out('root\n')
    return 0
  },
  id: (_a, io) => {
    io.out('uid=0(root) gid=0(root) groups=0(root)\n')
    return 0
  },
  uname: (args, io) => {
    io.out(
      args.includes('-a')
        ? `Linux ${io.hostname} 6.1.0-kubeplay #1 SMP x86_64 GNU/Linux\n`
        : 'Linux\n',
    )
    return 0
  },
  pwd: (_a, io) => {
    io.out('/\n')
    return 0
  },
  // yes prints without pause: a spinning process whose output is not kept.
  yes: (_args, io): number => {
    io.busy()
    return io.forever()
  },
  wget: noNetwork('wget'),
  nc: noNetwork('nc'),
  ping: noNetwork('ping'),
  nslookup: noNetwork('nslookup'),
  curl: noNetwork('curl'),
}
