/** The `NoRegisterError` a run raises (a test fails when the run finds a register or throws anything else). */
import { NoRegisterError, runChain, type ChainInput } from '../../src/domain/chain';

export function noRegisterError(inputs: readonly ChainInput[], today = '2026-01-15'): NoRegisterError {
  try {
    runChain(inputs, { today });
  } catch (e) {
    if (e instanceof NoRegisterError) return e;
    throw e;
  }
  throw new Error('runChain found a register');
}
