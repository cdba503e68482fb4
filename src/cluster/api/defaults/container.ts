/**
 * Defaults of a container and what it holds: pull policy, termination message, ports, env,
 * probes and lifecycle handlers.
 * Mirrors pkg/apis/core/v1/defaults.go (SetDefaults_Container, SetDefaults_Probe,
 * SetDefaults_HTTPGetAction, SetDefaults_ObjectFieldSelector) as zz_generated.defaults.go calls them.
 */
import { defaultImagePullPolicy } from './imageReference'
import {
  child,
  defaultNumber,
  defaultPointer,
  defaultString,
  ensureChild,
  items,
  type Obj,
} from './walk'

/** SetDefaults_HTTPGetAction: path "/" and scheme HTTP. */
export function defaultHTTPGetAction(action: Obj): void {
  defaultString(action, 'path', '/')
  defaultString(action, 'scheme', 'HTTP')
}

/** SetDefaults_ObjectFieldSelector: apiVersion v1. */
export function defaultObjectFieldSelector(selector: Obj): void {
  defaultString(selector, 'apiVersion', 'v1')
}

// SetDefaults_Probe plus the handlers' own defaults.
function defaultProbe(probe: Obj): void {
  defaultNumber(probe, 'timeoutSeconds', 1)
  defaultNumber(probe, 'periodSeconds', 10)
  defaultNumber(probe, 'successThreshold', 1)
  defaultNumber(probe, 'failureThreshold', 3)
  const httpGet = child(probe, 'httpGet')
  if (httpGet) defaultHTTPGetAction(httpGet)
  // GRPCAction.Service carries +default="" upstream.
  const grpc = child(probe, 'grpc')
  if (grpc) defaultPointer(grpc, 'service', '')
}

/** Every default of one container (regular, init or ephemeral). */
export function defaultContainer(c: Obj): void {
  // Mirrors SetDefaults_Container
  defaultString(c, 'imagePullPolicy', defaultImagePullPolicy(c.image))
  defaultString(c, 'terminationMessagePath', '/dev/termination-log')
  defaultString(c, 'terminationMessagePolicy', 'File')
  for (const port of items(c, 'ports')) defaultString(port, 'protocol', 'TCP')
  for (const env of items(c, 'env')) {
    const valueFrom = child(env, 'valueFrom')
    const fieldRef = valueFrom && child(valueFrom, 'fieldRef')
    if (fieldRef) defaultObjectFieldSelector(fieldRef)
  }
  // resources is a struct, not a pointer: Go always serializes it, as {} when empty.
  ensureChild(c, 'resources')
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = child(c, key)
    if (probe) defaultProbe(probe)
  }
  const lifecycle = child(c, 'lifecycle')
  if (lifecycle) {
    for (const key of ['postStart', 'preStop']) {
      const handler = child(lifecycle, key)
      const httpGet = handler && child(handler, 'httpGet')
      if (httpGet) defaultHTTPGetAction(httpGet)
    }
  }
}
