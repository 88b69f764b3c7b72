/**
 * The shape of template text (`<COMPANY NAME>`, `<N>`, `<ON-CALL ROLE>`): capitals, digits,
 * spaces and hyphens in angle brackets. Shared so that the client can put the cursor on the
 * first one a new document leaves; the core's placeholders module says which are template text.
 */
export const PLACEHOLDER_PATTERN = /<([A-Z](?:[A-Z0-9 -]*[A-Z0-9])?)>/g;
