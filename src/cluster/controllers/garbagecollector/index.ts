/** The garbage collector controller (ownerReferences: background, foreground and orphan deletion). */
export { startGarbageCollector, monitoredKinds, garbageCollectorComponent, type GarbageCollector } from './garbageCollector'
