/**
 * A Deployment's ReplicaSets: ordering, the new one and the old ones, and their counts.
 * Mirrors pkg/controller/controller_utils.go (ReplicaSetsByCreationTimestamp,
 * ReplicaSetsBySizeOlder, ReplicaSetsBySizeNewer, FilterActiveReplicaSets) and
 * pkg/controller/deployment/util/deployment_util.go (EqualIgnoreHash, FindNewReplicaSet,
 * FindOldReplicaSets, FindActiveOrLatest, ReplicaSetsByRevision, Get*ReplicaCountForReplicaSets)
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import { semanticEqual } from '../../../api/validation/semanticEqual'
import { timeMs } from '../../replicaset/podUtil'
import type { Deployment, ReplicaSet } from '../../replicaset/types'
import { podTemplateHashLabel, revision } from './annotations'

/** A ReplicaSet's spec.replicas (defaulted to 1 by the API server). */
export function specReplicas(rs: ReplicaSet): number {
  return rs.spec?.replicas ?? 1
}

/** ReplicaSetsByCreationTimestamp.Less: older first, then by name. */
export function olderFirst(a: ReplicaSet, b: ReplicaSet): number {
  const ta = timeMs(a.metadata.creationTimestamp) ?? 0
  const tb = timeMs(b.metadata.creationTimestamp) ?? 0
  if (ta !== tb) return ta - tb
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
}

/** ReplicaSetsBySizeOlder: larger first, then older first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(a) === specReplicas(b) ? olderFirst(a, b) : specReplicas(b) - specReplicas(a)
}

/** ReplicaSetsBySizeNewer: larger first, then newer first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  return specReplicas(a) === specReplicas(b) ? olderFirst(b, a) : specReplicas(b) - specReplicas(a)
}

/** ReplicaSetsByRevision: lower revision first; unparsable or equal ones by creation time. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revision(a)
  const rb = revision(b)
  if (ra === undefined || rb === undefined || ra === rb) return olderFirst(a, b)
  return ra - rb
}

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function filterActive(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && specReplicas(rs) > 0)
}

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const labels = { ...(t?.metadata?.labels ?? {}) }
  delete labels[podTemplateHashLabel]
  return { ...t, metadata: { ...t?.metadata, labels } }
}

/** EqualIgnoreHash: the templates are semantically equal, pod-template-hash labels aside. */
export function equalIgnoreHash(
  a: PodTemplateSpec | undefined,
  b: PodTemplateSpec | undefined,
): boolean {
  return semanticEqual(withoutHash(a), withoutHash(b))
}

/**
 * FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. Sorts rsList in
 * place by creation time, as upstream does.
 */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  rsList.sort(olderFirst)
  return rsList.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template))
}

/** FindOldReplicaSets: every ReplicaSet but the new one (all of them, and those with replicas). */
export function findOldReplicaSets(
  d: Deployment,
  rsList: ReplicaSet[],
): { required: ReplicaSet[]; all: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList)
  const all = rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid)
  return { required: all.filter((rs) => specReplicas(rs) !== 0), all }
}

/**
 * FindActiveOrLatest: the only active ReplicaSet, the newest when none is active, or undefined
 * when several are (then they scale proportionally).
 */
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldRSs: ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined
  oldRSs.sort((a, b) => olderFirst(b, a))
  const active = filterActive([...oldRSs, newRS])
  if (active.length === 0) return newRS ?? oldRSs[0]
  if (active.length === 1) return active[0]
  return undefined
}

const sum = (rss: readonly (ReplicaSet | undefined)[], f: (rs: ReplicaSet) => number): number =>
  rss.reduce((n, rs) => (rs ? n + f(rs) : n), 0)

/** GetReplicaCountForReplicaSets: the sum of spec.replicas. */
export const replicaCount = (rss: readonly (ReplicaSet | undefined)[]): number =>
  sum(rss, specReplicas)
/** GetActualReplicaCountForReplicaSets: the sum of status.replicas. */
export const actualReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number =>
  sum(rss, (rs) => rs.status?.replicas ?? 0)
/** GetReadyReplicaCountForReplicaSets. */
export const readyReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number =>
  sum(rss, (rs) => rs.status?.readyReplicas ?? 0)
/** GetAvailableReplicaCountForReplicaSets. */
export const availableReplicaCount = (rss: readonly (ReplicaSet | undefined)[]): number =>
  sum(rss, (rs) => rs.status?.availableReplicas ?? 0)
