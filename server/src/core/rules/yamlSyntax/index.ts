import { finding, type DocumentRule } from '../rule';
import { closeFrontmatter } from './closeFrontmatter';

export const yamlSyntax: DocumentRule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The frontmatter is not valid YAML.',
  fixes: [closeFrontmatter],
  safeFix: closeFrontmatter,
  check: (doc) => doc.syntaxProblems.map((p) => finding('yaml-syntax', p.range, p.message)),
};
