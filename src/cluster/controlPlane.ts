/**
 * Starts the cluster's components (what kube-controller-manager, kube-scheduler and the
 * kubelets are on a real cluster), each a client of the API server with its own forked random
 * stream and event recorders.
 */
import type { ApiServer } from './apiserver/apiserver'
import type { Clock } from './clock'
import type { Random } from './random'
import { createClient } from './controllers/runtime/apiClient'
import type { ComponentContext } from './controllers/runtime/context'
import { createEventRecorder, type EventRecorder } from './controllers/runtime/events'
import { createInformerFactory } from './controllers/runtime/informers'
import { startRootCACertPublisher } from './controllers/rootcacertpublisher'
import { startServiceAccountsController } from './controllers/serviceaccount'
import { startReplicaSetController } from './controllers/replicaset'
import { startDeploymentController } from './controllers/deployment'
import { startGarbageCollector } from './controllers/garbagecollector'
import { startEndpointsController } from './controllers/endpoints'
import { startNamespaceController } from './controllers/namespace'
import { startNodeLifecycleController } from './controllers/nodelifecycle'
import { startScheduler, type SchedulerOptions } from './scheduler'

/** The running components, and how to make a context for one more (e.g. a new node's kubelet). */
export interface ControlPlane {
  contextFor(component: string): ComponentContext
  stop(): void
}

/** Makes component contexts over an API server: a shared client and informers, forked random streams. */
export function componentContexts(api: ApiServer, clock: Clock, random: Random, report: (error: string) => void): (component: string) => ComponentContext {
  const client = createClient(api)
  const informers = createInformerFactory(api)
  const recorders = new Map<string, EventRecorder>()
  return (component) => ({
    api,
    client,
    informers,
    clock,
    random: random.fork(component),
    events(name, host) {
      const key = `${name}\u0000${host ?? ''}`
      let r = recorders.get(key)
      if (!r) recorders.set(key, (r = createEventRecorder(client, clock, name, host)))
      return r
    },
    onError: (controller, key, error) => {
      // Expected failures (conflicts, a namespace going away) are retried; only panics are bugs.
      if (error.startsWith('panic:')) report(`${controller} ${key}: ${error}`)
    },
  })
}

/** Start the control plane's controllers over an API server. */
export function startControlPlane(api: ApiServer, clock: Clock, random: Random, report: (error: string) => void, scheduler?: SchedulerOptions): ControlPlane {
  const contextFor = componentContexts(api, clock, random, report)
  const stops = [
    startServiceAccountsController(contextFor('serviceaccounts-controller')),
    startRootCACertPublisher(contextFor('root-ca-cert-publisher')),
    startReplicaSetController(contextFor('replicaset-controller')),
    startDeploymentController(contextFor('deployment-controller')),
    startGarbageCollector(contextFor('garbage-collector')),
    startEndpointsController(contextFor('endpoints-controller')),
    startNamespaceController(contextFor('namespace-controller')),
    startNodeLifecycleController(contextFor('node-lifecycle-controller')),
    startScheduler(contextFor('default-scheduler'), scheduler),
  ]
  return {
    contextFor,
    stop() {
      for (const s of stops) s.stop()
      contextFor('').informers.stop()
    },
  }
}
