import { describe, expect, it } from 'vitest';
import { acknowledgeBreak, BREAK_EVERY, isBreakDue, recordReveal, resetReveals } from './reveals';

describe('the break reminder', () => {
  it('is due every BREAK_EVERY reveals, stays acknowledged across subjects, and starts again after a reset', () => {
    resetReveals();
    for (let i = 0; i < BREAK_EVERY - 1; i++) recordReveal();
    expect(isBreakDue()).toBe(false);
    recordReveal();
    expect(isBreakDue()).toBe(true);
    acknowledgeBreak();
    // The acknowledgement is the session's, not a page's: opening the next subject does not bring it back.
    expect(isBreakDue()).toBe(false);
    for (let i = 0; i < BREAK_EVERY - 1; i++) recordReveal();
    expect(isBreakDue()).toBe(false);
    recordReveal();
    expect(isBreakDue()).toBe(true);
    resetReveals();
    expect(isBreakDue()).toBe(false);
  });
});
