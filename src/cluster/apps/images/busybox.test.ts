import { describe, expect, test } from 'vitest'
import { resolveImage } from '../registry/catalogue'
import { logText, testRun } from '../testRun'
import type { RunContext } from '../types'

const busybox = resolveImage('busybox:1.36')
if (!busybox) throw new Error('busybox must resolve')

interface Row {
  name: string
  run: Partial<RunContext>
  /** Exit after ms with code; undefined: runs until stopped. */
  exit: { afterMs: number; code: number; reason?: string } | undefined
  /** Log lines by the time given. */
  logs?: { at: number; lines: string[] }
}

const sh = (script: string): Partial<RunContext> => ({ command: ['sh', '-c', script] })

// The command forms learners give busybox, and what a real container does with each.
const rows: Row[] = [
  {
    name: 'no command: sh without a terminal exits 0 at once',
    run: {},
    exit: { afterMs: 0, code: 0 },
  },
  {
    name: 'args sleep 3600',
    run: { args: ['sleep', '3600'] },
    exit: { afterMs: 3_600_000, code: 0 },
  },
  { name: 'command sleep infinity', run: { command: ['sleep', 'infinity'] }, exit: undefined },
  {
    name: 'command sleep 1d',
    run: { command: ['sleep', '1d'] },
    exit: { afterMs: 86_400_000, code: 0 },
  },
  {
    name: 'echo hello',
    run: { command: ['echo', 'hello'] },
    exit: { afterMs: 0, code: 0 },
    logs: { at: 0, lines: ['hello'] },
  },
  { name: 'true', run: { command: ['true'] }, exit: { afterMs: 0, code: 0 } },
  { name: 'false', run: { command: ['false'] }, exit: { afterMs: 0, code: 1 } },
  {
    name: 'sh -c "echo hi; sleep 5"',
    run: sh('echo hi; sleep 5'),
    exit: { afterMs: 5000, code: 0 },
    logs: { at: 5000, lines: ['hi'] },
  },
  { name: 'sh -c "exit 1"', run: sh('exit 1'), exit: { afterMs: 0, code: 1 } },
  {
    name: 'sh -c "sleep 10; exit 3"',
    run: sh('sleep 10; exit 3'),
    exit: { afterMs: 10_000, code: 3 },
  },
  {
    name: 'sh -c with an unknown command',
    run: sh('curl http://web'),
    exit: { afterMs: 0, code: 127 },
    logs: { at: 0, lines: ['sh: curl: not found'] },
  },
  {
    name: 'sh -c "foo; echo $?"',
    run: sh('foo; echo $?'),
    exit: { afterMs: 0, code: 0 },
    logs: { at: 0, lines: ['sh: foo: not found', '127'] },
  },
  {
    name: '&& stops at the first failure',
    run: sh('false && echo never'),
    exit: { afterMs: 0, code: 1 },
    logs: { at: 0, lines: [] },
  },
  {
    name: '|| runs the fallback',
    run: sh('false || echo fallback'),
    exit: { afterMs: 0, code: 0 },
    logs: { at: 0, lines: ['fallback'] },
  },
  {
    name: 'quotes and variables',
    run: { ...sh('echo "hello $NAME" \'$NAME\''), env: { NAME: 'kube' } },
    exit: { afterMs: 0, code: 0 },
    logs: { at: 0, lines: ['hello kube $NAME'] },
  },
  {
    name: 'for loop over seq',
    run: sh('for i in $(seq 1 3); do echo "n=$i"; sleep 1; done'),
    exit: { afterMs: 3000, code: 0 },
    logs: { at: 3000, lines: ['n=1', 'n=2', 'n=3'] },
  },
  {
    name: 'counting while loop',
    run: sh('i=0; while [ $i -lt 2 ]; do echo $i; i=$((i+1)); done'),
    exit: { afterMs: 0, code: 0 },
    logs: { at: 0, lines: ['0', '1'] },
  },
  {
    name: 'while true with date',
    run: sh('while true; do echo "$(date)"; sleep 5; done'),
    exit: undefined,
    logs: {
      at: 12_000,
      lines: [
        'Thu Jan  1 00:00:00 UTC 2026',
        'Thu Jan  1 00:00:05 UTC 2026',
        'Thu Jan  1 00:00:10 UTC 2026',
      ],
    },
  },
  {
    name: 'hostname and /etc/hostname',
    run: sh('hostname; cat /etc/hostname'),
    exit: { afterMs: 0, code: 0 },
    logs: { at: 0, lines: ['web', 'web'] },
  },
  {
    name: 'a missing file',
    run: sh('cat /nope'),
    exit: { afterMs: 0, code: 1 },
    logs: { at: 0, lines: ["cat: can't open '/nope': No such file or directory"] },
  },
  {
    name: 'a syntax error',
    run: sh('while true; do echo'),
    exit: { afterMs: 0, code: 2 },
    logs: { at: 0, lines: ['sh: syntax error: unexpected end of file (expecting "done")'] },
  },
  {
    name: 'an unterminated quote',
    run: sh('echo "hi'),
    exit: { afterMs: 0, code: 2 },
    logs: { at: 0, lines: ['sh: syntax error: unterminated quoted string'] },
  },
  {
    name: 'sleep with a bad number',
    run: { command: ['sleep', 'ten'] },
    exit: { afterMs: 0, code: 1 },
    logs: { at: 0, lines: ["sleep: invalid number 'ten'"] },
  },
  {
    name: 'tail -f /dev/null runs forever',
    run: { command: ['tail', '-f', '/dev/null'] },
    exit: undefined,
  },
  {
    name: 'set -e stops at a failure',
    run: sh('set -e; echo one; false; echo two'),
    exit: { afterMs: 0, code: 1 },
    logs: { at: 0, lines: ['one'] },
  },
  {
    name: 'output redirected away',
    run: sh('echo quiet > /dev/null; echo loud'),
    exit: { afterMs: 0, code: 0 },
    logs: { at: 0, lines: ['loud'] },
  },
  {
    name: '$(VAR)-free env through printenv',
    run: { command: ['printenv', 'GREETING'], env: { GREETING: 'hi' } },
    exit: { afterMs: 0, code: 0 },
    logs: { at: 0, lines: ['hi'] },
  },
  {
    name: 'an if statement',
    run: sh('if [ -f /etc/hosts ]; then echo yes; else echo no; fi'),
    exit: { afterMs: 0, code: 0 },
    logs: { at: 0, lines: ['yes'] },
  },
]

describe('busybox honours command and args (APPS-5)', () => {
  test.each(rows)('APPS-5 $name', ({ run, exit, logs }) => {
    const app = busybox.start(testRun(run))
    if (exit === undefined) expect(app.exit).toBeUndefined()
    else expect(app.exit).toMatchObject(exit)
    if (logs) expect(logText(app, logs.at)).toEqual(logs.lines)
  })

  const startErrors = [
    {
      name: 'command exit 1 (a shell builtin, not a program)',
      command: ['exit', '1'],
      reason: 'exec: "exit": executable file not found in $PATH',
    },
    {
      name: 'an unknown program',
      command: ['myapp'],
      reason: 'exec: "myapp": executable file not found in $PATH',
    },
    {
      name: 'a path that does not exist',
      command: ['/app/run.sh'],
      reason: 'exec: "/app/run.sh": stat /app/run.sh: no such file or directory',
    },
  ]
  test.each(startErrors)(
    'APPS-5 $name cannot start: StartError, exit code 128',
    ({ command, reason }) => {
      const app = busybox.start(testRun({ command }))
      expect(app.exit).toEqual({
        afterMs: 0,
        code: 128,
        reason: 'StartError',
        message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${reason}: unknown`,
      })
    },
  )

  test('APPS-5 a long loop is fast-forwarded and keeps only the tail', () => {
    const app = busybox.start(testRun(sh('while true; do echo tick; sleep 1; done')))
    const day = 86_400_000
    const lines = app.logs(10 * day, 3)
    expect(lines.map((l) => l.time - testRun().startedAt)).toEqual([
      10 * day - 3000,
      10 * day - 2000,
      10 * day - 1000,
    ])
  })

  test('APPS-6 PID 1 ignores SIGTERM unless it traps it; a trap runs after the current sleep', () => {
    expect(
      busybox.start(testRun({ command: ['sleep', '3600'] })).signal('SIGTERM', 1000),
    ).toBeUndefined()
    const trapped = busybox.start(
      testRun(sh("trap 'echo bye; exit 0' TERM; while true; do sleep 10; done")),
    )
    expect(trapped.signal('SIGTERM', 15_000)).toEqual({ afterMs: 5000, code: 0 })
    expect(logText(trapped, 30_000)).toEqual(['bye'])
  })

  test('APPS-7 exec sees the files the script made (the liveness exec example)', () => {
    const app = busybox.start(
      testRun(sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600')),
    )
    expect(app.exec(['cat', '/tmp/healthy'], 10_000)).toMatchObject({ exitCode: 0, output: '' })
    expect(app.exec(['cat', '/tmp/healthy'], 40_000)).toMatchObject({
      exitCode: 1,
      output: "cat: can't open '/tmp/healthy': No such file or directory\n",
    })
  })

  test('APPS-8 a spinning loop uses a whole CPU, capped by the limit', () => {
    const app = busybox.start(testRun({ ...sh('while true; do :; done'), cpuLimitMillis: 500 }))
    expect(app.usage(60_000, { requestsPerSecond: 0 }).cpuMillis).toBe(500)
    expect(
      busybox.start(testRun({ args: ['sleep', '3600'] })).usage(1000, { requestsPerSecond: 0 })
        .cpuMillis,
    ).toBe(0)
  })
})
