/**
 * The contract between the kubelet and a simulated container image: what an image is (size,
 * digest, stop signal) and how a running instance behaves (exit, logs, usage, answers to
 * requests, probes and signals). The kubelet only talks to apps through these types, so
 * traffic, load generators and queues can be added to images without changing the kubelet.
 */

/** The load an instance is under; the kubelet passes it through (zero until traffic exists). */
export interface AppLoad {
  /** HTTP requests per second reaching the instance. */
  requestsPerSecond: number
}

/** No load at all. */
export const noLoad: AppLoad = Object.freeze({ requestsPerSecond: 0 })

/** CPU and memory an instance uses at an instant. */
export interface ResourceUsage {
  cpuMillis: number
  memoryBytes: number
}

/** One line an instance wrote to stdout or stderr, at an absolute virtual time (ms). */
export interface LogLine {
  time: number
  text: string
}

/** The signals the kubelet and the runtime send. */
export type SignalName = 'SIGTERM' | 'SIGQUIT' | 'SIGINT' | 'SIGKILL'

/** A container port as the pod spec declares it. */
export interface PortSpec {
  containerPort: number
  protocol?: string
  name?: string
}

/** Everything an instance learns when it starts: its argv, environment and surroundings. */
export interface RunContext {
  /** container.command (overrides the image's ENTRYPOINT); undefined when not given. */
  command: readonly string[] | undefined
  /** container.args (overrides the image's CMD); undefined when not given. */
  args: readonly string[] | undefined
  /** Literal environment variables (valueFrom entries read as set, with an empty value). */
  env: Readonly<Record<string, string>>
  /** Virtual time (ms since the epoch) at which the process started. */
  startedAt: number
  /** The pod's hostname (its name). */
  hostname: string
  /** The pod's namespace. */
  namespace: string
  podIP: string
  /** The address the kubelet's probes come from (the node's bridge on the pod network). */
  probeSourceIP: string
  /** CPUs the node has (what nproc reports without a CPU limit). */
  cpus: number
  /** The node's kernel release (uname -r). */
  kernel: string
  memoryLimitBytes?: number
  cpuLimitMillis?: number
  ports: readonly PortSpec[]
}

/** How a process ends by itself. StartError: the runtime could not start it at all. */
export interface ExitPlan {
  /** ms after start. */
  afterMs: number
  code: number
  reason?: 'StartError'
  /** The runtime's message (StartError) shown in the container's terminated state. */
  message?: string
}

/** An HTTP request reaching an instance (a probe, or later traffic). */
export interface HttpRequest {
  method: string
  path: string
  port: number
  /** The Host header. */
  host: string
  headers: Readonly<Record<string, string>>
  /** The caller's address. */
  remoteIP: string
  userAgent: string
}

/** The answer to an HTTP request, or why the connection failed. */
export type HttpResult =
  { ok: true; status: number; body: string; latencyMs: number } | { ok: false; error: 'refused' }

/** The outcome of a command run inside the container. */
export interface ExecResult {
  exitCode: number
  /** stdout and stderr together, as the kubelet's exec prober reads them. */
  output: string
  durationMs: number
}

/** A running container process. */
export interface AppInstance {
  /** How the process ends by itself; undefined when it runs until stopped. */
  readonly exit: ExitPlan | undefined
  /** The last `limit` log lines written up to `elapsedMs` after start. */
  logs(elapsedMs: number, limit: number): LogLine[]
  /** CPU and memory in use `elapsedMs` after start, under `load`. */
  usage(elapsedMs: number, load: AppLoad): ResourceUsage
  /** The first ms after start at which memory use exceeds `limitBytes` under `load`, if ever. */
  memoryExceeds(limitBytes: number, load: AppLoad): number | undefined
  /** An HTTP request arriving `elapsedMs` after start. */
  http(req: HttpRequest, elapsedMs: number): HttpResult
  /** Whether a TCP connection to `port` is accepted `elapsedMs` after start. */
  connect(port: number, elapsedMs: number): boolean
  /** A command run inside the container (exec probes, preStop hooks). */
  exec(argv: readonly string[], elapsedMs: number): ExecResult
  /** A signal arrives: ms until the process exits and its code; undefined when it is ignored. */
  signal(sig: SignalName, elapsedMs: number): { afterMs: number; code: number } | undefined
}

/** A simulated image: what the registry serves for one reference. */
export interface AppModel {
  /** The normalized reference, e.g. "docker.io/library/nginx:1.25". */
  reference: string
  /** The repository digest reference, e.g. "docker.io/library/nginx@sha256:…". */
  imageID: string
  /** Compressed size, as the kubelet's Pulled event reports it. */
  sizeBytes: number
  /** Virtual ms to download it onto a node that has none of it. */
  pullMs: number
  /** The image's STOPSIGNAL (what the runtime sends on stop). */
  stopSignal: SignalName
  start(run: RunContext): AppInstance
}
