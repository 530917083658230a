// Public surface of the ingest stage: reading sources, the cleaning chain, repair, display text.
export { readSources, MAX_SOURCE_BYTES, type ReadOptions, type ReadResult } from './read.ts';
export { CLEAN_RULES, runCleaning, ruleNamed, type CleanInput, type CleanResult, type CleanRule, type CleanState, type NamedRule, type RuleResult } from './clean/index.ts';
export { repairDegraded } from './repair/index.ts';
export { FORMAT_READERS, type FormatReader, type ParsedSource } from './formats/index.ts';
export { decodeText } from './decode.ts';
export { cleanText } from './clean-text.ts';
