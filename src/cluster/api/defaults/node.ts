/**
 * Defaults of a v1 Node: allocatable copies capacity when only capacity is given. Nodes have
 * no spec defaults and status.phase is not defaulted (it is deprecated and unset upstream).
 * Mirrors pkg/apis/core/v1/defaults.go SetDefaults_NodeStatus
 */
import type { KubeObject } from '../types'
import { child, isNil } from './walk'

/** Default a Node in place. */
export function defaultNode(obj: KubeObject): void {
  const status = child(obj, 'status')
  if (!status) return
  const capacity = child(status, 'capacity')
  if (isNil(status.allocatable) && capacity) status.allocatable = { ...capacity }
}
