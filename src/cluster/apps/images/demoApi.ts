/**
 * kubeplay/demo-api, a small Python web API served by uvicorn on port 8080 (or $PORT), in
 * three versions that teach three failures:
 * - v1 (also latest): starts in about a second; / answers JSON, /healthz and /readyz 200.
 * - v2: crashes on start with a Python traceback and exit code 1 (it reads DATABASE_URL from
 *   the environment; with that variable set it starts like v1).
 * - v3: starts, but /healthz answers 503 because its database is unreachable, so a readiness
 *   probe on /healthz keeps the pod out of its Service.
 * Every request (probes included) is logged as uvicorn logs it; SIGTERM shuts it down cleanly.
 * /slow answers after 2 s, to show probe timeouts.
 */
import { serverInstance, type ServerResponse, type ServerSpec } from '../server'
import type { ParsedReference } from '../registry/reference'
import type { AppModel, HttpRequest, LogLine, RunContext } from '../types'
import { imageIDFor, kubeletFiles, MiB, processEnv, pullMsFor } from './common'

/** The tags the demo API has. */
export const demoApiTags: Record<string, 'v1' | 'v2' | 'v3'> = {
  v1: 'v1',
  v2: 'v2',
  v3: 'v3',
  latest: 'v1',
}

const sizes = { v1: 48_912_384, v2: 48_913_021, v3: 48_915_770 }

const statusText: Record<number, string> = {
  200: 'OK',
  404: 'Not Found',
  405: 'Method Not Allowed',
  503: 'Service Unavailable',
}

const startMs = 1200

function traceback(at: (ms: number, text: string) => LogLine): LogLine[] {
  const t = 800
  return [
    'Traceback (most recent call last):',
    '  File "/app/main.py", line 14, in <module>',
    '    settings = Settings.from_env()',
    '               ^^^^^^^^^^^^^^^^^^^',
    '  File "/app/settings.py", line 22, in from_env',
    '    database_url=os.environ["DATABASE_URL"],',
    '                 ~~~~~~~~~~^^^^^^^^^^^^^^^^',
    '  File "<frozen os>", line 714, in __getitem__',
    "KeyError: 'DATABASE_URL'",
  ].map((text) => at(t, text))
}

function demoServer(run: RunContext, version: 'v1' | 'v2' | 'v3'): ServerSpec {
  const at = (ms: number, text: string): LogLine => ({ time: run.startedAt + ms, text })
  const port = Number(run.env.PORT) > 0 ? Number(run.env.PORT) : 8080
  const crashes = version === 'v2' && run.env.DATABASE_URL === undefined
  const startup = (): LogLine[] =>
    crashes
      ? traceback(at)
      : [
          at(startMs, 'INFO:     Started server process [1]'),
          at(startMs, 'INFO:     Waiting for application startup.'),
          ...(version === 'v3'
            ? [
                at(
                  startMs,
                  'WARNING:  database check failed: could not connect to server: Connection refused',
                ),
              ]
            : []),
          at(startMs, 'INFO:     Application startup complete.'),
          at(startMs, `INFO:     Uvicorn running on http://0.0.0.0:${port} (Press CTRL+C to quit)`),
        ]
  let clientPort = 40_000
  const respond = (req: HttpRequest): ServerResponse => {
    const path = req.path.split('?')[0] ?? '/'
    const json = (status: number, body: unknown): ServerResponse => ({
      status,
      body: JSON.stringify(body),
      latencyMs: 3,
    })
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return json(405, { detail: 'Method Not Allowed' })
    if (path === '/') return json(200, { app: 'demo-api', version, hostname: run.hostname })
    if (path === '/healthz' || path === '/readyz') {
      return version === 'v3'
        ? json(503, { status: 'unavailable', reason: 'database connection failed' })
        : json(200, { status: 'ok' })
    }
    if (path === '/version') return json(200, { version })
    // A deliberately slow endpoint, for probe timeouts.
    if (path === '/slow') return { ...json(200, { status: 'ok' }), latencyMs: 2000 }
    return json(404, { detail: 'Not Found' })
  }
  return {
    startup,
    listenAfterMs: crashes ? undefined : startMs,
    ports: [port],
    exit: crashes ? { afterMs: 900, code: 1 } : undefined,
    respond,
    accessLog: (req, res) => {
      // Each probe opens a new connection from a fresh ephemeral port.
      clientPort = clientPort >= 60_999 ? 40_000 : clientPort + 7
      return [
        `INFO:     ${req.remoteIP}:${clientPort} - "${req.method} ${req.path} HTTP/1.1" ${res.status} ${statusText[res.status] ?? ''}`,
      ]
    },
    shutdown: (sig, time) => {
      if (sig !== 'SIGTERM' && sig !== 'SIGINT') return undefined
      const lines = [
        'INFO:     Shutting down',
        'INFO:     Waiting for application shutdown.',
        'INFO:     Application shutdown complete.',
        'INFO:     Finished server process [1]',
      ]
      return { lines: lines.map((text) => ({ time, text })), afterMs: 200, code: 0 }
    },
    idle: { cpuMillis: 2, memoryBytes: 45 * MiB },
    perRequest: { cpuMillis: 1.5, memoryBytes: 64 * 1024 },
    shell: () => ({
      flavor: 'dash',
      hostname: run.hostname,
      startedAt: run.startedAt,
      env: processEnv(run, { PYTHON_VERSION: '3.12.4' }),
      files: kubeletFiles(run),
    }),
  }
}

/** The model of the demo API at a reference, or undefined for a tag it does not have. */
export function demoApiModel(ref: ParsedReference): AppModel | undefined {
  const version = demoApiTags[ref.tag]
  if (!version) return undefined
  const sizeBytes = sizes[version]
  return {
    reference: ref.normalized,
    imageID: imageIDFor(ref, `docker.io/kubeplay/demo-api`),
    sizeBytes,
    pullMs: pullMsFor(sizeBytes),
    stopSignal: 'SIGTERM',
    start: (run) => serverInstance(demoServer(run, version), run),
  }
}
