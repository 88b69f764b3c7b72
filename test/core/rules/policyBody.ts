/** A policy body with every default section except `section`, each holding a line of text. */
export function POLICY_WITHOUT(section: string): string {
  return ['Purpose', 'Scope', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review']
    .filter((h) => h !== section)
    .map((h) => `## ${h}\n\nText.\n`)
    .join('\n');
}
