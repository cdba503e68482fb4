/**
 * Defaults of a v1 Namespace, and the finalizer its registry adds on create.
 * Mirrors pkg/apis/core/v1/defaults.go SetDefaults_Namespace, SetDefaults_NamespaceStatus and
 * pkg/registry/core/namespace/strategy.go PrepareForCreate (finalizers).
 */
import { isObject } from '../../util/json'
import type { KubeObject } from '../types'
import { defaultString, ensureChild } from './walk'

/** The label every named namespace carries with its own name. */
export const labelMetadataName = 'kubernetes.io/metadata.name'

/** Default a Namespace in place: the kubernetes.io/metadata.name label and status.phase Active. */
export function defaultNamespace(obj: KubeObject): void {
  const name = obj.metadata?.name
  // A generateName namespace has no name yet; the registry labels it after naming (Canonicalize).
  if (typeof name === 'string' && name.length > 0) {
    const meta = obj.metadata ?? {}
    const labels = isObject(meta.labels) ? meta.labels : {}
    labels[labelMetadataName] = name
    meta.labels = labels
  }
  const status = ensureChild(obj, 'status')
  if (status) defaultString(status, 'phase', 'Active')
}

/**
 * On create only, spec.finalizers gains "kubernetes" (kept by updates, removed by the namespace
 * controller through /finalize); this is registry strategy, not defaulting, so it is separate.
 */
export function addNamespaceFinalizerOnCreate(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers : []
  if (!finalizers.includes('kubernetes')) finalizers.push('kubernetes')
  spec.finalizers = finalizers
}
