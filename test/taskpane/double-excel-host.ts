/**
 * The pane's Excel host on the Excel double, for pane tests: the chosen files are read from
 * their bytes (jsdom's File is only a name here), and the Excel runs still in flight are counted
 * (a test waits for none before looking at the double).
 */
import { runChain, type ChainInput, type ChainOptions, type ChainOutput } from '../../src/domain/chain';
import type { IndicatorResult } from '../../src/domain/model';
import type { SourceFile } from '../../src/taskpane/host';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { readXlsxFiles } from '../../src/taskpane/xlsx-files';
import type { ExcelDouble } from '../doubles/excel-double';

let inflight = 0;

/** Excel runs started by any host of this module and not finished yet. */
export const runsInFlight = (): number => inflight;

export class DoubleExcelHost extends ExcelHost {
  /** The chosen files' contents, by name. */
  bytes: Record<string, Uint8Array> = {};
  constructor(readonly excel: ExcelDouble) {
    const run = async <T,>(batch: (ctx: never) => Promise<T>): Promise<T> => {
      inflight += 1;
      try {
        return await excel.run(batch as never);
      } finally {
        inflight -= 1;
      }
    };
    super(run as unknown as typeof Excel.run);
  }
  override readFiles(files: readonly SourceFile[]) {
    return readXlsxFiles(files.map((f) => ({ name: f.name, data: this.bytes[f.name] })));
  }
}

/** The chain the pane runs, each output kept: `last()` is what the pane shows now. */
export function chainSpy(): {
  readonly spy: (inputs: readonly ChainInput[], options: ChainOptions) => ChainOutput;
  readonly outputs: ChainOutput[];
  readonly last: () => ChainOutput;
} {
  const outputs: ChainOutput[] = [];
  return {
    outputs,
    spy: (inputs, options) => {
      const out = runChain(inputs, options);
      outputs.push(out);
      return out;
    },
    last: () => outputs[outputs.length - 1],
  };
}

/** One indicator of an output (the test fails on an unknown id). */
export function indicatorOf(out: ChainOutput, id: string): IndicatorResult {
  const found = out.result.indicateurs.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}
