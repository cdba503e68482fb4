/**
 * Defaults of a v1 ReplicationController.
 * Mirrors pkg/apis/core/v1/defaults.go SetDefaults_ReplicationController (replicas 1 as of 1.32).
 */
import { isObject } from '../../util/json'
import type { KubeObject } from '../types'
import { defaultPodTemplateSpec } from './podSpec'
import { child, defaultPointer, ensureChild } from './walk'

function isEmptyMap(v: unknown): boolean {
  return !isObject(v) || Object.keys(v).length === 0
}

/** Default a ReplicationController in place. */
export function defaultReplicationController(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  const template = child(spec, 'template')
  const templateMeta = template && child(template, 'metadata')
  const labels = templateMeta && child(templateMeta, 'labels')
  if (labels) {
    if (isEmptyMap(spec.selector)) spec.selector = { ...labels }
    const meta = obj.metadata ?? {}
    if (isEmptyMap(meta.labels)) {
      meta.labels = { ...(labels as Record<string, string>) }
      obj.metadata = meta
    }
  }
  defaultPointer(spec, 'replicas', 1)
  if (template) defaultPodTemplateSpec(template)
}
