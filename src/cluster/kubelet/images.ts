/**
 * Getting a container's image onto the node, as EnsureImageExists does: the pull policy
 * against the node's image store, one pull at a time (serializeImagePulls), the events
 * (Pulling, Pulled, Failed, BackOff), and the per-pod image back-off with the waiting reasons
 * ErrImagePull, ImagePullBackOff, ErrImageNeverPull and InvalidImageName.
 * Mirrors pkg/kubelet/images/image_manager.go and pkg/kubelet/images/puller.go
 */
import { defaultImagePullPolicy } from '../api/defaults/imageReference'
import { parseReference, pullFailure, pullFailureMs, resolveImage, type AppModel } from '../apps'
import type { KubeletEnv } from './env'
import { message, reason, waitingReason } from './messages'
import { plegRelistMs, startContainer } from './runtime'
import type { ContainerState, PodWorker } from './state'

/** A pull of an image the node already has: the registry is asked for the manifest only. */
export const cachedPullMs = 300
/** How often a pod waiting for an image it may not pull (policy Never) looks again. */
const neverPullRetryMs = 10_000

function fail(
  env: KubeletEnv,
  w: PodWorker,
  st: ContainerState,
  why: string,
  text: string,
  events: () => void,
): 'wait' {
  // Events are posted when the container enters the state, not on every sync.
  if (st.waiting?.reason !== why) events()
  st.waiting = { reason: why, message: text }
  return 'wait'
}

/**
 * Make the container's image available: its model when it is on the node, or 'wait' when a
 * pull has started (the worker waits for it) or the image cannot be had yet.
 */
export function ensureImage(env: KubeletEnv, w: PodWorker, st: ContainerState): AppModel | 'wait' {
  const image = st.spec.image ?? ''
  const now = env.clock.now()
  const parsed = parseReference(image)
  if (!parsed.ok) {
    const text = message.invalidImage(image, parsed.error)
    return fail(env, w, st, waitingReason.invalidImageName, text, () => {
      env.recorder.event(w.pod, 'Warning', reason.inspectFailed, text)
      env.recorder.event(
        w.pod,
        'Warning',
        reason.failed,
        message.error(waitingReason.invalidImageName),
      )
    })
  }
  const ref = parsed.ref.normalized
  const present = env.images.present.has(ref)
  const policy = st.spec.imagePullPolicy ?? defaultImagePullPolicy(image)
  if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
    const model = present ? resolveImage(image) : undefined
    if (model) {
      env.recorder.event(w.pod, 'Normal', reason.pulled, message.alreadyPresent(image))
      return model
    }
    const text = message.neverPull(image)
    env.wakeAt(w, now + neverPullRetryMs)
    return fail(env, w, st, waitingReason.errImageNeverPull, text, () => {
      env.recorder.event(w.pod, 'Warning', reason.errImageNeverPull, text)
      env.recorder.event(
        w.pod,
        'Warning',
        reason.failed,
        message.error(waitingReason.errImageNeverPull),
      )
    })
  }
  const key = `${w.uid}_${image}`
  if (env.pullBackoff.isInBackOffSinceUpdate(key, now)) {
    // The failed pull shows as ErrImagePull until the worker's next sync.
    if (
      st.waiting?.reason === waitingReason.errImagePull &&
      st.pullFailedAt !== undefined &&
      now < st.pullFailedAt + plegRelistMs
    ) {
      env.wakeAt(w, st.pullFailedAt + plegRelistMs)
      return 'wait'
    }
    const last = env.lastPullError.get(key)
    const text = last ? `${message.backOffPull(image)}: ${last}` : message.backOffPull(image)
    const until = env.pullBackoff.expiresAt(key)
    if (until !== undefined) env.wakeAt(w, until)
    return fail(env, w, st, waitingReason.imagePullBackOff, text, () => {
      env.recorder.event(w.pod, 'Normal', reason.backOff, message.backOffPull(image))
      env.recorder.event(
        w.pod,
        'Warning',
        reason.failed,
        message.error(waitingReason.imagePullBackOff),
      )
    })
  }
  env.lastPullError.delete(key)
  env.recorder.event(w.pod, 'Normal', reason.pulling, message.pulling(image))
  const model = resolveImage(image)
  const begin = Math.max(now, env.images.pullerFreeAt)
  // A pull queued behind another pull of the same image finds its layers already there.
  const arriving = env.images.arriving.get(ref)
  const cached = present || (arriving !== undefined && arriving <= begin)
  const duration = model ? (cached ? cachedPullMs : model.pullMs) : pullFailureMs
  const done = begin + duration
  env.images.pullerFreeAt = done
  if (model && !cached) env.images.arriving.set(ref, done)
  const timer = env.timer(w, done, () => {
    w.pulling = undefined
    const at = env.clock.now()
    if (model) {
      env.images.present.add(ref)
      env.images.arriving.delete(ref)
      env.pullBackoff.gc(at)
      env.recorder.event(
        w.pod,
        'Normal',
        reason.pulled,
        message.pulled(image, duration, at - now, model.sizeBytes),
      )
      startContainer(env, w, st, model)
      return
    }
    const err = pullFailure(image)
    env.recorder.event(w.pod, 'Warning', reason.failed, message.failedToPull(image, err))
    env.pullBackoff.next(key, at, at)
    env.lastPullError.set(key, `${waitingReason.errImagePull}: ${err}`)
    env.recorder.event(w.pod, 'Warning', reason.failed, message.error(waitingReason.errImagePull))
    st.waiting = { reason: waitingReason.errImagePull, message: err }
    st.pullFailedAt = at
    env.wakeAt(w, at + plegRelistMs)
    env.enqueue(w.key)
  })
  w.pulling = { container: st.name, timer }
  return 'wait'
}
