/** attest.yaml (SPEC §5): the configuration model, and one reader per setting. */
export { CONFIG_FILE, defaultConfig, type AttestConfig, type ConfigDefaults, type Exception, type FrameworkException } from './types';
export { KNOWN_SETTINGS, parseConfig, type ParsedConfig } from './parse';
export { DEFAULT_FOLDERS } from '../types';
