import { finding, type DocumentRule } from './rule';

export const yamlSyntax: DocumentRule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The frontmatter is not valid YAML.',
  check: (doc) => doc.syntaxProblems.map((p) => finding('yaml-syntax', p.range, p.message)),
};
