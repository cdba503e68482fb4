/**
 * nginx, any tag: the official image's entrypoint lines, the master and one worker per CPU,
 * the welcome page on port 80 (404 elsewhere), access and error log lines for every request
 * (probes included), and a graceful shutdown on its stop signal SIGQUIT. Tags choose the
 * version printed and the base (Debian, or Alpine for *-alpine tags). A command override runs
 * in the image's dash shell; nginx without "daemon off;" forks into the background and the
 * container exits 0 at once, as it really does.
 */
import { nginxErrorTime, commonLogTime } from '../format'
import { processInstance } from '../process'
import { serverInstance, type ServerResponse } from '../server'
import { execError, type ShellWorld } from '../shell/interpreter'
import type { ParsedReference } from '../registry/reference'
import type { AppModel, HttpRequest, LogLine, RunContext } from '../types'
import { imageIDFor, kubeletFiles, MiB, processEnv, pullMsFor, startErrorInstance } from './common'
import { containerArgv } from './busybox'

// The latest patch release of each minor line (what a minor tag such as 1.25 points at).
const latestPatch: Record<string, string> = {
  '1.19': '1.19.10',
  '1.20': '1.20.2',
  '1.21': '1.21.6',
  '1.22': '1.22.1',
  '1.23': '1.23.4',
  '1.24': '1.24.0',
  '1.25': '1.25.5',
  '1.26': '1.26.2',
  '1.27': '1.27.3',
}
const mainline = '1.27.3'
const stable = '1.26.2'

/** The nginx version and base a tag stands for. */
export function nginxVersion(tag: string): { version: string; alpine: boolean } {
  const alpine = /(^|-)alpine/.test(tag)
  const base = tag.replace(/-?alpine.*$/, '').replace(/-perl$/, '')
  if (base === '' || base === 'latest' || base === 'mainline') return { version: mainline, alpine }
  if (base === 'stable') return { version: stable, alpine }
  const m = /^([0-9]+)\.([0-9]+)(?:\.([0-9]+))?$/.exec(base)
  if (!m) return { version: mainline, alpine }
  const minor = `${m[1]}.${m[2]}`
  return {
    version: m[3] !== undefined ? `${minor}.${m[3]}` : (latestPatch[minor] ?? `${minor}.0`),
    alpine,
  }
}

/** The welcome page every nginx serves at / (615 bytes). */
export const welcomePage = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

function errorPage(status: number, text: string, version: string): string {
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`
}

function minorOf(version: string): number {
  return Number(version.split('.')[1] ?? 0)
}

function entrypointLines(version: string): string[] {
  const lines = [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  ]
  // 15-local-resolvers.envsh arrived with 1.25.
  if (minorOf(version) >= 25)
    lines.push('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh')
  lines.push(
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
  )
  return lines
}

const firstWorkerPid = 29

function nginxServer(
  run: RunContext,
  version: string,
  alpine: boolean,
  entrypoint: boolean,
  shell: () => ShellWorld,
) {
  const workers = Math.max(1, Math.floor(run.cpus))
  const at = (ms: number, text: string): LogLine => ({ time: run.startedAt + ms, text })
  const notice = (ms: number, pid: number, text: string): LogLine =>
    at(ms, `${nginxErrorTime(run.startedAt + ms)} [notice] ${pid}#${pid}: ${text}`)
  const t0 = entrypoint ? 30 : 0
  const workerPids = Array.from({ length: workers }, (_, i) => firstWorkerPid + i)
  const startup = (): LogLine[] => {
    const lines = entrypoint ? entrypointLines(version).map((l, i) => at(i * 2, l)) : []
    const gcc = alpine
      ? 'built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) '
      : 'built by gcc 12.2.0 (Debian 12.2.0-14) '
    lines.push(
      notice(t0, 1, 'using the "epoll" event method'),
      notice(t0, 1, `nginx/${version}`),
      notice(t0, 1, gcc),
      notice(t0, 1, `OS: Linux ${run.kernel}`),
      notice(t0, 1, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
      notice(t0, 1, 'start worker processes'),
    )
    for (const pid of workerPids) lines.push(notice(t0, 1, `start worker process ${pid}`))
    return lines
  }
  let connections = 0
  const respond = (req: HttpRequest): ServerResponse => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return { status: 405, body: errorPage(405, 'Not Allowed', version), latencyMs: 1 }
    if (req.path === '/' || req.path === '/index.html')
      return { status: 200, body: welcomePage, latencyMs: 1 }
    if (req.path === '/50x.html') return { status: 200, body: '', latencyMs: 1 }
    return { status: 404, body: errorPage(404, 'Not Found', version), latencyMs: 1 }
  }
  const accessLog = (req: HttpRequest, res: ServerResponse, time: number): string[] => {
    connections++
    const request = `${req.method} ${req.path} HTTP/1.1`
    const lines: string[] = []
    if (res.status === 404) {
      const file = `/usr/share/nginx/html${req.path.split('?')[0] ?? ''}`
      lines.push(
        `${nginxErrorTime(time)} [error] ${firstWorkerPid}#${firstWorkerPid}: *${connections} open() "${file}" failed (2: No such file or directory), client: ${req.remoteIP}, server: localhost, request: "${request}", host: "${req.host}"`,
      )
    }
    const bytes = req.method === 'HEAD' ? 0 : res.body.length
    lines.push(
      `${req.remoteIP} - - [${commonLogTime(time)}] "${request}" ${res.status} ${bytes} "-" "${req.userAgent}" "-"`,
    )
    return lines
  }
  const shutdown = (sig: string, time: number) => {
    const n = (pid: number, text: string): LogLine => ({
      time,
      text: `${nginxErrorTime(time)} [notice] ${pid}#${pid}: ${text}`,
    })
    const graceful = sig === 'SIGQUIT'
    const number = { SIGQUIT: 3, SIGTERM: 15, SIGINT: 2 }[sig as 'SIGQUIT' | 'SIGTERM' | 'SIGINT']
    if (number === undefined) return undefined
    const lines = [
      n(
        1,
        graceful
          ? `signal ${number} (${sig}) received, shutting down`
          : `signal ${number} (${sig}) received, exiting`,
      ),
    ]
    for (const pid of workerPids) {
      if (graceful) lines.push(n(pid, 'gracefully shutting down'))
      lines.push(n(pid, 'exiting'), n(pid, 'exit'))
    }
    for (const pid of workerPids)
      lines.push(
        n(1, `signal 17 (SIGCHLD) received from ${pid}`),
        n(1, `worker process ${pid} exited with code 0`),
      )
    lines.push(n(1, 'exit'))
    return { lines, afterMs: graceful ? 50 : 10, code: 0 }
  }
  return {
    startup,
    listenAfterMs: t0 + 5,
    ports: [80],
    respond,
    accessLog,
    shutdown,
    idle: { cpuMillis: 0, memoryBytes: 2 * MiB + workers * MiB },
    perRequest: { cpuMillis: 0.1, memoryBytes: 10 * 1024 },
    shell,
  }
}

/** The model of nginx at a reference. */
export function nginxModel(ref: ParsedReference): AppModel {
  const { version, alpine } = nginxVersion(ref.tag)
  // Debian images are about 67 MiB compressed, Alpine ones about 20 MiB; patch releases vary a little.
  const patch = Number(version.split('.')[2] ?? 0)
  const sizeBytes = (alpine ? 20_100_000 : 70_500_000) + minorOf(version) * 61_337 + patch * 4_099
  return {
    reference: ref.normalized,
    imageID: imageIDFor(ref, 'docker.io/library/nginx'),
    sizeBytes,
    pullMs: pullMsFor(sizeBytes),
    stopSignal: 'SIGQUIT',
    start(run) {
      const flavor = alpine ? 'busybox' : 'dash'
      const shell = (): ShellWorld => {
        const files = kubeletFiles(run)
        files.set('/usr/share/nginx/html/index.html', welcomePage)
        files.set('/usr/share/nginx/html/50x.html', '')
        files.set('/etc/nginx/nginx.conf', '')
        files.set('/etc/nginx/conf.d/default.conf', '')
        return {
          flavor,
          hostname: run.hostname,
          startedAt: run.startedAt,
          env: processEnv(run, { NGINX_VERSION: version }),
          files,
        }
      }
      const argv = containerArgv(run, ['/docker-entrypoint.sh'], ['nginx', '-g', 'daemon off;'])
      const entrypoint = argv[0] === '/docker-entrypoint.sh'
      const program = entrypoint ? argv.slice(1) : argv
      const isNginx =
        program[0] === 'nginx' || program[0] === 'nginx-debug' || program[0] === '/usr/sbin/nginx'
      if (isNginx) {
        const spec = nginxServer(
          run,
          version,
          alpine,
          entrypoint && program[0] !== '/usr/sbin/nginx',
          shell,
        )
        // Without "daemon off;" the master forks into the background and PID 1 returns at once.
        const daemonOff = program.join(' ').includes('daemon off;')
        return serverInstance(
          daemonOff ? spec : { ...spec, listenAfterMs: undefined, exit: { afterMs: 40, code: 0 } },
          run,
        )
      }
      if (entrypoint) {
        // The entrypoint script execs anything else; a missing program is the script's error.
        const name = program[0] ?? ''
        if (program.length === 0 || execError(name, flavor)) {
          const script = `echo "/docker-entrypoint.sh: 47: exec: ${name}: not found" >&2; exit 127`
          return processInstance(
            {
              world: shell(),
              argv: ['sh', '-c', program.length === 0 ? 'exit 0' : script],
              memoryBytes: 512 * 1024,
            },
            run,
          )
        }
        return processInstance({ world: shell(), argv: program, memoryBytes: 512 * 1024 }, run)
      }
      const problem = execError(argv[0] ?? '', flavor)
      if (problem) return startErrorInstance(problem)
      return processInstance({ world: shell(), argv, memoryBytes: 512 * 1024 }, run)
    },
  }
}
