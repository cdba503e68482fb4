/**
 * Defaults of an autoscaling/v2 HorizontalPodAutoscaler, the only HPA version served (the body
 * decoder rejects any other apiVersion before defaulting runs).
 * Mirrors pkg/apis/autoscaling/v2/defaults.go (as of 1.32: no selectionStrategy or tolerance yet).
 */
import type { KubeObject } from '../types'
import { child, defaultPointer, ensureChild, isNil, type Obj } from './walk'

/** autoscaling.DefaultCPUUtilization: the target when an HPA names no metric. */
export const defaultCPUUtilization = 80

// The rules that repeat the HPA's behaviour before behavior existed. Scale-down has no
// stabilizationWindowSeconds: the controller's --horizontal-pod-autoscaler-downscale-stabilization
// (300s) applies, so the stored object leaves it unset.
function defaultScaleUpRules(): Obj {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  }
}

function defaultScaleDownRules(): Obj {
  return { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] }
}

// Mirrors copyHPAScalingRules: every non-nil field the user gave wins over the default.
function copyScalingRules(from: Obj | undefined, to: Obj): Obj {
  if (!from) return to
  for (const key of ['selectPolicy', 'stabilizationWindowSeconds', 'policies']) {
    if (!isNil(from[key])) to[key] = from[key]
  }
  return to
}

/** Default an autoscaling/v2 HorizontalPodAutoscaler in place. */
export function defaultHorizontalPodAutoscaler(obj: KubeObject): void {
  const spec = ensureChild(obj, 'spec')
  if (!spec) return
  defaultPointer(spec, 'minReplicas', 1)
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: defaultCPUUtilization },
        },
      },
    ]
  }
  // Mirrors SetDefaults_HorizontalPodAutoscalerBehavior: only a given behavior is filled in.
  const behavior = child(spec, 'behavior')
  if (behavior) {
    behavior.scaleUp = copyScalingRules(child(behavior, 'scaleUp'), defaultScaleUpRules())
    behavior.scaleDown = copyScalingRules(child(behavior, 'scaleDown'), defaultScaleDownRules())
  }
}
