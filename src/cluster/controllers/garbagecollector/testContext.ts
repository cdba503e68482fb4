/**
 * A ComponentContext over a bare test API server, for controller tests: the server, its clock,
 * a typed client, shared informers, event recorders and a list of the errors reported.
 * Test support only (the cluster builds its own context in cluster.ts).
 */
import { createRandom } from '../../random'
import { testComponentContext, type TestComponents } from '../../testing/testComponentContext'

/** What a controller test drives. */
export type TestContext = TestComponents

/** A context over a fresh test server (namespace `default` with its service account). */
export function testContext(seed = 1): TestContext {
  return testComponentContext(seed, createRandom(seed, 'test-component'))
}
