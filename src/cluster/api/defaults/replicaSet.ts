/**
 * Defaults of an apps/v1 ReplicaSet.
 * Mirrors pkg/apis/apps/v1/defaults.go SetDefaults_ReplicaSet (+ the pod template defaults).
 */
import type { KubeObject } from '../types'
import { defaultPodTemplateSpec } from './podSpec'
import { defaultPointer, ensureChild } from './walk'

/** Default a ReplicaSet in place. */
export function defaultReplicaSet(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  defaultPointer(spec, 'replicas', 1)
  defaultPodTemplateSpec(ensureChild(spec, 'template'))
}
