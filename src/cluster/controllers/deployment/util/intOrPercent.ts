/**
 * IntOrString values that are a number or a percentage of a total, and the Deployment
 * fenceposts built on them.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go
 * (GetScaledValueFromIntOrPercent) and pkg/controller/deployment/util/deployment_util.go
 * (ResolveFenceposts, MaxSurge, MaxUnavailable, MinAvailable)
 */
import type { Deployment } from '../../replicaset/types'

/** An IntOrString as JSON holds it. */
export type IntOrString = number | string

/** strconv.Atoi: an optionally signed decimal integer, or Go's error text. */
export function atoi(s: string): { ok: true; value: number } | { ok: false; error: string } {
  if (!/^[+-]?[0-9]+$/.test(s))
    return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` }
  return { ok: true, value: Number(s) }
}

/** GetScaledValueFromIntOrPercent: a number as is, "N%" of total rounded up or down. */
export function scaledValue(
  v: IntOrString | undefined,
  total: number,
  roundUp: boolean,
): { ok: true; value: number } | { ok: false; error: string } {
  if (v === undefined) return { ok: false, error: 'nil value for IntOrString' }
  if (typeof v === 'number') return { ok: true, value: v }
  if (!v.endsWith('%'))
    return {
      ok: false,
      error: 'invalid value for IntOrString: invalid type: string is not a percentage',
    }
  const n = atoi(v.slice(0, -1))
  if (!n.ok)
    return {
      ok: false,
      error: `invalid value for IntOrString: invalid value ${JSON.stringify(v)}: ${n.error}`,
    }
  const scaled = (n.value * total) / 100
  return { ok: true, value: roundUp ? Math.ceil(scaled) : Math.floor(scaled) }
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down (a missing value is 0); when
 * both come to 0, maxUnavailable is 1, on the theory that surge might not work due to quota.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): { ok: true; surge: number; unavailable: number } | { ok: false; error: string } {
  const surge = scaledValue(maxSurge ?? 0, desired, true)
  if (!surge.ok) return surge
  const unavailable = scaledValue(maxUnavailable ?? 0, desired, false)
  if (!unavailable.ok) return unavailable
  if (surge.value === 0 && unavailable.value === 0) return { ok: true, surge: 0, unavailable: 1 }
  return { ok: true, surge: surge.value, unavailable: unavailable.value }
}

/** spec.replicas (defaulted to 1 by the API server). */
export function desiredReplicas(d: Deployment): number {
  return d.spec?.replicas ?? 1
}

/** IsRollingUpdate. */
export function isRollingUpdate(d: Deployment): boolean {
  return d.spec?.strategy?.type === 'RollingUpdate'
}

function fenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate
  const r = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, desiredReplicas(d))
  // Validation rejects what cannot resolve; Go ignores the error and reads zeros.
  return r.ok ? r : { surge: 0, unavailable: 0 }
}

/** MaxSurge: the most pods above spec.replicas a rolling update may run (0 for Recreate). */
export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0
}

/** MaxUnavailable: the most pods a rolling update may take away, at most spec.replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = desiredReplicas(d)
  if (!isRollingUpdate(d) || replicas === 0) return 0
  return Math.min(fenceposts(d).unavailable, replicas)
}

/** MinAvailable: spec.replicas - MaxUnavailable for rolling updates, else 0. */
export function minAvailable(d: Deployment): number {
  return isRollingUpdate(d) ? desiredReplicas(d) - maxUnavailable(d) : 0
}
