import type { AttestServer } from './server';

/** Wires the editor features (hover, completion, code actions, …) to the connection. */
export function registerFeatures(_server: AttestServer): void {
  // Features are registered here as they are added, each from its own module.
}
