/**
 * Defaults of v1 Endpoints: every subset port gets protocol TCP.
 * Mirrors pkg/apis/core/v1/defaults.go SetDefaults_Endpoints
 */
import type { KubeObject } from '../types'
import { defaultString, items } from './walk'

/** Default Endpoints in place. */
export function defaultEndpoints(obj: KubeObject): void {
  for (const subset of items(obj, 'subsets')) {
    for (const port of items(subset, 'ports')) defaultString(port, 'protocol', 'TCP')
  }
}
