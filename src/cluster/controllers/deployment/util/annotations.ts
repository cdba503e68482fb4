/**
 * The annotations a Deployment keeps on its ReplicaSets: revision, revision history, desired
 * and max replicas, and the Deployment's own annotations copied over.
 * Mirrors pkg/controller/deployment/util/deployment_util.go (Revision, MaxRevision,
 * SetNewReplicaSetAnnotations, copyDeploymentAnnotationsToReplicaSet, SetReplicasAnnotations,
 * ReplicasAnnotationsNeedUpdate, SetDeploymentRevision, GetDesiredReplicasAnnotation)
 */
import type { Deployment, ReplicaSet } from '../../replicaset/types'
import { desiredReplicas, maxSurge } from './intOrPercent'

/** RevisionAnnotation: a ReplicaSet's place in its Deployment's rollout sequence. */
export const revisionAnnotation = 'deployment.kubernetes.io/revision'
/** RevisionHistoryAnnotation: the earlier revisions a ReplicaSet served (after rollbacks). */
export const revisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history'
/** DesiredReplicasAnnotation: the Deployment's replicas when the ReplicaSet was last scaled. */
export const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas'
/** MaxReplicasAnnotation: replicas + maxSurge at that time. */
export const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas'
/** The label that tells a Deployment's ReplicaSets apart (DefaultDeploymentUniqueLabelKey). */
export const podTemplateHashLabel = 'pod-template-hash'
/** Revision history is cut to this many characters (maxRevHistoryLengthInChars). */
export const maxRevHistoryLengthInChars = 2000

const annotationsToSkip = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  revisionAnnotation,
  revisionHistoryAnnotation,
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  'deprecated.deployment.rollback.to',
])

/** A mutable annotations map on a copy. */
type Annotated = { metadata: { annotations?: Record<string, string> } }

function ensureAnnotations(obj: Annotated): Record<string, string> {
  obj.metadata.annotations ??= {}
  return obj.metadata.annotations
}

/** strconv.ParseInt(s, 10, 64): a signed decimal integer, or undefined. */
export function parseInt64(s: string): number | undefined {
  return /^[+-]?[0-9]+$/.test(s) ? Number(s) : undefined
}

/** Revision: the revision annotation, 0 when absent, undefined when it does not parse. */
export function revision(obj: {
  metadata?: { annotations?: Record<string, string> }
}): number | undefined {
  const v = obj.metadata?.annotations?.[revisionAnnotation]
  return v === undefined ? 0 : parseInt64(v)
}

/** MaxRevision: the highest revision among the ReplicaSets (unparsable ones skipped). */
export function maxRevision(rss: readonly (ReplicaSet | undefined)[]): number {
  let max = 0
  for (const rs of rss) {
    if (!rs) continue
    const v = revision(rs)
    if (v !== undefined && v > max) max = v
  }
  return max
}

/** copyDeploymentAnnotationsToReplicaSet: all but the skipped keys; true when anything changed. */
function copyDeploymentAnnotations(d: Deployment, rs: Annotated): boolean {
  const rsAnn = ensureAnnotations(rs)
  let changed = false
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (annotationsToSkip.has(k) || (k in rsAnn && rsAnn[k] === v)) continue
    rsAnn[k] = v
    changed = true
  }
  return changed
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the revision to
 * newRevision (keeping the old one in revision-history, which is how a rollback shows), and on a
 * ReplicaSet about to be created set the replicas annotations. True when anything changed.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  rs: Annotated,
  newRevision: string,
  exists: boolean,
  revHistoryLimitInChars: number,
): boolean {
  let changed = copyDeploymentAnnotations(d, rs)
  const ann = ensureAnnotations(rs)
  const hadRevision = revisionAnnotation in ann
  const oldRevision = ann[revisionAnnotation] ?? ''
  let oldInt = parseInt64(oldRevision)
  if (oldInt === undefined) {
    if (oldRevision !== '') return false
    oldInt = 0
  }
  const newInt = parseInt64(newRevision)
  if (newInt === undefined) return false
  if (oldInt < newInt) {
    ann[revisionAnnotation] = newRevision
    changed = true
  }
  if (hadRevision && oldInt < newInt) {
    const history = ann[revisionHistoryAnnotation] ?? ''
    const old = history.split(',')
    if ((old[0] ?? '').length === 0) {
      ann[revisionHistoryAnnotation] = oldRevision
    } else {
      let totalLen = history.length + oldRevision.length + 1
      let start = 0
      while (totalLen > revHistoryLimitInChars && start < old.length) {
        totalLen -= (old[start] ?? '').length + 1
        start++
      }
      if (totalLen <= revHistoryLimitInChars)
        ann[revisionHistoryAnnotation] = [...old.slice(start), oldRevision].join(',')
    }
  }
  if (!exists && setReplicasAnnotations(rs, desiredReplicas(d), desiredReplicas(d) + maxSurge(d)))
    changed = true
  return changed
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true when either changed. */
export function setReplicasAnnotations(rs: Annotated, desired: number, max: number): boolean {
  const ann = ensureAnnotations(rs)
  let updated = false
  if (ann[desiredReplicasAnnotation] !== String(desired)) {
    ann[desiredReplicasAnnotation] = String(desired)
    updated = true
  }
  if (ann[maxReplicasAnnotation] !== String(max)) {
    ann[maxReplicasAnnotation] = String(max)
    updated = true
  }
  return updated
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(
  rs: ReplicaSet,
  desired: number,
  max: number,
): boolean {
  const ann = rs.metadata.annotations
  if (!ann) return true
  return (
    ann[desiredReplicasAnnotation] !== String(desired) || ann[maxReplicasAnnotation] !== String(max)
  )
}

/** getIntFromAnnotation (strconv.Atoi), for desired-replicas and max-replicas. */
export function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key]
  return v === undefined ? undefined : parseInt64(v)
}

/** SetDeploymentRevision: true when the Deployment's revision annotation changed. */
export function setDeploymentRevision(d: Annotated, rev: string): boolean {
  const ann = ensureAnnotations(d)
  if (ann[revisionAnnotation] === rev) return false
  ann[revisionAnnotation] = rev
  return true
}
