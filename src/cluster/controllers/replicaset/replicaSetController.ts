/**
 * The ReplicaSet controller: informer handlers that queue ReplicaSet keys (and keep the
 * expectations), and the loop that runs syncReplicaSet.
 * Mirrors pkg/controller/replicaset/replica_set.go (NewBaseController handlers: addRS,
 * updateRS, deleteRS, addPod, updatePod, deletePod, resolveControllerRef, getPodReplicaSets)
 */
import { deepEqual } from '../../util/json'
import type { ComponentContext } from '../runtime/context'
import { startController, type Controller } from '../runtime/controller'
import { keyOf } from '../runtime/informer'
import { createExpectations, type Expectations } from './expectations'
import { ensureOwnerIndexes } from './indexes'
import { podKey } from './manageReplicas'
import { getControllerOf } from './ownerRefs'
import { createPodControl } from './podControl'
import { isPodReady } from './podUtil'
import { specSelector } from './selectors'
import { syncReplicaSet, type SyncContext } from './syncReplicaSet'
import type { Pod, ReplicaSet } from './types'

/** The component name on its events (source.component). */
export const replicaSetControllerName = 'replicaset-controller'

/** BurstReplicas: the most pods one sync creates or deletes (kube-controller-manager's 500). */
export const defaultBurstReplicas = 500

/** Options of the ReplicaSet controller. */
export interface ReplicaSetControllerOptions {
  burstReplicas?: number
}

/** A running ReplicaSet controller. */
export interface ReplicaSetController {
  controller: Controller
  expectations: Expectations
  stop(): void
}

/** Start the ReplicaSet controller. */
export function startReplicaSetController(
  ctx: ComponentContext,
  options: ReplicaSetControllerOptions = {},
): ReplicaSetController {
  const rsInformer = ctx.informers.informer<ReplicaSet>('ReplicaSet')
  const podInformer = ctx.informers.informer<Pod>('Pod')
  ensureOwnerIndexes(rsInformer)
  ensureOwnerIndexes(podInformer)
  const expectations = createExpectations(ctx.clock)
  let stopped = false
  const sync: SyncContext = {
    client: ctx.client,
    rsInformer,
    podInformer,
    expectations,
    podControl: createPodControl(ctx.client, ctx.events(replicaSetControllerName)),
    burstReplicas: options.burstReplicas ?? defaultBurstReplicas,
    now: () => ctx.clock.now(),
  }
  const controller = startController(
    ctx.clock,
    'replicaset',
    (key) => (stopped ? undefined : syncReplicaSet(sync, key)),
    ctx.onError,
  )
  const queue = controller.queue
  const enqueue = (rs: ReplicaSet): void => {
    if (!stopped) queue.add(keyOf(rs))
  }

  // resolveControllerRef: the ReplicaSet a controller reference names, if it is still that one.
  const resolve = (
    namespace: string | undefined,
    ref: { kind: string; name: string; uid: string },
  ): ReplicaSet | undefined => {
    if (ref.kind !== 'ReplicaSet') return undefined
    const rs = rsInformer.get(namespace ? `${namespace}/${ref.name}` : ref.name)
    return rs && rs.metadata.uid === ref.uid ? rs : undefined
  }
  // getPodReplicaSets: the ReplicaSets of the pod's namespace whose selector matches it.
  const podReplicaSets = (pod: Pod): ReplicaSet[] =>
    rsInformer.listNamespace(pod.metadata.namespace ?? '').filter((rs) => {
      const sel = specSelector(rs)
      return sel.ok && !sel.selector.empty() && sel.selector.matches(pod.metadata.labels)
    })

  const deleteRS = (rs: ReplicaSet): void => {
    const key = keyOf(rs)
    // A ReplicaSet created again under the same name starts clean.
    expectations.delete(key)
    if (!stopped) queue.add(key)
  }
  const deletePod = (pod: Pod): void => {
    const ref = getControllerOf(pod)
    if (!ref) return
    const rs = resolve(pod.metadata.namespace, ref)
    if (!rs) return
    const key = keyOf(rs)
    expectations.deletionObserved(key, podKey(pod))
    if (!stopped) queue.add(key)
  }

  rsInformer.addHandlers({
    add: enqueue,
    update(old, cur) {
      if (old.metadata.uid !== cur.metadata.uid) deleteRS(old)
      // Any update, status included, syncs: a failed create is retried this way too.
      enqueue(cur)
    },
    delete: deleteRS,
  })
  podInformer.addHandlers({
    add(pod) {
      if (pod.metadata.deletionTimestamp) {
        // A pod already being deleted is no creation to observe.
        deletePod(pod)
        return
      }
      const ref = getControllerOf(pod)
      if (ref) {
        const rs = resolve(pod.metadata.namespace, ref)
        if (!rs) return
        const key = keyOf(rs)
        expectations.creationObserved(key)
        if (!stopped) queue.add(key)
        return
      }
      // An orphan: wake every ReplicaSet that might adopt it (no creation is observed).
      for (const rs of podReplicaSets(pod)) enqueue(rs)
    },
    update(oldPod, curPod) {
      if (oldPod.metadata.resourceVersion === curPod.metadata.resourceVersion) return
      const labelChanged = !deepEqual(oldPod.metadata.labels, curPod.metadata.labels)
      if (curPod.metadata.deletionTimestamp) {
        // A graceful delete: act now, not when the kubelet finally removes the pod.
        deletePod(curPod)
        if (labelChanged) deletePod(oldPod)
        return
      }
      const curRef = getControllerOf(curPod)
      const oldRef = getControllerOf(oldPod)
      const refChanged = !deepEqual(curRef, oldRef)
      if (refChanged && oldRef) {
        const rs = resolve(oldPod.metadata.namespace, oldRef)
        if (rs) enqueue(rs)
      }
      if (curRef) {
        const rs = resolve(curPod.metadata.namespace, curRef)
        if (!rs) return
        enqueue(rs)
        const minReadySeconds = rs.spec?.minReadySeconds ?? 0
        // Check availability again once the pod has been ready for minReadySeconds.
        if (!isPodReady(oldPod) && isPodReady(curPod) && minReadySeconds > 0 && !stopped)
          queue.addAfter(keyOf(rs), minReadySeconds * 1000 + 1000)
        return
      }
      if (labelChanged || refChanged) for (const rs of podReplicaSets(curPod)) enqueue(rs)
    },
    delete: deletePod,
  })

  return {
    controller,
    expectations,
    stop() {
      stopped = true
    },
  }
}
