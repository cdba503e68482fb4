/**
 * The shared informer factory: one informer per resource for all the cluster's components,
 * as kube-controller-manager shares them.
 * Mirrors staging/src/k8s.io/client-go/informers/factory.go
 */
import type { StoredObject } from '../../api/types'
import type { ApiServer } from '../../apiserver/apiserver'
import { createInformer, type Informer } from './informer'
import { pathFor } from './apiClient'

/** The factory: informer(kind) returns the one shared informer of a kind (all namespaces). */
export interface InformerFactory {
  informer<T extends StoredObject = StoredObject>(kind: string): Informer<T>
  stop(): void
}

/** Create a factory over an API server. */
export function createInformerFactory(api: ApiServer): InformerFactory {
  const informers = new Map<string, Informer>()
  return {
    informer<T extends StoredObject = StoredObject>(kind: string): Informer<T> {
      let inf = informers.get(kind)
      if (!inf) {
        inf = createInformer(api, pathFor(kind, undefined))
        informers.set(kind, inf)
      }
      return inf as unknown as Informer<T>
    },
    stop() {
      for (const inf of informers.values()) inf.stop()
      informers.clear()
    },
  }
}
