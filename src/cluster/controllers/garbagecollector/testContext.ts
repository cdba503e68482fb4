/**
 * A ComponentContext over a bare test API server, for controller tests: the server, its clock,
 * a typed client, shared informers, event recorders and a list of the errors reported.
 * Test support only (the cluster builds its own context in cluster.ts).
 */
import type { ApiServer } from '../../apiserver/apiserver'
import type { Clock } from '../../clock'
import { createRandom } from '../../random'
import { testServer } from '../../testing/testServer'
import { createClient, type Client } from '../runtime/apiClient'
import type { ComponentContext } from '../runtime/context'
import { createEventRecorder } from '../runtime/events'
import { createInformerFactory } from '../runtime/informers'

/** What a controller test drives. */
export interface TestContext {
  server: ApiServer
  clock: Clock
  client: Client
  ctx: ComponentContext
  /** "controller key: error" for every failed reconcile. */
  errors: string[]
}

/** A context over a fresh test server (namespace `default` with its service account). */
export function testContext(seed = 1): TestContext {
  const { server, clock } = testServer(seed)
  const client = createClient(server)
  const errors: string[] = []
  const ctx: ComponentContext = {
    api: server,
    client,
    informers: createInformerFactory(server),
    clock,
    random: createRandom(seed, 'test-component'),
    events: (component, host) => createEventRecorder(client, clock, component, host),
    onError: (controller, key, error) => errors.push(`${controller} ${key}: ${error}`),
  }
  return { server, clock, client, ctx, errors }
}
