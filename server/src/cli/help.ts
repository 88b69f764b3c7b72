/** What `attest --help` prints: every command, its options, the formats and the exit codes. */
export const USAGE = `Usage: attest <command> [options]

Commands:
  check [dir]      Check the documents of a folder (default: .)
      --format FORMAT             text (default), json, sarif, github or junit:
                                  github prints workflow commands that annotate a pull request,
                                  junit a test report for GitLab, Jenkins and other CI systems
      --max-warnings N            fail when there are more than N warnings
  -q, --quiet                     report errors only; warnings are then not counted either,
                                  so --max-warnings has nothing to count (as in ESLint)
      --allow-empty               succeed on a folder without Attest documents
      --cache                     keep parses and findings in .attest-cache/ of the folder and
                                  reuse them for files that did not change (as ESLint's --cache)
      --cache-location DIR        keep the cache in DIR instead
  coverage [dir]   Print the coverage of the Trust Services Criteria and ML topics
      --format text|markdown|json|csv|html   (default: text)
      --output FILE               write to FILE instead of standard output
      --allow-empty               succeed on a folder without Attest documents
  evidence [dir]   List the evidence requests of the audit in attest.yaml, by control and window
      --format csv|markdown|json|html   (default: markdown)
      --output FILE               write to FILE instead of standard output
  soa [dir]        Write the Statement of Applicability of an ISO framework
      --framework iso42001|iso27001          (required)
      --format csv|markdown|html  (default: markdown)
      --output FILE               write to FILE instead of standard output
  package [dir]    Write the auditor package: a folder that opens offline, with the coverage
                   report, each ISO statement of applicability, the evidence requests, the
                   exceptions and every document as a page with its last change in git
      --output DIR                the folder to write (required; new, empty, or an earlier package)
      --allow-empty               succeed on a folder without Attest documents
  init [dir]       Create attest.yaml and the starter policy library in a folder
      --only LIST                 only these parts: policies,addenda,controls,procedures
      --organization NAME         the organisation the policies are for (written to attest.yaml)
      --force                     overwrite files that exist
  import [dir]     Convert a comply or other frontmatter repository to Attest's format, in place
      --dry-run                   say what would change, write nothing
  lsp --stdio      Run the language server over standard input and output

Common options:
  --today YYYY-MM-DD   check as of this date (review and evidence ages)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors; 1 errors (or more warnings than allowed); 2 bad usage or
configuration, or no Attest documents in the folder (unless --allow-empty).
`;
