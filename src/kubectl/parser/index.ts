// The command-line parser shared by every kubectl command: shell words, pflag flags, resource arguments.
export { tokenize, type TokenizeResult } from './tokenize'
export { flagDefault, type FlagSpec, type FlagType, type FlagValue } from './flagSpec'
export { globalFlags, allNamespacesFlag, outputFlag, helpFlag } from './globalFlags'
export {
  parseArgs,
  flagErrorOutput,
  boolFlag,
  stringFlag,
  numberFlag,
  arrayFlag,
  type ParseArgsResult,
} from './parseArgs'
export { parseGoBool, parseGoInt, parseGoDuration, type GoParse } from './goStrconv'
export {
  parseResourceArgs,
  splitResourceArgument,
  type ResourceArgs,
  type ResourceTuple,
  type CategoryExpander,
} from './resourceArgs'
export {
  discoveryResources,
  resolveResourceType,
  resolveResourceArgs,
  categoryExpander,
  groupResourceString,
  type ApiResource,
  type ResourceSelection,
  type ResolveResult,
} from './discovery'
