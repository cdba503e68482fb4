/**
 * Defaults of a PodSpec, for Pods and for the pod templates of workloads.
 * Mirrors pkg/apis/core/v1/defaults.go SetDefaults_PodSpec and SetDefaults_Pod, in the order
 * zz_generated.defaults.go SetObjectDefaults_Pod / SetObjectDefaults_PodTemplate call them.
 */
import { isObject } from '../../util/json'
import { defaultContainer } from './container'
import { defaultVolume } from './volume'
import {
  child,
  defaultPointer,
  defaultString,
  ensureChild,
  isEmptyString,
  isNil,
  items,
  type Obj,
} from './walk'

const containerLists = ['initContainers', 'containers', 'ephemeralContainers']

// Mirrors SetDefaults_Pod: requests default to limits, per resource, for regular and init containers.
function defaultRequestsFromLimits(c: Obj): void {
  const resources = child(c, 'resources')
  const limits = resources && child(resources, 'limits')
  if (!resources || !limits) return
  const requests = ensureChild(resources, 'requests')
  if (!requests) return
  for (const [name, quantity] of Object.entries(limits)) {
    if (!(name in requests)) requests[name] = quantity
  }
}

// Mirrors SetDefaults_Pod defaultHostNetworkPorts: with host networking, hostPort = containerPort.
function defaultHostNetworkPorts(spec: Obj): void {
  for (const list of ['containers', 'initContainers']) {
    for (const c of items(spec, list)) {
      for (const port of items(c, 'ports')) {
        if (
          (isNil(port.hostPort) || port.hostPort === 0) &&
          typeof port.containerPort === 'number'
        ) {
          port.hostPort = port.containerPort
        }
      }
    }
  }
}

// Mirrors pkg/apis/core/v1/conversion.go (Convert_v1_PodSpec_To_core_PodSpec and back): the
// deprecated serviceAccount field is read when serviceAccountName is empty, and is always written
// back equal to serviceAccountName.
function syncDeprecatedServiceAccount(spec: Obj): void {
  if (
    isEmptyString(spec.serviceAccountName) &&
    typeof spec.serviceAccount === 'string' &&
    spec.serviceAccount !== ''
  ) {
    spec.serviceAccountName = spec.serviceAccount
  }
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '') {
    spec.serviceAccount = spec.serviceAccountName
  } else if (spec.serviceAccount === '') {
    delete spec.serviceAccount
  }
}

/** Default a PodSpec in place; forPod adds the Pod-only defaults (never applied to templates). */
export function defaultPodSpec(spec: Obj, forPod: boolean): void {
  if (forPod) {
    for (const list of ['containers', 'initContainers'])
      for (const c of items(spec, list)) defaultRequestsFromLimits(c)
    defaultPointer(spec, 'enableServiceLinks', true)
    if (spec.hostNetwork === true) defaultHostNetworkPorts(spec)
  }
  // Mirrors SetDefaults_PodSpec
  defaultString(spec, 'dnsPolicy', 'ClusterFirst')
  defaultString(spec, 'restartPolicy', 'Always')
  defaultPointer(spec, 'securityContext', {})
  defaultPointer(spec, 'terminationGracePeriodSeconds', 30)
  defaultString(spec, 'schedulerName', 'default-scheduler')
  for (const v of items(spec, 'volumes')) defaultVolume(v)
  for (const list of containerLists) for (const c of items(spec, list)) defaultContainer(c)
  syncDeprecatedServiceAccount(spec)
}

/**
 * Default a PodTemplateSpec in place. Its metadata is a Go struct whose creationTimestamp is a
 * non-pointer time, so a real 1.32 API server writes `creationTimestamp: null` into it.
 */
export function defaultPodTemplateSpec(template: unknown): void {
  if (!isObject(template)) return
  const metadata = ensureChild(template, 'metadata')
  if (metadata && !('creationTimestamp' in metadata)) metadata.creationTimestamp = null
  const spec = ensureChild(template, 'spec')
  if (spec) defaultPodSpec(spec, false)
}
