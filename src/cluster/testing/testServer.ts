/** A bare API server (no controllers, no nodes) with the default namespace, for component tests. */
import { createApiServer, type ApiServer } from '../apiserver/apiserver'
import { createAggregator } from '../apiserver/aggregation'
import { createServiceAllocators } from '../apiserver/allocators'
import { createWatchHub } from '../apiserver/watchHub'
import { createClock, type Clock } from '../clock'
import { createRandom } from '../random'
import { createStore } from '../store/store'

/** The server and the clock it reads. */
export function testServer(seed = 1): { server: ApiServer; clock: Clock } {
  const store = createStore()
  const clock = createClock(Date.UTC(2026, 0, 1))
  const random = createRandom(seed)
  const server = createApiServer({ store, clock, random, allocators: createServiceAllocators(random.fork('a')), watchers: createWatchHub(store), aggregator: createAggregator() })
  server.handle({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } })
  server.handle({ method: 'POST', path: '/api/v1/namespaces/default/serviceaccounts', body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } } })
  return { server, clock }
}
