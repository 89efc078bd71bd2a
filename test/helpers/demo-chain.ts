/** The chain on the demo's sample workbooks, as `npm run demo` consolidates them (the plan tests' fixture). */
import { buildSampleWorkbooks } from '../../src/cli/samples';
import { type ChainOutput, runChain } from '../../src/domain/chain';
import { chainInput } from '../acceptance/helpers';

export async function demoChain(today = '2026-01-15'): Promise<ChainOutput> {
  const inputs = await Promise.all(buildSampleWorkbooks().map(async ({ name, wb }) => chainInput(name, new Uint8Array(await wb.xlsx.writeBuffer()))));
  return runChain(inputs, { today });
}
