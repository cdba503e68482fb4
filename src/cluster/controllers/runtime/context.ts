/**
 * What every cluster component (controllers, the scheduler, kubelets) is given: the API it is a
 * client of, shared informers, the virtual clock, a seeded random stream and event recorders.
 * Nothing here reaches into the store.
 */
import type { Clock } from '../../clock'
import type { Random } from '../../random'
import type { ApiServer } from '../../apiserver/apiserver'
import type { Client } from './apiClient'
import type { InformerFactory } from './informers'
import type { EventRecorder } from './events'
import type { ControllerErrorHandler } from './controller'

/** A component's view of the cluster. */
export interface ComponentContext {
  api: ApiServer
  client: Client
  informers: InformerFactory
  clock: Clock
  /** A stream forked for this component, so components never shift each other's numbers. */
  random: Random
  /** The event recorder of a component (and host, for kubelets). */
  events(component: string, host?: string): EventRecorder
  /** Told of reconcile failures, for the cluster's error log. */
  onError: ControllerErrorHandler
}
