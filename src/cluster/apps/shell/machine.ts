/**
 * The shell's machine: virtual time, the log lines written, files, and the control-flow
 * signals (exit, horizon reached, runs forever, break/continue) the interpreter unwinds with.
 */
/** Which shell prints the messages: busybox ash, or Debian's dash (in the nginx image). */
export type Flavor = 'busybox' | 'dash'

/** What a shell finds when it starts. */
export interface ShellWorld {
  flavor: Flavor
  hostname: string
  /** Absolute virtual ms at which the process started (for `date`). */
  startedAt: number
  env: Readonly<Record<string, string>>
  /** Files in the image: path → content. */
  files: ReadonlyMap<string, string>
}

/** How far to run, and what to remember. */
export interface ShellRun {
  /** Stop at this many ms after start (Infinity: run to the end, or until known to run forever). */
  horizon: number
  /** How many of the last log lines to keep. */
  keep: number
  /** A signal the process receives, ms after start. */
  signal?: { at: number; sig: string }
}

/** What a run found. */
export interface ShellOutcome {
  /** exit: the process ended; forever: it never will; horizon: still running at the horizon. */
  end: 'exit' | 'forever' | 'horizon'
  /** ms after start at which it ended or stopped being followed. */
  t: number
  code: number
  lines: { t: number; text: string }[]
  files: Map<string, string>
  /** Whether it was spinning (a loop without sleep) when last seen. */
  busy: boolean
}

/** Steps after which a run is taken to go on for ever. */
export const maxSteps = 200_000
/** Instant loop iterations after which a loop is spinning (further ones cost time, so busy loops stay finite). */
export const spinIterations = 1000
/** What each further iteration of a spinning loop costs (ms). */
export const spinIterationMs = 1

/** The process exits with a code. */
export class Exit {
  constructor(readonly code: number) {}
}
/** The run reached its horizon. */
export class Halt {}
/** The process will never end by itself. */
export class Forever {}
/** break or continue, with how many loops it leaves. */
export class LoopJump {
  constructor(
    readonly kind: 'break' | 'continue',
    readonly levels: number,
  ) {}
}

/** Where a file descriptor writes. */
export type Out =
  | { kind: 'log' }
  | { kind: 'buf'; text: string[] }
  | { kind: 'file'; path: string }
  | { kind: 'null' }

/** A shell process: variables, positional parameters, traps and its file descriptors. */
export interface Proc {
  vars: Map<string, string>
  params: string[]
  name: string
  traps: Map<string, string>
  errexit: boolean
  status: number
  fd1: Out
  fd2: Out
  stdin: string | undefined
  loopDepth: number
}

/** The process's shared machine state: time, output and files. */
export class Machine {
  t = 0
  steps = 0
  lines: { t: number; text: string }[] = []
  lineCount = 0
  busy = false
  signalHandled = false
  condDepth = 0
  files: Map<string, string>

  constructor(
    readonly world: ShellWorld,
    readonly run: ShellRun,
  ) {
    this.files = new Map(world.files)
  }

  emitLine(text: string): void {
    this.lineCount++
    if (this.run.keep <= 0) return
    this.lines.push({ t: this.t, text })
    if (this.lines.length > this.run.keep * 2 + 16)
      this.lines.splice(0, this.lines.length - this.run.keep)
  }

  write(out: Out, text: string): void {
    if (out.kind === 'null' || text === '') return
    if (out.kind === 'buf') {
      out.text.push(text)
      return
    }
    if (out.kind === 'file') {
      this.files.set(out.path, (this.files.get(out.path) ?? '') + text)
      return
    }
    const body = text.endsWith('\n') ? text.slice(0, -1) : text
    for (const line of body.split('\n')) this.emitLine(line)
  }

  sleep(ms: number): void {
    if (!Number.isFinite(ms)) this.forever()
    const end = this.t + Math.max(0, ms)
    if (end >= this.run.horizon) {
      this.t = this.run.horizon
      throw new Halt()
    }
    this.t = end
    this.busy = false
  }

  forever(): never {
    if (this.run.horizon === Infinity) throw new Forever()
    this.t = this.run.horizon
    throw new Halt()
  }

  step(): void {
    if (++this.steps > maxSteps) throw new Forever()
  }
}
