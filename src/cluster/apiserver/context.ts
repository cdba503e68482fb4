/** What every verb handler of the API server shares: the store, the clock, randomness and registries. */
import type { Clock } from '../clock'
import type { Random } from '../random'
import type { ObjectStore } from '../store/store'
import type { ResourceInfo } from './resources'
import { storageKey } from './resources'
import type { ServiceAllocators } from './allocators'
import type { WatchHub } from './watchHub'
import type { Aggregator } from './aggregation'

/** The API server's shared state. */
export interface ServerContext {
  store: ObjectStore
  clock: Clock
  /** Names (generateName suffixes) and UIDs. */
  random: Random
  allocators: ServiceAllocators
  /** Every open watch, with the watch cache's spec.nodeName triggers. */
  watchers: WatchHub
  /** Group/versions served by components (e.g. the scheduler's decisions). */
  aggregator: Aggregator
}

/** The store key of one object: "namespace/name" or "name". */
export function objectKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
  return info.namespaced ? `${namespace ?? ''}/${name}` : name
}

/** Read one object of a resource. */
export function getObject(ctx: ServerContext, info: ResourceInfo, namespace: string | undefined, name: string) {
  return ctx.store.get(storageKey(info), objectKey(info, namespace, name))
}
