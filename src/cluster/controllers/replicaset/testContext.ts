/**
 * Test support for the workload controllers: a bare API server (testServer) with a
 * ComponentContext around it, and the API calls tests make in place of the components that
 * are not running (the kubelet marking pods Ready, the scheduler binding them).
 */
import type { StoredObject } from '../../api/types'
import { formatTime } from '../../clock'
import type { Clock } from '../../clock'
import type { ApiServer } from '../../apiserver/apiserver'
import { createRandom } from '../../random'
import { testComponentContext } from '../../testing/testComponentContext'
import { deepCopy } from '../../util/json'
import type { Client } from '../runtime/apiClient'
import type { ComponentContext } from '../runtime/context'
import type { Pod } from './types'

/** A test harness: server, clock, client, a context for components, and helpers. */
export interface TestContext {
  server: ApiServer
  clock: Clock
  client: Client
  ctx: ComponentContext
  /** Reconcile failures reported by controllers. */
  errors: string[]
  /** Pods of a namespace (default "default"), sorted by name. */
  pods(namespace?: string): Pod[]
  /** Every object of a kind in "default", sorted by name. */
  list<T extends StoredObject = StoredObject>(kind: string): T[]
  /** Events in "default" ("reason message"), oldest first; only a component's when given. */
  events(component?: string): string[]
  /** Mark a pod Running and Ready now, as its kubelet would (PUT pods/x/status). */
  makeReady(name: string, namespace?: string): void
  /** Bind a pod to a node, as the scheduler would. */
  bind(name: string, node: string, namespace?: string): void
}

/** Create a test harness with a seeded context. */
export function testContext(seed = 1): TestContext {
  const { server, clock, client, ctx, errors } = testComponentContext(seed, createRandom(seed).fork('test'))
  const listOf = <T>(path: string): T[] => {
    const res = server.handle({ method: 'GET', path })
    return (res.body as { items: T[] }).items
  }
  const t: TestContext = {
    server,
    clock,
    client,
    ctx,
    errors,
    pods: (ns = 'default') => listOf<Pod>(`/api/v1/namespaces/${ns}/pods`),
    list: <T extends StoredObject = StoredObject>(kind: string) => {
      const path =
        kind === 'Pod'
          ? '/api/v1/namespaces/default/pods'
          : `/apis/apps/v1/namespaces/default/${kind.toLowerCase()}s`
      return listOf<T>(path)
    },
    events: (component) => {
      type Ev = {
        reason: string
        message: string
        metadata: { name: string }
        source?: { component?: string }
      }
      // Event names end in the time they were made (nanoseconds, hex): that is their order.
      const made = (e: Ev): bigint =>
        BigInt(`0x${e.metadata.name.slice(e.metadata.name.lastIndexOf('.') + 1) || '0'}`)
      return listOf<Ev>('/api/v1/namespaces/default/events')
        .filter((e) => component === undefined || e.source?.component === component)
        .sort((a, b) => (made(a) < made(b) ? -1 : made(a) > made(b) ? 1 : 0))
        .map((e) => `${e.reason} ${e.message}`)
    },
    makeReady(name, ns = 'default') {
      const res = client.get<Pod>('Pod', ns, name)
      if (!res.ok) throw new Error(`makeReady ${name}: ${res.status.message ?? ''}`)
      const pod: Record<string, unknown> & { status?: unknown } = deepCopy(res.object)
      const now = formatTime(clock.now())
      const conds = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type,
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: now,
      }))
      pod.status = {
        ...(pod.status as object),
        phase: 'Running',
        conditions: conds,
        startTime: now,
      }
      const put = client.update('Pod', pod as StoredObject, 'status')
      if (!put.ok) throw new Error(`makeReady ${name}: ${put.status.message ?? ''}`)
    },
    bind(name, node, ns = 'default') {
      const res = client.raw('POST', `/api/v1/namespaces/${ns}/pods/${name}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name },
        target: { apiVersion: 'v1', kind: 'Node', name: node },
      })
      if (res.status >= 300) throw new Error(`bind ${name}: ${JSON.stringify(res.body)}`)
    },
  }
  return t
}
