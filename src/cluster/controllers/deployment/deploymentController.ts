/**
 * The Deployment controller: informer handlers that queue Deployment keys, and the loop that
 * runs syncDeployment.
 * Mirrors pkg/controller/deployment/deployment_controller.go (NewDeploymentController
 * handlers: addDeployment, updateDeployment, deleteDeployment, addReplicaSet,
 * updateReplicaSet, deleteReplicaSet, deletePod, resolveControllerRef,
 * getDeploymentsForReplicaSet, getDeploymentForPod)
 */
import { deepEqual } from '../../util/json'
import type { ComponentContext } from '../runtime/context'
import { startController, type Controller } from '../runtime/controller'
import { keyOf } from '../runtime/informer'
import { byControllerUID, ensureOwnerIndexes } from '../replicaset/indexes'
import { getControllerOf } from '../replicaset/ownerRefs'
import { specSelector } from '../replicaset/selectors'
import type { Deployment, Pod, ReplicaSet } from '../replicaset/types'
import type { DeploymentContext } from './context'
import { getPodMapForDeployment, syncDeployment } from './syncDeployment'

/** The component name on its events (source.component). */
export const deploymentControllerName = 'deployment-controller'

/** A running Deployment controller. */
export interface DeploymentController {
  controller: Controller
  stop(): void
}

/** Start the Deployment controller. */
export function startDeploymentController(ctx: ComponentContext): DeploymentController {
  const dInformer = ctx.informers.informer<Deployment>('Deployment')
  const rsInformer = ctx.informers.informer<ReplicaSet>('ReplicaSet')
  const podInformer = ctx.informers.informer<Pod>('Pod')
  ensureOwnerIndexes(rsInformer)
  ensureOwnerIndexes(podInformer)
  let stopped = false
  const recorder = ctx.events(deploymentControllerName)
  // The queue exists once the controller starts; the context reads it through this holder.
  const holder: { dc?: DeploymentContext } = {}
  const controller = startController(
    ctx.clock,
    'deployment',
    (key) => (stopped || !holder.dc ? undefined : syncDeployment(holder.dc, key)),
    ctx.onError,
  )
  const dc: DeploymentContext = {
    client: ctx.client,
    recorder,
    dInformer,
    rsInformer,
    podInformer,
    queue: controller.queue,
    now: () => ctx.clock.now(),
  }
  holder.dc = dc
  const enqueue = (d: Deployment): void => {
    if (!stopped) controller.queue.add(keyOf(d))
  }

  // resolveControllerRef: the Deployment a controller reference names, if it is still that one.
  const resolve = (
    namespace: string | undefined,
    ref: { kind: string; name: string; uid: string },
  ): Deployment | undefined => {
    if (ref.kind !== 'Deployment') return undefined
    const d = dInformer.get(namespace ? `${namespace}/${ref.name}` : ref.name)
    return d && d.metadata.uid === ref.uid ? d : undefined
  }
  // getDeploymentsForReplicaSet: Deployments whose (non-empty) selector matches the labels.
  const deploymentsFor = (rs: ReplicaSet): Deployment[] => {
    if (!rs.metadata.labels || Object.keys(rs.metadata.labels).length === 0) return []
    return dInformer.listNamespace(rs.metadata.namespace ?? '').filter((d) => {
      const sel = specSelector(d)
      return sel.ok && !sel.selector.empty() && sel.selector.matches(rs.metadata.labels)
    })
  }
  const deleteReplicaSet = (rs: ReplicaSet): void => {
    const ref = getControllerOf(rs)
    if (!ref) return
    const d = resolve(rs.metadata.namespace, ref)
    if (d) enqueue(d)
  }

  dInformer.addHandlers({ add: enqueue, update: (_old, cur) => enqueue(cur), delete: enqueue })
  rsInformer.addHandlers({
    add(rs) {
      if (rs.metadata.deletionTimestamp) {
        deleteReplicaSet(rs)
        return
      }
      const ref = getControllerOf(rs)
      if (ref) {
        const d = resolve(rs.metadata.namespace, ref)
        if (d) enqueue(d)
        return
      }
      // An orphan: wake every Deployment that might adopt it.
      for (const d of deploymentsFor(rs)) enqueue(d)
    },
    update(oldRS, curRS) {
      if (oldRS.metadata.resourceVersion === curRS.metadata.resourceVersion) return
      const curRef = getControllerOf(curRS)
      const oldRef = getControllerOf(oldRS)
      const refChanged = !deepEqual(curRef, oldRef)
      if (refChanged && oldRef) {
        const d = resolve(oldRS.metadata.namespace, oldRef)
        if (d) enqueue(d)
      }
      if (curRef) {
        const d = resolve(curRS.metadata.namespace, curRef)
        if (d) enqueue(d)
        return
      }
      if (refChanged || !deepEqual(curRS.metadata.labels, oldRS.metadata.labels))
        for (const d of deploymentsFor(curRS)) enqueue(d)
    },
    delete: deleteReplicaSet,
  })
  podInformer.addHandlers({
    // A Recreate Deployment waits for its old pods to be gone: wake it when the last one goes.
    delete(pod) {
      const d = deploymentForPod(pod)
      if (!d || d.spec?.strategy?.type !== 'Recreate') return
      const rsList = rsInformer.byIndex(byControllerUID, d.metadata.uid)
      let numPods = 0
      for (const pods of getPodMapForDeployment(dc, d, rsList).values()) numPods += pods.length
      if (numPods === 0) enqueue(d)
    },
  })

  // getDeploymentForPod: through the pod's ReplicaSet to its Deployment.
  function deploymentForPod(pod: Pod): Deployment | undefined {
    const ref = getControllerOf(pod)
    if (!ref || ref.kind !== 'ReplicaSet') return undefined
    const rs = rsInformer.get(`${pod.metadata.namespace ?? ''}/${ref.name}`)
    if (!rs || rs.metadata.uid !== ref.uid) return undefined
    const dRef = getControllerOf(rs)
    return dRef ? resolve(rs.metadata.namespace, dRef) : undefined
  }

  return {
    controller,
    stop() {
      stopped = true
    },
  }
}
