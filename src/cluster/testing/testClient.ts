/**
 * A thin test client over createCluster's handle(): verbs by name, patch types by name.
 * Test support only: production clients live in src/client/.
 */
import { createCluster, type Cluster, type ClusterOptions } from '../index'
import type { ApiResponse } from '../apiserver/request'

/** The three patch types by short name, as `kubectl patch --type`. */
export const patchContentType = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
} as const

/** A cluster plus shorthand verbs. */
export interface TestClient {
  cluster: Cluster
  get(path: string, query?: Record<string, string | undefined>): ApiResponse
  post(path: string, body: unknown, query?: Record<string, string | undefined>): ApiResponse
  put(path: string, body: unknown, query?: Record<string, string | undefined>): ApiResponse
  patch(path: string, type: keyof typeof patchContentType, body: unknown, query?: Record<string, string | undefined>): ApiResponse
  del(path: string, query?: Record<string, string | undefined>, body?: unknown): ApiResponse
}

/** Three 4-CPU, 8Gi nodes, seed 1, unless options say otherwise. */
export function testClient(options: Partial<ClusterOptions> = {}): TestClient {
  const cluster = createCluster({
    seed: 1,
    nodes: ['node-1', 'node-2', 'node-3'].map((name) => ({ name, cpu: '4', memory: '8Gi' })),
    ...options,
  })
  return {
    cluster,
    get: (path, query = {}) => cluster.handle({ method: 'GET', path, query }),
    post: (path, body, query = {}) => cluster.handle({ method: 'POST', path, query, body }),
    put: (path, body, query = {}) => cluster.handle({ method: 'PUT', path, query, body }),
    patch: (path, type, body, query = {}) =>
      cluster.handle({ method: 'PATCH', path, query, headers: { 'Content-Type': patchContentType[type] }, body }),
    del: (path, query = {}, body) => cluster.handle({ method: 'DELETE', path, query, body }),
  }
}

/** The `message` of a Status body (or '' when the body is not a Status). */
export function messageOf(res: ApiResponse): string {
  const b = res.body as { kind?: string; message?: string }
  return b.kind === 'Status' ? (b.message ?? '') : ''
}
