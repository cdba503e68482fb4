/**
 * Test support for the node controllers: nodes registered as kubelets register them, with
 * their node leases; simulated kubelet heartbeats (lease renewals and status posts) written
 * through the API; and bound pods with a Ready status.
 */
import type { NodeCondition, Pod } from 'kubernetes-types/core/v1'
import type { StoredObject } from '../../api/types'
import { formatMicroTime, formatTime } from '../../clock'
import { nodeObject } from '../../kubelet'
import type { TestContext } from '../garbagecollector/testContext'
import { namespaceNodeLease, type LeaseObject } from './nodeHealth'
import type { NodeObject } from './taints'

/** Register nodes node-1 … node-n, as their kubelets would: the Node, then its lease. */
export function registerNodes(t: TestContext, n: number, labels: (i: number) => Record<string, string> = () => ({})): void {
  for (let i = 0; i < n; i++) {
    const res = t.client.create<NodeObject>('Node', undefined, nodeObject({ name: `node-${i + 1}`, cpu: '4', memory: '8Gi', labels: labels(i), index: i }, formatTime(t.clock.now())))
    if (!res.ok) throw new Error(res.status.message)
    renewLease(t, res.object.metadata.name)
  }
}

/** A kubelet's lease heartbeat: create the node's Lease in kube-node-lease, or renew it (renewTime now). */
export function renewLease(t: TestContext, name: string): void {
  if (!t.client.get('Namespace', undefined, namespaceNodeLease).ok) {
    t.client.create('Namespace', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespaceNodeLease } })
  }
  const renewTime = formatMicroTime(t.clock.now())
  const got = t.client.get<LeaseObject>('Lease', namespaceNodeLease, name)
  if (got.ok) {
    const res = t.client.update('Lease', { ...got.object, spec: { ...got.object.spec, renewTime } })
    if (!res.ok) throw new Error(res.status.message)
    return
  }
  const node = getNode(t, name)
  const res = t.client.create('Lease', namespaceNodeLease, {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }] },
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime },
  })
  if (!res.ok) throw new Error(res.status.message)
}

/** A kubelet's status heartbeat: every condition's lastHeartbeatTime is now; Ready is set to `ready`. */
export function heartbeat(t: TestContext, name: string, ready: 'True' | 'False' = 'True'): void {
  const got = t.client.get<NodeObject>('Node', undefined, name)
  if (!got.ok) throw new Error(got.status.message)
  const now = formatTime(t.clock.now())
  const kubelet: Record<string, [string, string, string]> = {
    MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    Ready: ready === 'True' ? ['True', 'KubeletReady', 'kubelet is posting ready status'] : ['False', 'KubeletNotReady', 'container runtime network not ready'],
  }
  const conditions: NodeCondition[] = Object.entries(kubelet).map(([type, [status, reason, message]]) => {
    const old = got.object.status?.conditions?.find((c) => c.type === type)
    return { type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now }
  })
  const res = t.client.update('Node', { ...got.object, status: { ...got.object.status, conditions } }, 'status')
  if (!res.ok) throw new Error(res.status.message)
}

/**
 * Kubelets for the nodes in `alive`, as v1.30 kubelets behave: every 10 s each renews its lease
 * and checks its status, posting it when the Node is not Ready (someone else changed it) or
 * when 5 minutes passed since its last post (nodeStatusReportFrequency; registration counts).
 */
export function runKubelets(t: TestContext, alive: Set<string>): void {
  const lastPost = new Map<string, number>()
  const start = t.clock.now()
  const beat = (): void => {
    const now = t.clock.now()
    for (const name of [...alive].sort()) {
      renewLease(t, name)
      const ready = getNode(t, name).status?.conditions?.find((c) => c.type === 'Ready')
      if (ready?.status !== 'True' || now >= (lastPost.get(name) ?? start) + 300_000) {
        heartbeat(t, name)
        lastPost.set(name, now)
      }
    }
    t.clock.after(10_000, 'test kubelets', beat)
  }
  t.clock.after(10_000, 'test kubelets', beat)
}

/** A running pod bound to a node, Ready, with extra tolerations if given. */
export function runningPod(t: TestContext, name: string, node: string, tolerations?: unknown[]): Pod & StoredObject {
  const created = t.client.create<Pod & StoredObject>('Pod', 'default', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'web' } },
    spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx' }], tolerations },
  })
  if (!created.ok) throw new Error(created.status.message)
  const now = formatTime(t.clock.now())
  const status = { ...created.object.status, phase: 'Running', podIP: '10.64.0.5', conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: now }] }
  const res = t.client.update<Pod & StoredObject>('Pod', { ...created.object, status }, 'status')
  if (!res.ok) throw new Error(res.status.message)
  return res.object
}

/** The node as stored. */
export function getNode(t: TestContext, name: string): NodeObject {
  const got = t.client.get<NodeObject>('Node', undefined, name)
  if (!got.ok) throw new Error(got.status.message)
  return got.object
}

/** The pod as stored, or undefined. */
export function getPod(t: TestContext, name: string): (Pod & StoredObject) | undefined {
  const got = t.client.get<Pod & StoredObject>('Pod', 'default', name)
  return got.ok ? got.object : undefined
}

/** Evicted: deleted, or being deleted. */
export const evicted = (t: TestContext, name: string): boolean => {
  const p = getPod(t, name)
  return !p || !!p.metadata.deletionTimestamp
}

/** Events as [type, reason, message, component] rows. */
export function events(t: TestContext, namespace = 'default'): [string, string, string, string][] {
  const body = t.client.raw('GET', `/api/v1/namespaces/${namespace}/events`).body as { items: { type: string; reason: string; message: string; source: { component: string } }[] }
  return body.items.map((e) => [e.type, e.reason, e.message, e.source.component])
}
