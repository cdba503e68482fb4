import { describe, expect, test } from 'vitest'
import { deployment } from '../testing/fixtures'
import { messageOf, testClient, type TestClient } from '../testing/testClient'
import type { WatchEvent } from './watch'

const deploys = '/apis/apps/v1/namespaces/default/deployments'
type Deploy = { metadata: { resourceVersion: string; deletionTimestamp?: string }; spec: { replicas: number } }

const verbs: { name: string; run: (c: TestClient, current: Deploy) => ReturnType<TestClient['get']>; check: (body: Deploy) => void }[] = [
  {
    name: 'PUT',
    run: (c, cur) => c.put(`${deploys}/web`, { ...cur, spec: { ...cur.spec, replicas: 7 } }, { dryRun: 'All' }),
    check: (b) => expect(b.spec.replicas).toBe(7),
  },
  { name: 'PATCH', run: (c) => c.patch(`${deploys}/web`, 'merge', { spec: { replicas: 9 } }, { dryRun: 'All' }), check: (b) => expect(b.spec.replicas).toBe(9) },
  { name: 'DELETE', run: (c) => c.del(`${deploys}/web`, { dryRun: 'All' }), check: (b) => expect(b.metadata.resourceVersion).toBeDefined() },
  {
    name: 'DELETE with a finalizer',
    run: (c) => c.del(`${deploys}/web`, { dryRun: 'All', propagationPolicy: 'Foreground' }),
    check: (b) => expect(b.metadata.deletionTimestamp).toBeDefined(),
  },
]

describe('dry run of every write (API-21)', () => {
  test.each(verbs)('$name answers what would happen and changes nothing', ({ run, check }) => {
    const c = testClient()
    const created = c.post(deploys, deployment('web')).body as Deploy
    const events: WatchEvent[] = []
    c.cluster.watch({ method: 'GET', path: deploys, query: { resourceVersion: created.metadata.resourceVersion } }, (e) => events.push(e))
    const res = run(c, created)
    expect(res.status, messageOf(res)).toBe(200)
    check(res.body as Deploy)
    expect(c.get(`${deploys}/web`).body).toEqual(created)
    expect(events).toEqual([])
  })

  test('an unsupported dryRun value is a 400', () => {
    const c = testClient()
    const res = c.post(deploys, deployment('web'), { dryRun: 'Some' })
    expect(res.status).toBe(400)
    expect(c.get(`${deploys}/web`).status).toBe(404)
  })
})
