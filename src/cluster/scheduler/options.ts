/**
 * The scheduler's configuration: the few KubeSchedulerConfiguration settings Kubeplay exposes,
 * with upstream's defaults.
 * Mirrors pkg/scheduler/apis/config/v1/defaults.go
 */
import type { ScoringStrategy } from './plugins/NodeResourcesFit/nodeResourcesFit'
import { defaultDecisionHistory } from './decisions/store'

/** Options of startScheduler. */
export interface SchedulerOptions {
  /** NodeResourcesFit's scoring strategy (default LeastAllocated, cpu and memory weight 1). */
  scoringStrategy?: ScoringStrategy
  /** percentageOfNodesToScore; 0 (default) is adaptive. */
  percentageOfNodesToScore?: number
  /** podInitialBackoffSeconds (default 1). */
  podInitialBackoffSeconds?: number
  /** podMaxBackoffSeconds (default 10). */
  podMaxBackoffSeconds?: number
  /** How many recent decisions keep full detail (default 1,000). */
  decisionHistory?: number
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  scoringStrategy: ScoringStrategy
  percentageOfNodesToScore: number
  podInitialBackoffMs: number
  podMaxBackoffMs: number
  podMaxInUnschedulablePodsMs: number
  decisionHistory: number
}

// Mirrors pkg/scheduler/backend/queue/scheduling_queue.go DefaultPodMaxInUnschedulablePodsDuration.
const podMaxInUnschedulablePodsMs = 5 * 60_000

const finite = (v: number | undefined, d: number, min = 0): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min ? v : d
const positive = (v: number | undefined, d: number): number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d

/** SetDefaults_KubeSchedulerConfiguration, for the settings above. */
export function resolveOptions(o: SchedulerOptions = {}): ResolvedOptions {
  // Upstream validation requires both backoffs to be positive; a zero backoff would retry in a loop.
  const initial = positive(o.podInitialBackoffSeconds, 1)
  return {
    scoringStrategy: o.scoringStrategy ?? {
      type: 'LeastAllocated',
      resources: [
        { name: 'cpu', weight: 1 },
        { name: 'memory', weight: 1 },
      ],
    },
    percentageOfNodesToScore: Math.min(100, Math.trunc(finite(o.percentageOfNodesToScore, 0))),
    podInitialBackoffMs: initial * 1000,
    podMaxBackoffMs: Math.max(initial, positive(o.podMaxBackoffSeconds, 10)) * 1000,
    podMaxInUnschedulablePodsMs,
    decisionHistory: Math.trunc(finite(o.decisionHistory, defaultDecisionHistory, 1)),
  }
}
