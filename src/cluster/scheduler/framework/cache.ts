/**
 * The scheduler cache: a NodeInfo per node, kept from the pod and node informers, plus the pods
 * the scheduler has "assumed" onto a node between its decision and the binding's watch event.
 * Mirrors pkg/scheduler/backend/cache/cache.go
 */
import type { Node, Pod } from 'kubernetes-types/core/v1'
import { NodeInfo } from './nodeInfo'
import { NodeTree } from './nodeTree'
import { newPodInfo, type PodInfo } from './podInfo'
import { copyInto, snapshotEntry, type Snapshot } from './snapshot'

interface PodState {
  pi: PodInfo
  nodeName: string
  /** Assumed by the scheduler and not yet seen bound through the informer. */
  assumed: boolean
}

/** The cache's interface, as the scheduler and its event handlers use it. */
export class SchedulerCache {
  private nodes = new Map<string, NodeInfo>()
  private nodeTree = new NodeTree()
  private podStates = new Map<string, PodState>()
  /** Node names changed since the last snapshot. */
  private dirty = new Set<string>()
  /** The node list's membership or order changed since the last snapshot. */
  private listChanged = false

  private nodeInfo(name: string): NodeInfo {
    let n = this.nodes.get(name)
    if (!n) {
      n = new NodeInfo(name)
      this.nodes.set(name, n)
    }
    this.dirty.add(name)
    return n
  }

  private addPodTo(pi: PodInfo, nodeName: string): void {
    this.nodeInfo(nodeName).addPod(pi)
  }

  private removePodFrom(uid: string, nodeName: string): void {
    const n = this.nodes.get(nodeName)
    if (!n) return
    n.removePod(uid)
    this.dirty.add(nodeName)
    // A deleted node's NodeInfo lives only as long as pods still point at it.
    if (!n.node && n.pods.length === 0) this.nodes.delete(nodeName)
  }

  /** AssumePod: count a pod on the chosen node before the binding is confirmed. */
  assumePod(pi: PodInfo, nodeName: string): void {
    if (this.podStates.has(pi.uid)) return
    this.addPodTo(pi, nodeName)
    this.podStates.set(pi.uid, { pi, nodeName, assumed: true })
  }

  /** ForgetPod: the binding failed; uncount an assumed pod. */
  forgetPod(uid: string): void {
    const st = this.podStates.get(uid)
    if (!st || !st.assumed) return
    this.removePodFrom(uid, st.nodeName)
    this.podStates.delete(uid)
  }

  /** IsAssumedPod */
  isAssumedPod(uid: string): boolean {
    return this.podStates.get(uid)?.assumed === true
  }

  /** AddPod: a bound pod seen through the informer; confirms an assumed pod. */
  addPod(pi: PodInfo, nodeName: string): void {
    const st = this.podStates.get(pi.uid)
    if (st) {
      // Confirm an assumed pod; it may have been bound elsewhere than assumed.
      this.removePodFrom(pi.uid, st.nodeName)
    }
    this.addPodTo(pi, nodeName)
    this.podStates.set(pi.uid, { pi, nodeName, assumed: false })
  }

  /**
   * UpdatePod: a bound pod changed. A pod's requests cannot change once bound (the API forbids
   * editing them), so a confirmed pod only takes the new object, in place: kubelets' many status
   * updates cost no re-parsing and no new snapshot.
   */
  updatePod(pod: Pod, nodeName: string): void {
    const st = this.podStates.get(pod.metadata?.uid ?? '')
    if (st && st.nodeName === nodeName) {
      // Also how an assumed pod is confirmed when its binding is seen: same node, same requests.
      st.pi.pod = pod
      st.assumed = false
    } else this.addPod(newPodInfo(pod), nodeName)
  }

  /** RemovePod: a bound pod was deleted or terminated. */
  removePod(uid: string): void {
    const st = this.podStates.get(uid)
    if (!st) return
    this.removePodFrom(uid, st.nodeName)
    this.podStates.delete(uid)
  }

  /** The node a counted pod is on, if it is counted. */
  podNode(uid: string): string | undefined {
    return this.podStates.get(uid)?.nodeName
  }

  /** AddNode / UpdateNode; `relevant` false for updates no plugin reads (heartbeats), which need no new snapshot. */
  setNode(node: Node, relevant = true): void {
    const name = node.metadata?.name ?? ''
    const existing = this.nodes.get(name)
    if (!relevant && existing?.node) {
      existing.node = node
      return
    }
    const n = this.nodeInfo(name)
    if (n.node) {
      if (this.nodeTree.updateNode(node)) this.listChanged = true
    } else {
      this.nodeTree.addNode(node)
      this.listChanged = true
    }
    n.setNode(node)
  }

  /** RemoveNode */
  removeNode(name: string): void {
    const n = this.nodes.get(name)
    if (!n) return
    this.nodeTree.removeNode(name)
    this.listChanged = true
    this.dirty.add(name)
    if (n.pods.length === 0) this.nodes.delete(name)
    else n.removeNode()
  }

  /** The cache's NodeInfo of a node (read-only use: queueing hints). */
  getNodeInfo(name: string): NodeInfo | undefined {
    return this.nodes.get(name)
  }

  /** Number of nodes with a Node object. */
  numNodes(): number {
    return this.nodeTree.numNodes
  }

  /** UpdateSnapshot: copy what changed since the last cycle into the snapshot. */
  updateSnapshot(snapshot: Snapshot): void {
    for (const name of this.dirty) {
      const n = this.nodes.get(name)
      const existing = snapshot.nodeInfoMap.get(name)
      if (!n || !n.node) {
        if (existing) {
          snapshot.nodeInfoMap.delete(name)
          this.listChanged = true
        }
        continue
      }
      if (existing) {
        copyInto(existing, n)
        if (existing.idx >= 0 && !this.listChanged) snapshot.table.write(existing.idx, existing)
      } else {
        snapshot.nodeInfoMap.set(name, snapshotEntry(n))
        this.listChanged = true
      }
      if (n.generation > snapshot.generation) snapshot.generation = n.generation
    }
    this.dirty.clear()
    if (this.listChanged) {
      const list: NodeInfo[] = []
      for (const name of this.nodeTree.list()) {
        const n = snapshot.nodeInfoMap.get(name)
        if (n) list.push(n)
      }
      for (const n of snapshot.nodeInfoMap.values()) n.idx = -1
      snapshot.table.resize(list.length)
      list.forEach((n, i) => {
        n.idx = i
        snapshot.table.write(i, n)
      })
      snapshot.nodeInfoList = list
      this.listChanged = false
    }
  }
}
