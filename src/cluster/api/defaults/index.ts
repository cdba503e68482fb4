/**
 * API defaulting: what the API server fills in on decode, before admission and validation.
 * One file per kind, each mirroring the upstream SetDefaults_* functions as the generated
 * zz_generated.defaults.go calls them (Kubernetes 1.32).
 */
import type { KubeObject } from '../types'
import { defaultCronJob } from './cronJob'
import { defaultDaemonSet } from './daemonSet'
import { defaultDeployment } from './deployment'
import { defaultEndpointSlice } from './endpointSlice'
import { defaultEndpoints } from './endpoints'
import { defaultHorizontalPodAutoscaler } from './horizontalPodAutoscaler'
import { defaultIngressClass } from './ingressClass'
import { defaultJob } from './job'
import { defaultNamespace } from './namespace'
import { defaultNetworkPolicy } from './networkPolicy'
import { defaultNode } from './node'
import { defaultPersistentVolume } from './persistentVolume'
import { defaultPersistentVolumeClaim } from './persistentVolumeClaim'
import { defaultPod } from './pod'
import { defaultPodTemplate } from './podTemplate'
import { defaultReplicaSet } from './replicaSet'
import { defaultReplicationController } from './replicationController'
import { defaultSecret } from './secret'
import { defaultService } from './service'
import { defaultStatefulSet } from './statefulSet'

export { addNamespaceFinalizerOnCreate, labelMetadataName } from './namespace'
export { defaultImagePullPolicy, imageTag, parseImageReference } from './imageReference'
export { defaultPodSpec, defaultPodTemplateSpec } from './podSpec'

/** A defaulting function: mutates the object it is given. */
export type Defaulter = (obj: KubeObject) => void

const none: Defaulter = () => {}

/**
 * The defaulter of each kind. Kinds listed with `none` have no defaults upstream (ConfigMap's
 * SetDefaults_ConfigMap makes an empty data map, which serializes to nothing).
 */
export const defaulters: Readonly<Record<string, Defaulter>> = {
  ConfigMap: none,
  CronJob: defaultCronJob,
  DaemonSet: defaultDaemonSet,
  Deployment: defaultDeployment,
  EndpointSlice: defaultEndpointSlice,
  Endpoints: defaultEndpoints,
  Event: none,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
  Ingress: none,
  IngressClass: defaultIngressClass,
  Job: defaultJob,
  Namespace: defaultNamespace,
  NetworkPolicy: defaultNetworkPolicy,
  Node: defaultNode,
  PersistentVolume: defaultPersistentVolume,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  Pod: defaultPod,
  PodTemplate: defaultPodTemplate,
  ReplicaSet: defaultReplicaSet,
  ReplicationController: defaultReplicationController,
  Secret: defaultSecret,
  Service: defaultService,
  ServiceAccount: none,
  StatefulSet: defaultStatefulSet,
}

/** Apply the API server's defaults for kind to obj, in place (the caller passes its own copy). */
export function applyDefaults(kind: string, obj: KubeObject): void {
  const defaulter = Object.prototype.hasOwnProperty.call(defaulters, kind)
    ? defaulters[kind]
    : undefined
  defaulter?.(obj)
}
