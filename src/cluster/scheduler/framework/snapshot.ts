/**
 * The snapshot a scheduling cycle reads: NodeInfo copies in node-tree order. Only nodes changed
 * since the last cycle are copied again, so taking it costs little per cycle.
 * Mirrors pkg/scheduler/backend/cache/snapshot.go
 */
import { NodeInfo } from './nodeInfo'
import { NodeTable } from './nodeTable'

/** The cycle's view of the cluster's nodes. */
export class Snapshot {
  nodeInfoMap = new Map<string, NodeInfo>()
  /** Nodes (with a Node object) in node-tree order: the order the filter visits them in. */
  nodeInfoList: NodeInfo[] = []
  /** The highest NodeInfo generation copied in. */
  generation = 0
  /** Hot per-node numbers, row i = nodeInfoList[i]. */
  table = new NodeTable()

  private names: string[] = []
  private namesOf: NodeInfo[] | undefined

  /** The names of nodeInfoList, in order (rebuilt only when the list is). */
  nodeNames(): readonly string[] {
    if (this.namesOf !== this.nodeInfoList) {
      this.names = this.nodeInfoList.map((n) => n.name)
      this.namesOf = this.nodeInfoList
    }
    return this.names
  }

  /** Get a node's info by name. */
  get(name: string): NodeInfo | undefined {
    return this.nodeInfoMap.get(name)
  }

  /** NumNodes */
  numNodes(): number {
    return this.nodeInfoList.length
  }
}

/** Copy a cache NodeInfo into a snapshot entry in place, so list references stay valid. */
export function copyInto(target: NodeInfo, from: NodeInfo): void {
  const c = from.clone()
  target.node = c.node
  target.pods = c.pods
  target.requested = c.requested
  target.nonZeroRequested = c.nonZeroRequested
  target.allocatable = c.allocatable
  target.labels = c.labels
  target.taints = c.taints
  target.unschedulable = c.unschedulable
  target.generation = c.generation
}

/** A fresh snapshot entry for a node new to the snapshot. */
export function snapshotEntry(from: NodeInfo): NodeInfo {
  return from.clone()
}
