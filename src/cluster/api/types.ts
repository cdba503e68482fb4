/**
 * Object shapes the simulated cluster serves. Bodies are plain JSON in the real
 * Kubernetes shapes (kubernetes-types); nothing here is a class.
 */
import type { ObjectMeta as ReadonlyObjectMeta, ListMeta, OwnerReference } from 'kubernetes-types/meta/v1'

export type { ListMeta, OwnerReference }

/** Drops `readonly`: kubernetes-types marks server-set fields readonly, but the server sets them. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] }

/** metav1.ObjectMeta, writable (the API server is the one writer of its system fields). */
export type ObjectMeta = Writable<ReadonlyObjectMeta>

/** Any JSON value, as it arrives over the wire. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue }

/** Any Kubernetes object: typed metadata, everything else untyped until validated. */
export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata?: ObjectMeta
  [key: string]: unknown
}

/** An object that the store holds: metadata is always set. */
export interface StoredObject extends KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta & { name: string; uid: string; resourceVersion: string }
}

/** metav1.StatusCause */
export interface StatusCause {
  reason?: string
  message?: string
  field?: string
}

/** metav1.StatusDetails */
export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  uid?: string
  causes?: StatusCause[]
  retryAfterSeconds?: number
}

/** metav1.Status: the body of every error response. */
export interface Status {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Success' | 'Failure'
  message?: string
  reason?: string
  details?: StatusDetails
  code: number
}

/** A list response: items plus list metadata. */
export interface KubeList<T extends KubeObject = StoredObject> {
  apiVersion: string
  kind: string
  metadata: ListMeta
  items: T[]
}
