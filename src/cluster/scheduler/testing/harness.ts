/**
 * Test support for the scheduler: a bare API server with the scheduler as its only component,
 * nodes registered through the API as kubelets would, pods created through the API, and
 * shorthand reads of events and decisions. Tests only.
 */
import type { Pod, Taint } from 'kubernetes-types/core/v1'
import { formatTime, type Clock } from '../../clock'
import type { ApiServer } from '../../apiserver/apiserver'
import type { ApiResponse } from '../../apiserver/request'
import { createClient, type Client } from '../../controllers/runtime/apiClient'
import type { ComponentContext } from '../../controllers/runtime/context'
import { createEventRecorder } from '../../controllers/runtime/events'
import { createInformerFactory } from '../../controllers/runtime/informers'
import { nodeObject } from '../../kubelet'
import { createRandom } from '../../random'
import { testServer } from '../../testing/testServer'
import { startScheduler, type Scheduler, type SchedulerOptions } from '../index'

/** A node as the tests describe it. */
export interface NodeSpec {
  name: string
  cpu: string
  memory: string
  pods?: number
  labels?: Record<string, string>
  taints?: Taint[]
}

/** The Node a kubelet would register: well-known labels, capacity = allocatable, Ready. */
export function nodeManifest(n: NodeSpec, time: string): Record<string, unknown> {
  const resources = {
    cpu: n.cpu,
    memory: n.memory,
    pods: String(n.pods ?? 110),
    'ephemeral-storage': '100Gi',
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        ...(n.labels ?? {}),
      },
    },
    spec: n.taints?.length ? { taints: n.taints } : {},
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: time,
          lastTransitionTime: time,
        },
      ],
    },
  }
}

/** A scheduler on a bare API server. */
export interface Harness {
  server: ApiServer
  clock: Clock
  client: Client
  ctx: ComponentContext
  scheduler: Scheduler
  errors: string[]
  addNode(n: NodeSpec): void
  createPod(pod: Record<string, unknown>): Pod
  pod(name: string, namespace?: string): Pod
  /** Where each named pod is bound ('' when pending). */
  placements(names: string[]): string[]
  /** Events of the default namespace as "reason: message". */
  events(): string[]
  get(path: string): ApiResponse
}

/** Start a harness: nodes first (as a running cluster has them), then the scheduler. */
export function harness(
  opts: { seed?: number; nodes?: NodeSpec[]; options?: SchedulerOptions } = {},
): Harness {
  const { server, clock } = testServer(opts.seed ?? 1)
  const client = createClient(server)
  const errors: string[] = []
  let nodeIndex = 0
  const addNode = (n: NodeSpec): void => {
    const res = client.create(
      'Node',
      undefined,
      nodeObject({ ...n, index: nodeIndex++ }, formatTime(clock.now())),
    )
    if (!res.ok) throw new Error(`node ${n.name}: ${res.status.message ?? ''}`)
  }
  for (const n of opts.nodes ?? []) addNode(n)
  const ctx: ComponentContext = {
    api: server,
    client,
    informers: createInformerFactory(server),
    clock,
    random: createRandom(opts.seed ?? 1).fork('scheduler'),
    events: (component, host) => createEventRecorder(client, clock, component, host),
    onError: (c, key, e) => errors.push(`${c} ${key}: ${e}`),
  }
  const scheduler = startScheduler(ctx, opts.options)
  const h: Harness = {
    server,
    clock,
    client,
    ctx,
    scheduler,
    errors,
    addNode,
    createPod(pod) {
      const ns = (pod.metadata as { namespace?: string } | undefined)?.namespace ?? 'default'
      const res = client.create<Pod>('Pod', ns, pod)
      if (!res.ok) throw new Error(`pod: ${res.status.message ?? ''}`)
      return res.object
    },
    pod(name, namespace = 'default') {
      const res = client.get<Pod>('Pod', namespace, name)
      if (!res.ok) throw new Error(`pod ${name}: ${res.status.message ?? ''}`)
      return res.object
    },
    placements: (names) => names.map((n) => h.pod(n).spec?.nodeName ?? ''),
    events() {
      const res = server.handle({ method: 'GET', path: '/api/v1/namespaces/default/events' })
      return ((res.body as { items: { reason: string; message: string }[] }).items ?? []).map(
        (e) => `${e.reason}: ${e.message}`,
      )
    },
    get: (path) => server.handle({ method: 'GET', path }),
  }
  return h
}

/** A pod manifest with one container and the given requests. */
export function podWith(
  name: string,
  requests: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const resources = Object.keys(requests).length ? { requests } : {}
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: name } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25', resources }], ...extra },
  }
}
