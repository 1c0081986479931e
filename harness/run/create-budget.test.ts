import { describe, expect, it } from 'vitest';
import { createBudget } from './create-budget.ts';

describe('createBudget', () => {
  it('reserves while spent + reserved fits the cap', async () => {
    const budget = createBudget(1);
    expect(await budget.reserve(0.4)).toBe(true);
    expect(await budget.reserve(0.4)).toBe(true);
    expect(budget.reservedUsd).toBeCloseTo(0.8);
    budget.settle(0.4, 0.1);
    expect(budget.spentUsd).toBeCloseTo(0.1);
    expect(budget.reservedUsd).toBeCloseTo(0.4);
  });

  it('waits for in-flight attempts to settle before refusing, then stops for good', async () => {
    const budget = createBudget(1);
    await budget.reserve(0.6);
    let answer: boolean | undefined;
    const waiting = budget.reserve(0.6).then((ok) => (answer = ok));
    await Promise.resolve();
    expect(answer).toBeUndefined();
    // The first attempt cost less than reserved: the second now fits.
    budget.settle(0.6, 0.3);
    await waiting;
    expect(answer).toBe(true);
    budget.settle(0.6, 0.6);
    // 0.9 spent, nothing in flight: 0.6 can never fit.
    expect(await budget.reserve(0.6)).toBe(false);
    expect(budget.stopped).toBe(true);
    expect(await budget.reserve(0)).toBe(false);
  });

  it('counts what a resumed run already spent, unknown costs at their estimate, and releases abandoned attempts', async () => {
    const budget = createBudget(1, 0.5);
    await budget.reserve(0.2);
    budget.settle(0.2, null);
    expect(budget.spentUsd).toBeCloseTo(0.7);
    await budget.reserve(0.3);
    budget.release(0.3);
    expect(budget.spentUsd).toBeCloseTo(0.7);
    expect(budget.reservedUsd).toBe(0);
    budget.addSpent(0.25);
    expect(await budget.reserve(0.1)).toBe(false);
  });
});
