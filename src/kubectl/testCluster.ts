/** A fixed-seed cluster with a 2-replica `web` Deployment running for 60s, for kubectl tests. */
import { createCluster } from '../cluster/index'
import { deployment } from '../cluster/testing/fixtures'
import type { KubectlContext } from './command'

/** Two nodes, `web` (nginx:1.25, 2 replicas) applied through handle(), 60s of virtual time run. */
export function webCluster(): KubectlContext {
  const c = createCluster({
    seed: 1,
    nodes: ['node-1', 'node-2'].map((name) => ({ name, cpu: '4', memory: '8Gi' })),
  })
  const res = c.handle({
    method: 'POST',
    path: '/apis/apps/v1/namespaces/default/deployments',
    body: deployment('web', 'nginx:1.25', 2),
  })
  if (res.status !== 201) throw new Error(`create deployment: ${res.status}`)
  c.advance(60_000)
  return { handle: (req) => c.handle(req), now: () => c.now(), namespace: 'default' }
}
