// bin/jit-budget.mjs: the `briefing` command lets functions run longer before V8 optimises them,
// unless the user chose a budget on node's command line (Node refuses one in NODE_OPTIONS).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const modulePath: string = path.join(root, 'bin/jit-budget.mjs');
const { jitBudgetFlag, INTERRUPT_BUDGET } = (await import(modulePath)) as {
  jitBudgetFlag: (execArgv?: string[]) => string | null;
  INTERRUPT_BUDGET: number;
};

describe('jitBudgetFlag', () => {
  it('raises the budget eightfold when nobody chose one', () => {
    expect(INTERRUPT_BUDGET).toBe(8 * 67584);
    expect(jitBudgetFlag([])).toBe(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    expect(jitBudgetFlag(['--max-old-space-size=4096', '--enable-source-maps'])).toBe(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  });

  it("leaves the user's budget alone, given on node's command line, in either spelling", () => {
    expect(jitBudgetFlag(['--interrupt-budget=1000'])).toBeNull();
    expect(jitBudgetFlag(['--enable-source-maps', '--interrupt_budget=1000'])).toBeNull();
    // Another flag that merely starts the same way is not a budget.
    expect(jitBudgetFlag(['--interrupt-budget-for-maglev=10'])).toBe(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  });

  it('is a flag V8 accepts at run time', () => {
    const script = `import v8 from 'node:v8'; import { jitBudgetFlag } from ${JSON.stringify(modulePath)}; v8.setFlagsFromString(jitBudgetFlag([])); console.log('ok');`;
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.stdout.trim()).toBe('ok');
  });
});
