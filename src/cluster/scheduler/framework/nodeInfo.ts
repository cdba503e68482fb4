/**
 * NodeInfo: a node with the pods the scheduler counts on it (bound and assumed) and their summed
 * requests, kept incrementally as pods come and go, never recomputed by scanning.
 * Mirrors pkg/scheduler/framework/types.go (NodeInfo, AddPod, RemovePod, SetNode)
 */
import type { Node, Taint } from 'kubernetes-types/core/v1'
import type { PodInfo } from './podInfo'
import { cloneResource, emptyResource, resourceFromList, type Resource } from './resource'

let generation = 0

/** nextGeneration: a cluster-wide counter, so the snapshot can tell what changed. */
export function nextGeneration(): number {
  return ++generation
}

const noTaints: readonly Taint[] = []
const noLabels: Readonly<Record<string, string>> = {}

/** Node-level aggregated information. */
export class NodeInfo {
  /** Undefined while a deleted node still has pods in the cache (as upstream keeps them). */
  node: Node | undefined = undefined
  name: string
  pods: PodInfo[] = []
  requested: Resource = emptyResource()
  /** CPU and memory with the non-zero defaults applied, for scoring. */
  nonZeroRequested: Resource = emptyResource()
  allocatable: Resource = emptyResource()
  /** The node's labels, taints and spec.unschedulable, read once per node update. */
  labels: Readonly<Record<string, string>> = noLabels
  taints: readonly Taint[] = noTaints
  unschedulable = false
  generation = nextGeneration()
  /** Row in the snapshot's NodeTable (snapshot entries only; -1 elsewhere). */
  idx = -1

  constructor(name: string) {
    this.name = name
  }

  /** SetNode: a new version of the node object. */
  setNode(node: Node): void {
    this.node = node
    this.allocatable = resourceFromList(node.status?.allocatable)
    this.labels = node.metadata?.labels ?? noLabels
    this.taints = (node.spec?.taints ?? noTaints) as readonly Taint[]
    this.unschedulable = node.spec?.unschedulable === true
    this.generation = nextGeneration()
  }

  /** RemoveNode: the node is gone, its pods may linger until their deletes arrive. */
  removeNode(): void {
    this.node = undefined
    this.generation = nextGeneration()
  }

  /** AddPod: count a pod's requests on this node. */
  addPod(pi: PodInfo): void {
    this.pods.push(pi)
    this.update(pi, 1)
  }

  /** RemovePod: uncount a pod by uid; false when it was not here. */
  removePod(uid: string): boolean {
    const i = this.pods.findIndex((p) => p.uid === uid)
    if (i < 0) return false
    const pi = this.pods[i] as PodInfo
    // Order of pods does not matter to any plugin: swap-remove keeps this O(1) after the find.
    const last = this.pods.pop() as PodInfo
    if (i < this.pods.length) this.pods[i] = last
    this.update(pi, -1)
    return true
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    const r = this.requested
    r.milliCPU += sign * pi.requests.milliCPU
    r.memory += sign * pi.requests.memory
    r.ephemeralStorage += sign * pi.requests.ephemeralStorage
    if (pi.requests.scalar) {
      r.scalar ??= new Map()
      for (const [k, v] of pi.requests.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) + sign * v)
    }
    this.nonZeroRequested.milliCPU += sign * pi.nonZero.milliCPU
    this.nonZeroRequested.memory += sign * pi.nonZero.memory
    this.generation = nextGeneration()
  }

  /** Clone, for the snapshot: the scheduling cycle reads a copy the cache may change under. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name)
    c.node = this.node
    c.pods = this.pods.slice()
    c.requested = cloneResource(this.requested)
    c.nonZeroRequested = cloneResource(this.nonZeroRequested)
    c.allocatable = this.allocatable
    c.labels = this.labels
    c.taints = this.taints
    c.unschedulable = this.unschedulable
    c.generation = this.generation
    return c
  }
}
