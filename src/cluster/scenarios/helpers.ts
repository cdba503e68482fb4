/** Reading a running cluster through its API, for scenario tests (test support only). */
import type { Cluster } from '../index'

type Meta = { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; deletionTimestamp?: string; ownerReferences?: { uid: string; kind: string; name: string }[]; uid: string }

/** A pod as scenario tests read it. */
export interface PodView {
  metadata: Meta
  spec: { nodeName?: string; containers: { name: string; image: string; resources?: { requests?: Record<string, string> } }[] }
  status: {
    phase?: string
    podIP?: string
    conditions?: { type: string; status: string; reason?: string; message?: string }[]
    containerStatuses?: { name: string; ready: boolean; restartCount: number; state: Record<string, { reason?: string; message?: string; exitCode?: number }> }[]
  }
}

/** GET a list's items. */
export function items<T>(cluster: Cluster, path: string, query: Record<string, string> = {}): T[] {
  const res = cluster.handle({ method: 'GET', path, query })
  if (res.status !== 200) throw new Error(`GET ${path}: ${JSON.stringify(res.body)}`)
  return (res.body as { items: T[] }).items
}

/** Pods of a namespace, optionally by label selector. */
export function pods(cluster: Cluster, labelSelector = '', namespace = 'default'): PodView[] {
  return items<PodView>(cluster, `/api/v1/namespaces/${namespace}/pods`, labelSelector ? { labelSelector } : {})
}

/** Is a pod Ready (its Ready condition True)? */
export function isReady(p: PodView): boolean {
  return p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** Advance in steps until a condition holds; fails after `maxMs` of virtual time. */
export function advanceUntil(cluster: Cluster, what: string, done: () => boolean, maxMs = 600_000, stepMs = 1_000): number {
  const start = cluster.now()
  while (!done()) {
    if (cluster.now() - start >= maxMs) throw new Error(`timed out after ${maxMs / 1000}s of virtual time waiting for ${what}`)
    cluster.advance(stepMs)
  }
  return cluster.now() - start
}

/** Events of the default namespace (or another), optionally by reason. */
export function events(cluster: Cluster, reason?: string, namespace = 'default'): { reason: string; message: string; involvedObject: { name: string; kind: string }; count: number; type: string }[] {
  const all = items<{ reason: string; message: string; involvedObject: { name: string; kind: string }; count: number; type: string }>(cluster, `/api/v1/namespaces/${namespace}/events`)
  return reason ? all.filter((e) => e.reason === reason) : all
}
