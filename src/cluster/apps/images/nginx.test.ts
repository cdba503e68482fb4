import { describe, expect, test } from 'vitest'
import { resolveImage } from '../registry/catalogue'
import { logText, probeRequest, testRun } from '../testRun'
import { nginxVersion, welcomePage } from './nginx'

function nginx(image = 'nginx:1.25') {
  const m = resolveImage(image)
  if (!m) throw new Error(`${image} must resolve`)
  return m
}

describe('nginx (APPS-4)', () => {
  const versions = [
    { tag: 'latest', version: '1.27.3', alpine: false },
    { tag: '1.25', version: '1.25.5', alpine: false },
    { tag: '1.25.3', version: '1.25.3', alpine: false },
    { tag: '1.26', version: '1.26.2', alpine: false },
    { tag: 'stable', version: '1.26.2', alpine: false },
    { tag: 'alpine', version: '1.27.3', alpine: true },
    { tag: '1.25-alpine', version: '1.25.5', alpine: true },
    { tag: 'whatever', version: '1.27.3', alpine: false },
  ]
  test.each(versions)('APPS-4 tag $tag is nginx $version', ({ tag, version, alpine }) => {
    expect(nginxVersion(tag)).toEqual({ version, alpine })
  })

  test('APPS-4 the welcome page is the 615 bytes nginx serves', () => {
    expect(welcomePage.length).toBe(615)
  })

  test('APPS-4 start-up lines as the official image prints them, one worker per CPU', () => {
    const app = nginx().start(testRun({ cpus: 2 }))
    expect(logText(app, 1000)).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2026/01/01 00:00:00 [notice] 1#1: using the "epoll" event method',
      '2026/01/01 00:00:00 [notice] 1#1: nginx/1.25.5',
      '2026/01/01 00:00:00 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      '2026/01/01 00:00:00 [notice] 1#1: OS: Linux 6.1.0-kubeplay',
      '2026/01/01 00:00:00 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '2026/01/01 00:00:00 [notice] 1#1: start worker processes',
      '2026/01/01 00:00:00 [notice] 1#1: start worker process 29',
      '2026/01/01 00:00:00 [notice] 1#1: start worker process 30',
    ])
    expect(app.exit).toBeUndefined()
  })

  test('APPS-4 requests: the page on /, 404 elsewhere, each in the access log (probes included)', () => {
    const app = nginx().start(testRun())
    expect(app.http(probeRequest('/', 80), 1)).toEqual({ ok: false, error: 'refused' })
    expect(app.connect(80, 5000)).toBe(true)
    expect(app.connect(8080, 5000)).toBe(false)
    const ok = app.http(probeRequest('/', 80), 5000)
    expect(ok).toMatchObject({ ok: true, status: 200, body: welcomePage })
    const missing = app.http(probeRequest('/healthz', 80), 5000)
    expect(missing).toMatchObject({ ok: true, status: 404 })
    expect(logText(app, 5000).slice(-3)).toEqual([
      '10.64.0.1 - - [01/Jan/2026:00:00:05 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.30" "-"',
      '2026/01/01 00:00:05 [error] 29#29: *2 open() "/usr/share/nginx/html/healthz" failed (2: No such file or directory), client: 10.64.0.1, server: localhost, request: "GET /healthz HTTP/1.1", host: "10.64.0.5:80"',
      '10.64.0.1 - - [01/Jan/2026:00:00:05 +0000] "GET /healthz HTTP/1.1" 404 153 "-" "kube-probe/1.30" "-"',
    ])
  })

  test("APPS-6 SIGQUIT (the image's stop signal) shuts it down gracefully with exit code 0", () => {
    const model = nginx()
    expect(model.stopSignal).toBe('SIGQUIT')
    const app = model.start(testRun({ cpus: 1 }))
    expect(app.signal('SIGQUIT', 10_000)).toEqual({ afterMs: 50, code: 0 })
    expect(logText(app, 10_000).slice(-7)).toEqual([
      '2026/01/01 00:00:10 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
      '2026/01/01 00:00:10 [notice] 29#29: gracefully shutting down',
      '2026/01/01 00:00:10 [notice] 29#29: exiting',
      '2026/01/01 00:00:10 [notice] 29#29: exit',
      '2026/01/01 00:00:10 [notice] 1#1: signal 17 (SIGCHLD) received from 29',
      '2026/01/01 00:00:10 [notice] 1#1: worker process 29 exited with code 0',
      '2026/01/01 00:00:10 [notice] 1#1: exit',
    ])
    expect(app.connect(80, 10_100)).toBe(false)
  })

  const overrides = [
    {
      name: 'nginx without "daemon off;" forks away and the container exits 0',
      run: { command: ['nginx'] },
      exit: { afterMs: 40, code: 0 },
    },
    {
      name: 'args that are not nginx run through the entrypoint',
      run: { args: ['sleep', '5'] },
      exit: { afterMs: 5000, code: 0 },
    },
    {
      name: 'a missing program fails in the entrypoint script',
      run: { args: ['foo'] },
      exit: { afterMs: 0, code: 127 },
      logs: ['/docker-entrypoint.sh: 47: exec: foo: not found'],
    },
    {
      name: 'a command override runs in dash',
      run: { command: ['sh', '-c', 'nope'] },
      exit: { afterMs: 0, code: 127 },
      logs: ['sh: 1: nope: not found'],
    },
  ]
  test.each(overrides)('APPS-4 $name', ({ run, exit, logs }) => {
    const app = nginx().start(testRun(run))
    expect(app.exit).toMatchObject(exit)
    if (logs) expect(logText(app, 100)).toEqual(logs)
  })

  test('APPS-8 memory is a master and a worker per CPU; idle CPU is 0', () => {
    const app = nginx().start(testRun({ cpus: 4 }))
    expect(app.usage(60_000, { requestsPerSecond: 0 })).toEqual({
      cpuMillis: 0,
      memoryBytes: 6 * 1024 * 1024,
    })
    expect(app.usage(60_000, { requestsPerSecond: 100 }).cpuMillis).toBe(10)
    expect(app.memoryExceeds(4 * 1024 * 1024, { requestsPerSecond: 0 })).toBeDefined()
    expect(app.memoryExceeds(64 * 1024 * 1024, { requestsPerSecond: 0 })).toBeUndefined()
  })

  test("APPS-7 exec runs in the image's shell with its files", () => {
    const app = nginx().start(testRun())
    expect(app.exec(['cat', '/usr/share/nginx/html/index.html'], 1000).output).toBe(welcomePage)
    expect(app.exec(['cat', '/missing'], 1000)).toMatchObject({
      exitCode: 1,
      output: 'cat: /missing: No such file or directory\n',
    })
  })
})
