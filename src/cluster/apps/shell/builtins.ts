/**
 * Running one command: the shell builtins (exit, break, export, set, trap, exec, …), nested
 * shells (`sh -c`), the programs on PATH, and the shell's "not found"; and whether a name can be
 * executed as a container's process at all.
 */
import { applets, type CommandIO } from './commands'
import { execScript } from './interpreter'
import { Exit, LoopJump, type Flavor, type Machine, type Proc } from './machine'

const binDirs = ['/bin/', '/usr/bin/', '/sbin/', '/usr/sbin/', '/usr/local/bin/']

function notFound(m: Machine, p: Proc, name: string): number {
  m.write(
    p.fd2,
    m.world.flavor === 'dash' ? `sh: 1: ${name}: not found\n` : `sh: ${name}: not found\n`,
  )
  return 127
}

/** Run one command (builtin or applet) with its expanded argv. */
export function runCommand(m: Machine, p: Proc, argv: string[]): number {
  const [name = '', ...args] = argv
  switch (name) {
    case 'exit': {
      const n = args[0] === undefined ? p.status : Number(args[0])
      if (!Number.isInteger(n)) {
        m.write(p.fd2, `sh: exit: Illegal number: ${args[0] ?? ''}\n`)
        throw new Exit(2)
      }
      throw new Exit(n & 255)
    }
    case 'break':
    case 'continue':
      if (p.loopDepth === 0) return 0
      throw new LoopJump(name, Math.max(1, Number(args[0] ?? 1) || 1))
    case 'return':
      throw new Exit(args[0] === undefined ? p.status : Number(args[0]) & 255)
    case 'export':
    case 'readonly':
    case 'local':
      for (const a of args) {
        const i = a.indexOf('=')
        if (i > 0) p.vars.set(a.slice(0, i), a.slice(i + 1))
      }
      return 0
    case 'unset':
      for (const a of args) p.vars.delete(a)
      return 0
    case 'set':
      for (const a of args) {
        if (/^-[a-z]*e/.test(a)) p.errexit = true
        if (/^\+[a-z]*e/.test(a)) p.errexit = false
      }
      return 0
    case 'shift':
      p.params = p.params.slice(Number(args[0] ?? 1) || 1)
      return 0
    case 'trap': {
      if (args.length < 2) return 0
      const [action = '', ...sigs] = args
      for (const s of sigs) {
        const sig = s.toUpperCase().replace(/^SIG/, '')
        const full =
          sig === '15' ? 'SIGTERM' : sig === '2' ? 'SIGINT' : sig === '3' ? 'SIGQUIT' : `SIG${sig}`
        if (action === '-') p.traps.delete(full)
        else p.traps.set(full, action)
      }
      return 0
    }
    case 'eval':
      return execScript(m, p, args.join(' '))
    case 'exec':
      if (args.length === 0) return 0
      throw new Exit(runCommand(m, p, args))
    case 'cd':
    case 'wait':
    case 'kill':
    case 'ulimit':
    case 'umask':
      return 0
    case 'read':
      // Containers have no stdin unless `stdin: true`; read sees end of file.
      return 1
  }
  let applet = name
  if (name.includes('/')) {
    const dir = binDirs.find((d) => name.startsWith(d))
    applet = dir ? name.slice(dir.length) : ''
    if (!dir || applet.includes('/')) return notFound(m, p, name)
  }
  if (applet === 'busybox' && args.length > 0) return runCommand(m, p, args)
  if (
    applet === 'sh' ||
    applet === 'ash' ||
    applet === 'dash' ||
    (applet === 'bash' && m.world.flavor === 'dash')
  ) {
    return runShell(m, p, args)
  }
  const fn = applets[applet]
  // curl is in Debian-based images, not in busybox.
  if (!fn || (applet === 'curl' && m.world.flavor === 'busybox')) return notFound(m, p, name)
  const io: CommandIO = {
    flavor: m.world.flavor,
    out: (text) => m.write(p.fd1, text),
    err: (text) => m.write(p.fd2, text),
    stdin: p.stdin,
    files: m.files,
    env: (k) => p.vars.get(k),
    envAll: () => [...p.vars.entries()],
    hostname: m.world.hostname,
    now: () => m.world.startedAt + m.t,
    sleep: (ms) => m.sleep(ms),
    forever: () => m.forever(),
    busy: () => {
      m.busy = true
    },
  }
  return fn(args, io)
}

function runShell(m: Machine, p: Proc, args: string[]): number {
  // sh [-e] [-c SCRIPT [NAME [ARGS…]]] | sh FILE: a new process sharing files and output.
  let i = 0
  let errexit = false
  while (args[i]?.startsWith('-') && args[i] !== '-c') {
    if (args[i]?.includes('e')) errexit = true
    i++
  }
  const child: Proc = {
    ...p,
    vars: new Map(p.vars),
    traps: new Map(p.traps),
    errexit,
    loopDepth: 0,
  }
  const run = (script: string): number => {
    try {
      return execScript(m, child, script)
    } catch (e) {
      if (e instanceof Exit) return e.code
      throw e
    }
  }
  if (args[i] === '-c') {
    const script = args[i + 1]
    if (script === undefined) {
      m.write(p.fd2, 'sh: -c requires an argument\n')
      return 2
    }
    child.name = args[i + 2] ?? 'sh'
    child.params = args.slice(i + 3)
    return run(script)
  }
  const file = args[i]
  if (file === undefined) {
    // No script and no terminal: the shell reads end of file on stdin and exits at once.
    return p.stdin === undefined ? 0 : run(p.stdin)
  }
  const text = m.files.get(file)
  if (text === undefined) {
    m.write(
      p.fd2,
      m.world.flavor === 'dash'
        ? `sh: 0: cannot open ${file}: No such file\n`
        : `sh: can't open '${file}': No such file or directory\n`,
    )
    return m.world.flavor === 'dash' ? 2 : 127
  }
  child.params = args.slice(i + 1)
  return run(text)
}

const shells = new Set(['sh', 'ash', 'dash'])

/**
 * Why the runtime cannot exec `name` as a container's process, or undefined when it can:
 * shell builtins such as `exit` are not programs, and an unknown path does not exist.
 */
export function execError(name: string, flavor: Flavor): string | undefined {
  if (name.includes('/')) {
    const dir = binDirs.find((d) => name.startsWith(d))
    const applet = dir ? name.slice(dir.length) : ''
    if (dir && (shells.has(applet) || applets[applet] || applet === 'busybox')) return undefined
    return `exec: "${name}": stat ${name}: no such file or directory`
  }
  if (shells.has(name) || name === 'busybox' || (name === 'bash' && flavor === 'dash'))
    return undefined
  if (applets[name] && (name !== 'curl' || flavor === 'dash') && name !== ':') return undefined
  return `exec: "${name}": executable file not found in $PATH`
}
