/**
 * The garbage collector: watches every deletable kind, keeps the ownerReferences graph and
 * deletes dependents whose owners are gone (background cascading), deletes dependents before
 * their owner (foreground) and orphans them when asked (orphan), through the API.
 * Mirrors pkg/controller/garbagecollector/garbagecollector.go (NewGarbageCollector, Run)
 */
import type { StoredObject } from '../../api/types'
import { resources } from '../../apiserver/resources'
import type { ComponentContext } from '../runtime/context'
import { startController } from '../runtime/controller'
import { attemptToDelete } from './attemptToDelete'
import { attemptToOrphan } from './attemptToOrphan'
import { identityString } from './graph'
import { createGraphBuilder } from './graphBuilder'
import { createOperations } from './operations'

/** The running collector. */
export interface GarbageCollector {
  stop(): void
  /** Whether the graph holds a uid (upstream's GraphHasUID, for tests). */
  graphHasUid(uid: string): boolean
}

/** The event source component, as kube-controller-manager names it. */
export const garbageCollectorComponent = 'garbage-collector-controller'

/** Kinds the collector monitors: every served kind that supports delete, list and watch, except events (GetDeletableResources less DefaultIgnoredResources). */
export function monitoredKinds(): string[] {
  return resources.filter((r) => r.resource !== 'events' && ['delete', 'list', 'watch'].every((v) => r.verbs.includes(v as 'delete'))).map((r) => r.kind)
}

/** Start the garbage collector. */
export function startGarbageCollector(ctx: ComponentContext): GarbageCollector {
  let stopped = false
  const kinds = monitoredKinds()
  const ops = createOperations(ctx, new Set(kinds))
  const recorder = ctx.events(garbageCollectorComponent)

  const deleteCtl = startController(ctx.clock, 'garbagecollector-attempt-to-delete', (uid) => (stopped ? undefined : attemptToDelete({ graph, ops, enqueue: (u) => deleteCtl.queue.add(u) }, uid)), ctx.onError)
  const orphanCtl = startController(ctx.clock, 'garbagecollector-attempt-to-orphan', (uid) => (stopped ? undefined : attemptToOrphan(graph, ops, uid)), ctx.onError)

  const graph = createGraphBuilder({
    attemptToDelete: (uid) => deleteCtl.queue.add(uid),
    attemptToOrphan: (uid) => orphanCtl.queue.add(uid),
    invalidNamespaceOwnerRef(dep, ref) {
      // Mirrors graph_builder.go reportInvalidNamespaceOwnerRef; recorded in a task of its own,
      // as handlers only record what to do.
      const invalid = { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid, namespace: dep.identity.namespace }
      const id = { ...dep.identity }
      ctx.clock.after(0, 'garbagecollector event', () =>
        recorder.event(
          { apiVersion: id.apiVersion, kind: id.kind, metadata: { name: id.name, namespace: id.namespace, uid: id.uid } },
          'Warning',
          'OwnerRefInvalidNamespace',
          `ownerRef ${identityString(invalid)} does not exist in namespace "${id.namespace}"`,
        ),
      )
    },
  })

  for (const kind of kinds) {
    ctx.informers.informer<StoredObject>(kind).addHandlers({
      add: (obj) => stopped || graph.observe('add', obj),
      update: (old, obj) => stopped || graph.observe('update', obj, old),
      delete: (obj) => stopped || graph.observe('delete', obj),
    })
  }

  return {
    stop: () => {
      stopped = true
    },
    graphHasUid: (uid) => graph.uidToNode.has(uid),
  }
}
