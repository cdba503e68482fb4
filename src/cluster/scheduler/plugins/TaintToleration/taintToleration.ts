/**
 * TaintToleration: Filter rejects nodes with a NoSchedule or NoExecute taint the pod does not
 * tolerate; Score counts untolerated PreferNoSchedule taints (normalized reversed: fewer is better).
 * Mirrors pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go
 */
import type { Node, Taint, Toleration } from 'kubernetes-types/core/v1'
import { flagTainted as taintedFlag } from '../../framework/nodeTable'
import { newStatus } from '../../framework/status'
import {
  maxNodeScore,
  type ClusterEventWithHint,
  type EnqueueExtensions,
  type FilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/types'
import { defaultNormalizeScore } from '../helper/normalizeScore'
import {
  doNotScheduleTaints,
  findMatchingUntoleratedTaint,
  tolerationsTolerateTaint,
} from '../helper/taints'

/** The plugin's name. */
export const name = 'TaintToleration'
/** ErrReasonNotMatch (kept for reference; Filter reports the taint itself). */
export const errReasonNotMatch = "node(s) had taints that the pod didn't tolerate"
/** The Filter reason for an untolerated taint: "node(s) had untolerated taint {key: value}". */
export const untoleratedTaintReason = (t: Taint): string =>
  `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`

// A module-local copy: imported bindings can cost a call per read in some module loaders.
const flagTainted = taintedFlag

const preScoreStateKey = `PreScore${name}`

const tolerationsOf = (
  spec: { tolerations?: readonly Toleration[] } | undefined,
): readonly Toleration[] => spec?.tolerations ?? []

/** countIntolerableTaintsPreferNoSchedule */
export function countIntolerableTaintsPreferNoSchedule(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): number {
  let n = 0
  for (const t of taints)
    if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, t)) n++
  return n
}

/** New */
export function factory(): FilterPlugin & PreScorePlugin & ScorePlugin & EnqueueExtensions {
  return {
    name,
    filter(_state, pi, node, t, i) {
      if (((t.flags[i] as number) & flagTainted) === 0) return null
      const taint = findMatchingUntoleratedTaint(
        node.taints,
        tolerationsOf(pi.pod.spec),
        doNotScheduleTaints,
      )
      return taint ? newStatus('UnschedulableAndUnresolvable', untoleratedTaintReason(taint)) : null
    },
    preScore(state, pi) {
      // Tolerations with no effect tolerate PreferNoSchedule taints too.
      state.write(
        preScoreStateKey,
        tolerationsOf(pi.pod.spec).filter((t) => !t.effect || t.effect === 'PreferNoSchedule'),
      )
      return null
    },
    score(state, _pi, node, t, i) {
      if (((t.flags[i] as number) & flagTainted) === 0) return 0
      return countIntolerableTaintsPreferNoSchedule(
        node.taints,
        state.read<Toleration[]>(preScoreStateKey) ?? [],
      )
    },
    normalizeScore(_state, _pi, scores) {
      defaultNormalizeScore(maxNodeScore, true, scores)
    },
    eventsToRegister(): ClusterEventWithHint[] {
      return [
        {
          resource: 'Node',
          actions: ['Add', 'UpdateNodeTaint'],
          hint: (pod, oldObj, newObj) => {
            const untolerated = (n: Node | undefined): boolean =>
              findMatchingUntoleratedTaint(
                (n?.spec?.taints ?? []) as Taint[],
                tolerationsOf(pod.spec),
                doNotScheduleTaints,
              ) !== undefined
            const was = oldObj === undefined ? true : untolerated(oldObj as Node)
            return was && !untolerated(newObj as Node | undefined) ? 'Queue' : 'QueueSkip'
          },
        },
      ]
    },
  }
}
