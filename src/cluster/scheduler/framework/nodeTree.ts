/**
 * The node tree: node names grouped by zone, listed by taking one node of each zone in turn, so
 * that visiting nodes from any index spreads over zones.
 * Mirrors pkg/scheduler/backend/cache/node_tree.go and pkg/util/node GetZoneKey
 */
import type { Node } from 'kubernetes-types/core/v1'

/** GetZoneKey: region and zone from the well-known (or legacy beta) labels. */
export function zoneKey(node: Node): string {
  const labels = node.metadata?.labels
  if (!labels) return ''
  const zone =
    labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? ''
  const region =
    labels['topology.kubernetes.io/region'] ??
    labels['failure-domain.beta.kubernetes.io/region'] ??
    ''
  if (region === '' && zone === '') return ''
  return `${region}:\u0000:${zone}`
}

/** Node names by zone. */
export class NodeTree {
  private tree = new Map<string, string[]>()
  private zones: string[] = []
  private zoneOf = new Map<string, string>()
  numNodes = 0

  addNode(node: Node): void {
    const name = node.metadata?.name ?? ''
    if (this.zoneOf.has(name)) return
    const zone = zoneKey(node)
    const na = this.tree.get(zone)
    if (na) na.push(name)
    else {
      this.zones.push(zone)
      this.tree.set(zone, [name])
    }
    this.zoneOf.set(name, zone)
    this.numNodes++
  }

  removeNode(name: string): void {
    const zone = this.zoneOf.get(name)
    if (zone === undefined) return
    const na = this.tree.get(zone) ?? []
    const i = na.indexOf(name)
    if (i >= 0) na.splice(i, 1)
    if (na.length === 0) {
      this.tree.delete(zone)
      this.zones.splice(this.zones.indexOf(zone), 1)
    }
    this.zoneOf.delete(name)
    this.numNodes--
  }

  /** updateNode: true when the node moved to another zone (the list order changes). */
  updateNode(node: Node): boolean {
    const name = node.metadata?.name ?? ''
    const old = this.zoneOf.get(name)
    if (old === zoneKey(node)) return false
    this.removeNode(name)
    this.addNode(node)
    return true
  }

  /** list(): one node of each zone in turn, until every zone is exhausted. */
  list(): string[] {
    const out: string[] = []
    if (this.zones.length === 1) return [...(this.tree.get(this.zones[0] as string) ?? [])]
    for (let i = 0; out.length < this.numNodes; i++) {
      for (const zone of this.zones) {
        const na = this.tree.get(zone) as string[]
        if (i < na.length) out.push(na[i] as string)
      }
    }
    return out
  }
}
