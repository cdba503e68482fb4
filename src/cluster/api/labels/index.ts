/** Label selectors: parsing, matching, conversion from metav1.LabelSelector, and printing. */
export { parseSelector, parseToRequirements } from './parser'
export {
  everything,
  nothing,
  matchesNothing,
  selectorFromSet,
  selectorFromRequirements,
  type Selector,
} from './selector'
export {
  newRequirement,
  requirementMatches,
  requirementString,
  hasLabel,
  type Requirement,
  type Operator,
  type Labels,
} from './requirement'
export { selectorFromLabelSelector, formatLabelSelector } from './labelSelector'
export { formatLabels, labelsString } from './labels'
