/**
 * Defaults of a networking.k8s.io/v1 IngressClass: parameters.scope Cluster. (Ingress itself
 * has no defaults in networking/v1.)
 * Mirrors pkg/apis/networking/v1/defaults.go SetDefaults_IngressClass
 */
import type { KubeObject } from '../types'
import { child, defaultPointer } from './walk'

/** Default an IngressClass in place. */
export function defaultIngressClass(obj: KubeObject): void {
  const spec = child(obj, 'spec')
  const parameters = spec && child(spec, 'parameters')
  if (parameters) defaultPointer(parameters, 'scope', 'Cluster')
}
