/**
 * Pods by node name, from the shared pod informer through an index, as both node controllers
 * list a node's pods (getPodsAssignedToNode with the spec.nodeName indexer).
 */
import type { Informer } from '../runtime/informer'
import type { PodObject } from './podConditions'

const indexName = 'nodelifecycle:spec.nodeName'
const indexed = new WeakSet<Informer<PodObject>>()

/** A lookup of the pods assigned to a node; adds the index to the informer once. */
export function podsAssignedToNode(pods: Informer<PodObject>): (nodeName: string) => PodObject[] {
  if (!indexed.has(pods)) {
    pods.addIndex(indexName, (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []))
    indexed.add(pods)
  }
  return (nodeName) => pods.byIndex(indexName, nodeName).sort((a, b) => compareKeys(a, b))
}

function compareKeys(a: PodObject, b: PodObject): number {
  const x = `${a.metadata.namespace ?? ''}/${a.metadata.name}`
  const y = `${b.metadata.namespace ?? ''}/${b.metadata.name}`
  return x < y ? -1 : x > y ? 1 : 0
}
