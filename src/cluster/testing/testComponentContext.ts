/**
 * A ComponentContext over a bare test API server, for component tests: the server, its clock,
 * a typed client, shared informers, event recorders and the errors components report.
 * Test support only (the cluster builds its contexts in controlPlane.ts).
 */
import type { ApiServer } from '../apiserver/apiserver'
import type { Clock } from '../clock'
import type { Random } from '../random'
import { createClient, type Client } from '../controllers/runtime/apiClient'
import type { ComponentContext } from '../controllers/runtime/context'
import { createEventRecorder } from '../controllers/runtime/events'
import { createInformerFactory } from '../controllers/runtime/informers'
import { testServer } from './testServer'

/** What a component test drives. */
export interface TestComponents {
  server: ApiServer
  clock: Clock
  client: Client
  ctx: ComponentContext
  /** "component key: error" for every failed reconcile. */
  errors: string[]
}

/** A context over a fresh test server (namespace `default` with its service account). */
export function testComponentContext(seed: number, random: Random): TestComponents {
  const { server, clock } = testServer(seed)
  const client = createClient(server)
  const errors: string[] = []
  const ctx: ComponentContext = {
    api: server,
    client,
    informers: createInformerFactory(server),
    clock,
    random,
    events: (component, host) => createEventRecorder(client, clock, component, host),
    onError: (c, key, error) => errors.push(`${c} ${key}: ${error}`),
  }
  return { server, clock, client, ctx, errors }
}
