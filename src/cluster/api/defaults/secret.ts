/**
 * Defaults of a v1 Secret: type Opaque.
 * Mirrors pkg/apis/core/v1/defaults.go SetDefaults_Secret
 */
import type { KubeObject } from '../types'
import { defaultString } from './walk'

/** Default a Secret in place. */
export function defaultSecret(obj: KubeObject): void {
  defaultString(obj, 'type', 'Opaque')
}
