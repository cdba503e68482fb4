/**
 * Test support for the Deployment controller: a harness running the ReplicaSet and Deployment
 * controllers on a bare API server, and the reads tests make.
 */
import type { DeploymentStrategy } from 'kubernetes-types/apps/v1'
import { startReplicaSetController } from '../replicaset/replicaSetController'
import { testContext, type TestContext } from '../replicaset/testContext'
import type { Deployment, Pod, ReplicaSet } from '../replicaset/types'
import { startDeploymentController } from './deploymentController'
import { revision } from './util/annotations'

/** A harness with both controllers running. */
export function deploymentHarness(seed = 1): TestContext & { start(): void } {
  const t = testContext(seed)
  let started = false
  const start = (): void => {
    if (started) return
    started = true
    startReplicaSetController(t.ctx)
    startDeploymentController(t.ctx)
  }
  start()
  return { ...t, start }
}

/** The same harness with the controllers not yet started (for setting the scene first). */
export function stoppedHarness(seed = 1): TestContext & { start(): void } {
  const t = testContext(seed)
  let started = false
  return {
    ...t,
    start() {
      if (started) return
      started = true
      startReplicaSetController(t.ctx)
      startDeploymentController(t.ctx)
    },
  }
}

/** A Deployment manifest named web with app=web, the image and replicas given. */
export function webDeployment(
  replicas: number,
  image = 'nginx:1.25',
  spec: { strategy?: DeploymentStrategy; [k: string]: unknown } = {},
): Record<string, unknown> {
  const labels = { app: 'web' }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image }] } },
      ...spec,
    },
  }
}

/** The Deployment "web". */
export function getWeb(t: TestContext): Deployment {
  const r = t.client.get<Deployment>('Deployment', 'default', 'web')
  if (!r.ok) throw new Error(r.status.message)
  return r.object
}

/** The ReplicaSets of "default", oldest revision first. */
export function replicaSets(t: TestContext): ReplicaSet[] {
  return t.list<ReplicaSet>('ReplicaSet').sort((a, b) => (revision(a) ?? 0) - (revision(b) ?? 0))
}

/** Pods not being deleted. */
export function activePods(t: TestContext): Pod[] {
  return t.pods().filter((p) => !p.metadata.deletionTimestamp)
}

/** Is the pod's Ready condition True? */
export function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** Make every active pod Ready. */
export function readyAll(t: TestContext): void {
  for (const p of activePods(t)) if (!isReady(p)) t.makeReady(p.metadata.name)
}

/** Change the template's image. */
export function setImage(t: TestContext, image: string): void {
  const r = t.client.patch('Deployment', 'default', 'web', {
    spec: { template: { spec: { containers: [{ name: 'nginx', image }] } } },
  })
  if (!r.ok) throw new Error(r.status.message)
}

/** The image of a pod's first container. */
export const imageOf = (p: Pod): string => p.spec?.containers[0]?.image ?? ''

