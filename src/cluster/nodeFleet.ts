/**
 * The machines of the cluster: one kubelet each. Adding, removing, failing and restoring a
 * machine happen outside the Kubernetes API (a cloud's or a data centre's doing); everything
 * the cluster learns of them, it learns through the kubelets' API calls (SPEC CLUSTER-*).
 */
import type { ControlPlane } from './controlPlane'
import type { NodePool, NodeSpec } from './cluster'
import { startKubelet, type Kubelet } from './kubelet'
import { nameIsDNSSubdomain } from './api/validation/names'
import { parseQuantity } from './api/quantity'

/** An operation's outcome; a refused one says why. */
export type NodeOpResult = { ok: true } | { ok: false; message: string }

/** The pool label nodes of a node pool carry. */
export const nodePoolLabel = 'kubeplay.dev/nodepool'

interface Machine {
  kubelet: Kubelet
  pool?: string
  /** Removed machines keep their index, so pod CIDRs and IPs are never reused. */
  removed: boolean
}

/** The fleet's operations. */
export interface NodeFleet {
  add(node: NodeSpec, pool?: string): NodeOpResult
  addPool(pool: NodePool): NodeOpResult
  remove(name: string): NodeOpResult
  fail(name: string): NodeOpResult
  restore(name: string): NodeOpResult
  list(): { name: string; up: boolean; pool?: string }[]
  logs(namespace: string, pod: string, container: string, previous?: boolean): string[]
}

function checkSpec(n: NodeSpec): string | undefined {
  const nameErrs = nameIsDNSSubdomain(n.name, false)
  if (nameErrs.length) return `node name "${n.name}": ${nameErrs.join('; ')}`
  for (const [what, q] of [['cpu', n.cpu], ['memory', n.memory]] as const) {
    const p = parseQuantity(q)
    if (!p.ok) return `node "${n.name}" ${what} "${q}": ${p.error}`
    if (p.q.milliValue <= 0) return `node "${n.name}" ${what} must be positive`
  }
  if (n.pods !== undefined && (!Number.isInteger(n.pods) || n.pods < 1)) return `node "${n.name}" pods must be a positive integer`
  return undefined
}

/** Create the fleet over the control plane's component contexts. */
export function createNodeFleet(controlPlane: ControlPlane): NodeFleet {
  const machines = new Map<string, Machine>()
  let nextIndex = 0
  const live = (name: string): Machine | undefined => {
    const m = machines.get(name)
    return m && !m.removed ? m : undefined
  }
  const unknown = (name: string): NodeOpResult => ({ ok: false, message: `no machine named "${name}"` })
  const fleet: NodeFleet = {
    add(node, pool) {
      const bad = checkSpec(node)
      if (bad) return { ok: false, message: bad }
      if (live(node.name)) return { ok: false, message: `a machine named "${node.name}" already exists` }
      const labels = pool ? { ...(node.labels ?? {}), [nodePoolLabel]: pool } : node.labels
      const kubelet = startKubelet(controlPlane.contextFor(`kubelet/${node.name}`), { ...node, ...(labels ? { labels } : {}), index: nextIndex++ })
      machines.set(node.name, pool ? { kubelet, pool, removed: false } : { kubelet, removed: false })
      return { ok: true }
    },
    addPool(pool) {
      if (!Number.isInteger(pool.count) || pool.count < 0 || pool.count > 10_000) return { ok: false, message: `pool "${pool.name}": count must be an integer from 0 to 10000` }
      for (let i = 0; i < pool.count; i++) {
        const { name, count: _count, ...spec } = pool
        let k = i
        while (live(`${name}-${k}`)) k++
        const r = fleet.add({ ...spec, name: `${name}-${k}` }, name)
        if (!r.ok) return r
      }
      return { ok: true }
    },
    remove(name) {
      const m = live(name)
      if (!m) return unknown(name)
      m.kubelet.stop()
      m.removed = true
      // The machine is gone; so is its Node object (as a cloud controller manager would do).
      controlPlane.contextFor('cloud-node-lifecycle').client.delete('Node', undefined, name)
      return { ok: true }
    },
    fail(name) {
      const m = live(name)
      if (!m) return unknown(name)
      m.kubelet.fail()
      return { ok: true }
    },
    restore(name) {
      const m = live(name)
      if (!m) return unknown(name)
      m.kubelet.restore()
      return { ok: true }
    },
    list: () =>
      [...machines.entries()]
        .filter(([, m]) => !m.removed)
        .map(([name, m]) => (m.pool ? { name, up: !m.kubelet.failed(), pool: m.pool } : { name, up: !m.kubelet.failed() })),
    logs(namespace, pod, container, previous) {
      for (const m of machines.values()) {
        const lines = m.kubelet.logs(namespace, pod, container, previous)
        if (lines.length) return lines
      }
      return []
    },
  }
  return fleet
}
