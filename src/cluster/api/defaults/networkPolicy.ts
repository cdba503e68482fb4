/**
 * Defaults of a networking.k8s.io/v1 NetworkPolicy: policyTypes and port protocols.
 * Mirrors pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicy, SetDefaults_NetworkPolicyPort
 */
import type { KubeObject } from '../types'
import { defaultPointer, ensureChild, items } from './walk'

/** Default a NetworkPolicy in place. */
export function defaultNetworkPolicy(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  for (const rule of items(spec, 'ingress'))
    for (const port of items(rule, 'ports')) defaultPointer(port, 'protocol', 'TCP')
  for (const rule of items(spec, 'egress'))
    for (const port of items(rule, 'ports')) defaultPointer(port, 'protocol', 'TCP')
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    // Any policy without policyTypes implies Ingress, plus Egress when it has egress rules.
    spec.policyTypes =
      Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']
  }
}
