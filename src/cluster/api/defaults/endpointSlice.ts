/**
 * Defaults of a discovery.k8s.io/v1 EndpointSlice: ports get name "" and protocol TCP.
 * Mirrors pkg/apis/discovery/v1/defaults.go SetDefaults_EndpointPort
 */
import type { KubeObject } from '../types'
import { defaultPointer, items } from './walk'

/** Default an EndpointSlice in place. */
export function defaultEndpointSlice(obj: KubeObject): void {
  for (const port of items(obj, 'ports')) {
    defaultPointer(port, 'name', '')
    defaultPointer(port, 'protocol', 'TCP')
  }
}
