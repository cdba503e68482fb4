/**
 * Test support for the kubelet: a bare API server and clock (testing/testServer.ts), a
 * component context over them, kubelets on a few nodes, and shorthands to create a pod, bind
 * it as the scheduler would (POST …/binding), and read pods, events and logs.
 */
import type { ContainerStatus, PodCondition } from 'kubernetes-types/core/v1'
import type { ComponentContext } from '../controllers/runtime/context'
import type { Client } from '../controllers/runtime/apiClient'
import { createRandom } from '../random'
import { testComponentContext } from '../testing/testComponentContext'
import type { ApiServer } from '../apiserver/apiserver'
import type { Clock } from '../clock'
import { startKubelet } from './kubelet'
import type { PodObject } from './state'
import type { Kubelet, KubeletNode, KubeletOptions } from './types'

/** An event as tests read it. */
export interface SeenEvent {
  type: string
  reason: string
  message: string
  count: number
  firstTimestamp: string
  lastTimestamp: string
  object: string
}

/** A harness: server, clock, kubelets and shorthands. */
export interface KubeletHarness {
  server: ApiServer
  clock: Clock
  client: Client
  ctx: ComponentContext
  kubelets: Kubelet[]
  errors: string[]
  /** Create a pod (default namespace) and bind it to a node; returns its name. */
  run(pod: Record<string, unknown>, node?: string): string
  /** The pod as the API holds it now (undefined once deleted). */
  pod(name: string): PodObject | undefined
  container(name: string, container?: string): ContainerStatus | undefined
  condition(name: string, type: string): PodCondition | undefined
  /**
   * Follow a container's state through a watch: each change as [seconds, label], label being
   * the waiting reason, "Running", or "Terminated:<reason>:<exit code>".
   */
  track(name: string, container?: string): [number, string][]
  /** Events of an object (by name), oldest first. */
  events(name?: string): SeenEvent[]
  advance(ms: number): void
  /** Advance to `seconds` after the harness started (no-op when already past). */
  until(seconds: number): void
  /** Seconds since the harness started. */
  seconds(): number
}

/** A pod manifest with one container. */
export function podManifest(
  name: string,
  container: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { run: name } },
    spec: { containers: [{ name, ...container }], ...spec },
  }
}

/** Nodes node-1 … node-n with 4 CPUs and 8Gi each. */
export function nodes(n: number): KubeletNode[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `node-${i + 1}`,
    cpu: '4',
    memory: '8Gi',
    index: i,
  }))
}

/** Start a harness with kubelets on the given nodes. */
export function kubeletHarness(
  options: { nodes?: KubeletNode[]; seed?: number; kubelet?: KubeletOptions } = {},
): KubeletHarness {
  const seed = options.seed ?? 1
  const { server, clock, client, ctx, errors } = testComponentContext(seed, createRandom(seed).fork('kubelet'))
  // Node leases live in kube-node-lease, as every cluster has it (API-24).
  server.handle({
    method: 'POST',
    path: '/api/v1/namespaces',
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-node-lease' } },
  })
  const start = clock.now()
  const kubelets = (options.nodes ?? nodes(1)).map((n) => startKubelet(ctx, n, options.kubelet))
  const h: KubeletHarness = {
    server,
    clock,
    client,
    ctx,
    kubelets,
    errors,
    run(pod, node = 'node-1') {
      const res = server.handle({
        method: 'POST',
        path: '/api/v1/namespaces/default/pods',
        body: pod,
      })
      if (res.status !== 201) throw new Error(`create pod: ${JSON.stringify(res.body)}`)
      const name = (res.body as PodObject).metadata.name
      const bound = server.handle({
        method: 'POST',
        path: `/api/v1/namespaces/default/pods/${name}/binding`,
        body: {
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: { name },
          target: { apiVersion: 'v1', kind: 'Node', name: node },
        },
      })
      if (bound.status !== 201) throw new Error(`bind pod: ${JSON.stringify(bound.body)}`)
      return name
    },
    pod(name) {
      const res = server.handle({ method: 'GET', path: `/api/v1/namespaces/default/pods/${name}` })
      return res.status === 200 ? (res.body as PodObject) : undefined
    },
    container(name, container) {
      const p = h.pod(name)
      const all = [
        ...(p?.status?.initContainerStatuses ?? []),
        ...(p?.status?.containerStatuses ?? []),
      ]
      return all.find((c) => c.name === (container ?? name))
    },
    track(name, container) {
      const seen: [number, string][] = []
      server.watch(
        {
          method: 'GET',
          path: '/api/v1/namespaces/default/pods',
          query: { fieldSelector: `metadata.name=${name}` },
        },
        (e) => {
          const p = e.object as PodObject
          const all = [
            ...(p.status?.initContainerStatuses ?? []),
            ...(p.status?.containerStatuses ?? []),
          ]
          const st = all.find((c) => c.name === (container ?? name))?.state
          if (!st) return
          const label = st.waiting
            ? (st.waiting.reason ?? '')
            : st.running
              ? 'Running'
              : `Terminated:${st.terminated?.reason ?? ''}:${st.terminated?.exitCode ?? ''}`
          if (seen[seen.length - 1]?.[1] !== label) seen.push([h.seconds(), label])
        },
      )
      return seen
    },
    condition: (name, type) => h.pod(name)?.status?.conditions?.find((c) => c.type === type),
    events(name) {
      const res = server.handle({ method: 'GET', path: '/api/v1/events' })
      const items = (
        res.body as { items: (SeenEvent & { involvedObject: { name: string; kind: string } })[] }
      ).items
      return items
        .filter((e) => name === undefined || e.involvedObject.name === name)
        .map((e) => ({
          type: e.type,
          reason: e.reason,
          message: e.message,
          count: e.count,
          firstTimestamp: e.firstTimestamp,
          lastTimestamp: e.lastTimestamp,
          object: `${e.involvedObject.kind}/${e.involvedObject.name}`,
        }))
        .sort((a, b) =>
          a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0,
        )
    },
    advance: (ms) => clock.advance(ms),
    until: (seconds) =>
      clock.advance(Math.max(0, start + Math.round(seconds * 1000) - clock.now())),
    seconds: () => (clock.now() - start) / 1000,
  }
  return h
}
