/**
 * What `--list-rules` and the generated docs say about a rule's fix must be what the fix is: a
 * rule listed as `safe` produces a safe fix on its documented example, one listed as `suggestion`
 * never does (unless the fix default that makes it safe is configured), and an unlisted one has none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Settings } from '../../server/src/core/config';
import { fixColumn, ruleListing } from '../../server/src/cli/list-rules';
import { RULES } from '../../server/src/rules/index';
import type { Rule } from '../../server/src/rules/types';
import { ruleMarkdown } from '../../scripts/lib/render-docs';
import { lintWithRule } from '../support/rule-tester';

function fixKinds(rule: Rule, settings: Settings = {}): Set<string> {
  return new Set(lintWithRule(rule, rule.meta.examples.invalid, settings).flatMap((finding) => finding.fixes.map((fix) => fix.kind)));
}

describe('fix kinds: --list-rules and the docs say what the fix really is', () => {
  for (const rule of RULES) {
    it(rule.meta.id, () => {
      const listed = ruleListing([rule])[0]!;
      const kinds = fixKinds(rule);
      const docsLine = ruleMarkdown(rule).split('\n').find((line) => line.startsWith('- **Quick fix:**'))!;
      if (listed.fixable === 'safe') {
        assert.ok(kinds.has('safe'), `listed as safe, but its example gets no safe fix (${[...kinds].join() || 'none'})`);
        assert.match(docsLine, /a safe fix \(applied by "Fix all" and `--fix`\)\.$/);
      } else if (listed.fixable === 'suggestion') {
        assert.ok(!kinds.has('safe'), 'listed as a suggestion, but fix-all and --fix would apply its fix');
        assert.ok(kinds.has('suggestion'), 'listed as a suggestion, but its example gets none');
        assert.match(docsLine, /a suggested quick fix \(applied only when you pick it\)/);
        if (rule.meta.safeWhenDefaultSet) {
          const configured = fixKinds(rule, { defaults: { [rule.meta.safeWhenDefaultSet]: '2' } });
          assert.ok(configured.has('safe'), `safe once ${listed.safeWhenSet} is set, but it is not`);
          assert.match(fixColumn(listed), new RegExp(`safe with ${listed.safeWhenSet}`));
          assert.ok(docsLine.includes(`once \`${listed.safeWhenSet}\` is set`), docsLine);
        } else assert.equal(fixColumn(listed), 'suggestion');
      } else {
        assert.equal(kinds.size, 0, 'fixes are produced but meta.fixable is not declared');
        assert.match(docsLine, /No\.$/);
      }
    });
  }
});
