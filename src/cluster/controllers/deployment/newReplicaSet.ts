/**
 * The new ReplicaSet of a Deployment: found (an existing ReplicaSet with the Deployment's
 * template, whose revision is raised to the next number — how a rollback reuses an old
 * ReplicaSet) or created, named <deployment>-<pod-template-hash>.
 * Mirrors pkg/controller/deployment/sync.go (getAllReplicaSetsAndSyncRevision,
 * getNewReplicaSet)
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1'
import { deepCopy } from '../../util/json'
import { getControllerOf, newControllerRef } from '../replicaset/ownerRefs'
import {
  hasStatusCause,
  isAlreadyExists,
  namespaceTerminatingCause,
  statusText,
} from '../replicaset/errors'
import { appsV1, type Deployment, type ReplicaSet } from '../replicaset/types'
import { replaceInList, updateDeploymentStatus, type DeploymentContext } from './context'
import {
  maxRevHistoryLengthInChars,
  maxRevision,
  podTemplateHashLabel,
  revisionAnnotation,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
} from './util/annotations'
import { getCondition, newCondition, reasons, setCondition } from './util/conditions'
import { computeHash } from './util/hash'
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets } from './util/replicaSets'
import { hasProgressDeadline, newRSNewReplicas } from './util/rollout'

/** The new ReplicaSet (undefined if none and none was to be created) and all the old ones. */
export type AllReplicaSets =
  { ok: true; newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } | { ok: false; error: string }

/**
 * getAllReplicaSetsAndSyncRevision: the old ReplicaSets, and the new one with its revision
 * brought to max(old revisions) + 1 (created first when createIfNotExisted).
 */
export function getAllReplicaSetsAndSyncRevision(
  dc: DeploymentContext,
  d: Deployment,
  rsList: ReplicaSet[],
  createIfNotExisted: boolean,
): AllReplicaSets {
  const { all } = findOldReplicaSets(d, rsList)
  const r = getNewReplicaSet(dc, d, rsList, all, createIfNotExisted)
  if (!r.ok) return r
  return { ok: true, newRS: r.rs, oldRSs: all }
}

/** CloneSelectorAndAddLabel: the selector with pod-template-hash added to matchLabels. */
function selectorWithHash(sel: LabelSelector | undefined, hash: string): LabelSelector {
  const out: LabelSelector = deepCopy(sel ?? {})
  return { ...out, matchLabels: { ...(out.matchLabels ?? {}), [podTemplateHashLabel]: hash } }
}

function getNewReplicaSet(
  dc: DeploymentContext,
  d: Deployment,
  rsList: ReplicaSet[],
  oldRSs: ReplicaSet[],
  createIfNotExisted: boolean,
): { ok: true; rs: ReplicaSet | undefined } | { ok: false; error: string } {
  const now = dc.now()
  const existing = findNewReplicaSet(d, rsList)
  const newRevision = String(maxRevision(oldRSs) + 1)

  if (existing) {
    const rsCopy = deepCopy(existing)
    const annotationsUpdated = setNewReplicaSetAnnotations(
      d,
      rsCopy,
      newRevision,
      true,
      maxRevHistoryLengthInChars,
    )
    const minReady = d.spec?.minReadySeconds ?? 0
    if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReady) {
      const spec = { ...rsCopy.spec } as NonNullable<ReplicaSet['spec']>
      if (minReady) spec.minReadySeconds = minReady
      else delete spec.minReadySeconds
      const res = dc.client.update<ReplicaSet>('ReplicaSet', { ...rsCopy, spec } as ReplicaSet)
      if (!res.ok) return { ok: false, error: statusText(res.status) }
      replaceInList(rsList, res.object)
      return { ok: true, rs: res.object }
    }
    // The Deployment's revision is the one its new ReplicaSet carries.
    let needsUpdate = setDeploymentRevision(
      d,
      rsCopy.metadata.annotations?.[revisionAnnotation] ?? '',
    )
    // No Progressing condition yet: start counting progress from noticing this ReplicaSet.
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      d.status ??= {}
      setCondition(
        d.status,
        newCondition(
          'Progressing',
          'True',
          reasons.foundNewRS,
          `Found new replica set "${rsCopy.metadata.name}"`,
          now,
        ),
      )
      needsUpdate = true
    }
    if (needsUpdate) {
      const err = updateDeploymentStatus(dc, d)
      if (err !== undefined) return { ok: false, error: err }
    }
    return { ok: true, rs: rsCopy }
  }

  if (!createIfNotExisted) return { ok: true, rs: undefined }

  const template = deepCopy(d.spec?.template ?? {})
  const hash = computeHash(template, d.status?.collisionCount)
  const labels = { ...(d.spec?.template?.metadata?.labels ?? {}), [podTemplateHashLabel]: hash }
  template.metadata = { ...template.metadata, labels }
  const spec: NonNullable<ReplicaSet['spec']> = {
    replicas: 0,
    selector: selectorWithHash(d.spec?.selector, hash),
    template,
  }
  if (d.spec?.minReadySeconds) spec.minReadySeconds = d.spec.minReadySeconds
  const newRS = {
    apiVersion: appsV1,
    kind: 'ReplicaSet',
    metadata: {
      // A name from the hash makes the create idempotent.
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels,
      ownerReferences: [newControllerRef(d, appsV1, 'Deployment')],
    },
    spec,
  } as unknown as ReplicaSet
  const count = newRSNewReplicas(d, [...oldRSs, newRS], newRS)
  if (!count.ok) return { ok: false, error: count.error }
  spec.replicas = count.value
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, maxRevHistoryLengthInChars)
  // The server fills in uid, resourceVersion and the rest.
  const body = { ...newRS, metadata: { ...newRS.metadata } } as Record<string, unknown>
  const res = dc.client.create<ReplicaSet>('ReplicaSet', d.metadata.namespace, body)
  let created: ReplicaSet
  let alreadyExists = false
  if (res.ok) created = res.object
  else if (isAlreadyExists(res.status)) {
    // Likely a stale cache: if the ReplicaSet is ours with our template, it is the new one;
    // otherwise the hash collided, so count the collision and try another name next sync.
    alreadyExists = true
    const rs = dc.rsInformer.get(`${d.metadata.namespace ?? ''}/${newRS.metadata.name}`)
    if (!rs) return { ok: false, error: `replicaset.apps "${newRS.metadata.name}" not found` }
    const ref = getControllerOf(rs)
    if (ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
      created = rs
    } else {
      d.status ??= {}
      d.status.collisionCount = (d.status.collisionCount ?? 0) + 1
      updateDeploymentStatus(dc, d)
      return { ok: false, error: statusText(res.status) }
    }
  } else if (hasStatusCause(res.status, namespaceTerminatingCause)) {
    return { ok: false, error: statusText(res.status) }
  } else {
    const msg = `Failed to create new replica set "${newRS.metadata.name}": ${statusText(res.status)}`
    if (hasProgressDeadline(d)) {
      d.status ??= {}
      setCondition(d.status, newCondition('Progressing', 'False', reasons.failedRSCreate, msg, now))
      // The bigger problem is already being reported; this write's outcome does not matter.
      updateDeploymentStatus(dc, d)
    }
    dc.recorder.event(d, 'Warning', reasons.failedRSCreate, msg)
    return { ok: false, error: statusText(res.status) }
  }
  if (!alreadyExists && count.value > 0)
    dc.recorder.event(
      d,
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${created.metadata.name} to ${count.value}`,
    )
  let needsUpdate = setDeploymentRevision(d, newRevision)
  if (!alreadyExists && hasProgressDeadline(d)) {
    d.status ??= {}
    setCondition(
      d.status,
      newCondition(
        'Progressing',
        'True',
        reasons.newReplicaSet,
        `Created new replica set "${created.metadata.name}"`,
        now,
      ),
    )
    needsUpdate = true
  }
  if (needsUpdate) {
    const err = updateDeploymentStatus(dc, d)
    if (err !== undefined) return { ok: false, error: err }
  }
  return { ok: true, rs: created }
}
