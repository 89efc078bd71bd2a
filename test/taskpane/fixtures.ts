/** In-memory workbooks and a fake Host for the pane's tests. */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { ChainInput, ChainOutput } from '../../src/domain/chain';
import type { SavedState } from '../../src/domain/state';
import type { ImportSheet } from '../../src/taskpane/consolidation';
import type { FileSheets, Host, HostKind, SourceFile } from '../../src/taskpane/host';
import { grid, d } from '../helpers/grid';

export const TODAY = '2026-03-15';

/**
 * A buyer's sheet: header on row 2 (a title above), 5 contracts of 2025 and
 * 2 of 2024. Row 5 has no objet (error), row 6 an unreadable amount (error),
 * row 7 a SIRET of 13 digits (warning).
 */
/** Four contracts of 2025, two Pôles (A: 2025-001/002, B: 2025-003/004); 2025-003 has no « Clause sociale ». */
export function twoPoleSheet(): SheetGrid {
  return grid('Suivi 2025', [
    ['N° marché', 'Objet', 'Montant HT', 'Date notif', 'Pôle', 'Clause sociale'],
    ['2025-001', 'Nettoyage des écoles', 1000, d('2025-02-03'), 'Pôle A', 'oui'],
    ['2025-002', 'Fournitures de bureau', 2000, d('2025-03-03'), 'Pôle A', 'non'],
    ['2025-003', 'Travaux de peinture', 3000, d('2025-04-03'), 'Pôle B', null],
    ['2025-004', 'Entretien des espaces verts', 4000, d('2025-05-03'), 'Pôle B', 'oui'],
  ]);
}

export function buyerSheet(): SheetGrid {
  const rows: CellValue[][] = [
    ['Suivi des marchés 2025', null, null, null, null, null],
    ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif', 'Clause sociale', 'SIRET'],
    ['2025-001', 'Nettoyage des écoles', 12000, d('2025-02-03'), 'oui', null],
    ['2025-002', 'Fournitures de bureau', 3000, d('2025-03-10'), 'non', null],
    ['2025-003', null, 5000, d('2025-04-01'), 'non', null],
    ['2025-004', 'Entretien des espaces verts', 'douze mille', d('2025-05-01'), 'oui', null],
    ['2025-005', 'Maintenance informatique', 8000, d('2025-06-15'), 'non', '1234567890123'],
    ['2024-001', 'Travaux de voirie', 50000, d('2024-05-01'), 'oui', null],
    ['2024-002', 'Restauration scolaire', 20000, d('2024-09-01'), 'non', null],
  ];
  return grid('Suivi 2025', rows);
}

/** A sheet the chain cannot recognise (two canonical headers only). */
export function unknownSheet(): SheetGrid {
  return grid('Feuil1', [
    ['Réf', 'Quoi', 'Combien', 'Quand'],
    ['A1', 'Papier', 10, d('2025-01-01')],
  ]);
}

export interface FakeHost extends Host {
  readonly writes: ChainOutput[];
  readonly selections: { sheet: string; address: string }[];
  readonly imported: ImportSheet[][];
  readonly opened: string[];
  /** The states written alone (after an import). */
  readonly states: SavedState[];
  inputs: ChainInput[];
}

export function fakeHost(
  sheets: SheetGrid[],
  opts: { kind?: HostKind; writeError?: Error; stateError?: Error; files?: FileSheets[]; name?: string; downloadsFiles?: boolean } = {},
): FakeHost {
  const kind = opts.kind ?? 'excel';
  const host: FakeHost = {
    kind,
    writesCharts: kind === 'excel',
    downloadsFiles: opts.downloadsFiles ?? true,
    writes: [],
    selections: [],
    imported: [],
    opened: [],
    states: [],
    inputs: [{ file: opts.name ?? 'Suivi.xlsx', sheets, state: null }],
    workbookName: () => opts.name ?? 'Suivi.xlsx',
    read: async () => host.inputs,
    write: async (output) => {
      if (opts.writeError) throw opts.writeError;
      host.writes.push(output);
    },
    ...(kind === 'excel'
      ? {
          selectCell: async (sheet: string, address: string) => {
            host.selections.push({ sheet, address });
          },
        }
      : {
          open: async (file: SourceFile) => {
            host.opened.push(file.name);
          },
          download: () => (host.writes.length ? { url: 'blob:resultat', fileName: 'Suivi - SPASER.xlsx' } : null),
        }),
    readFiles: async (files: readonly SourceFile[]) =>
      files.map((f) => opts.files?.find((x) => x.name === f.name) ?? { name: f.name, sheets: [] }),
    importSheets: async (plan) => {
      host.imported.push([...plan]);
      const added = plan.map((s) => grid(s.name, s.rows as CellValue[][]));
      host.inputs = [{ ...host.inputs[0], sheets: [...host.inputs[0].sheets, ...added] }];
    },
    writeState: async (state) => {
      if (opts.stateError) throw opts.stateError;
      host.states.push(state);
      host.inputs = [{ ...host.inputs[0], state }];
    },
  };
  return host;
}
