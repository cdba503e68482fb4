/**
 * Defaults of a Pod.
 * Mirrors pkg/apis/core/v1/zz_generated.defaults.go SetObjectDefaults_Pod (SetDefaults_Pod,
 * SetDefaults_PodSpec and everything nested).
 */
import type { KubeObject } from '../types'
import { defaultPodSpec } from './podSpec'
import { ensureChild } from './walk'

/** Default a Pod in place. */
export function defaultPod(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (spec) defaultPodSpec(spec, true)
}
