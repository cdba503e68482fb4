/** The namespace controller (empties and finalizes Terminating namespaces). */
export { startNamespaceController, namespaceDeletionGracePeriodMs, type NamespaceController } from './namespaceController'
