/**
 * A sheet that looks like a register but misses a required column (`regles.md` §1: only a
 * header mapping the four required fields is a register source) counts for nothing: the
 * user is told which column is missing, when no register is found and in a run that goes on.
 */
import { type ChainInput, runChain } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';
import { noRegisterError } from '../helpers/no-register';

const TODAY = '2026-01-15';
const FULL = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'];
/** The date column under a name the spec does not know. */
const NO_DATE = ['N° de marché', 'Objet', 'Montant HT', 'Signé le', 'Titulaire'];

function input(file: string, sheets: [string, CellValue[][]][], state: ChainInput['state'] = null): ChainInput {
  return { file, sheets: sheets.map(([name, rows]) => grid(name, rows)), state };
}

const noRegister = (inputs: ChainInput[]) => noRegisterError(inputs, TODAY);

const suivi: [string, CellValue[][]] = ['Suivi', [['Suivi des marchés 2025'], NO_DATE, ['M1', 'Voirie', 1000, d('2025-03-01'), 'Alpha']]];

describe('a register-like sheet missing a required column', () => {
  it('is named, with its header row and the missing column, when no register is found', () => {
    const e = noRegister([input('Pôle Solidarités.xlsx', [['Notes', [['Lisez-moi']]], suivi])]);
    expect(e.message).toContain('Aucun registre reconnu dans « Pôle Solidarités.xlsx »');
    expect(e.message).toContain('Colonne obligatoire introuvable dans la feuille « Suivi » (en-tête ligne 2) : « Date de notification ».');
  });

  it('names the file of each sentence when several workbooks have no register', () => {
    const e = noRegister([input('A.xlsx', [suivi]), input('B.xlsx', [['Vide', [['rien']]]])]);
    expect(e.message).toContain('« A.xlsx » : Colonne obligatoire introuvable dans la feuille « Suivi »');
    expect(e.message).not.toContain('« B.xlsx » : Colonne');
  });

  it('is a notice when another workbook holds a register: its rows are not counted, and the user is told', () => {
    const out = runChain(
      [
        input('Pôle Culture.xlsx', [['Registre', [FULL, ['C1', 'Spectacle', 500, d('2025-02-01'), 'Beta']]]]),
        input('Pôle Solidarités.xlsx', [suivi, ['Cibles', [['Indicateur', 'Année', 'Cible'], ['2.1.3-sourcage', 2025, 10]]]]),
      ],
      { today: TODAY },
    );
    expect(out.register.rows.map((r) => r.values.numero)).toEqual(['C1']);
    expect(out.notices).toContain(
      "Classeur « Pôle Solidarités.xlsx » : colonne obligatoire introuvable dans la feuille « Suivi » (en-tête ligne 2) : « Date de notification ». Ses lignes ne sont pas comptées : ajoutez la colonne ou renommez son en-tête, ou choisissez-la à l'étape Colonnes du volet.",
    );
  });

  it('is told of beside a register of the same workbook', () => {
    const out = runChain([input('Pôle.xlsx', [['2025', [FULL, ['A', 'o', 1, d('2025-01-01'), 'T']]], suivi])], { today: TODAY });
    expect(out.notices.filter((n) => n.includes('« Suivi »'))).toHaveLength(1);
  });

  it('is not told of once the column is chosen (saved choice of the workbook)', () => {
    const state = { version: 1 as const, mappings: [{ sheet: 'Suivi', columns: { 'Signé le': 'dateNotification' } }], decisions: [] };
    const out = runChain([input('Pôle.xlsx', [['2025', [FULL, ['A', 'o', 1, d('2025-01-01'), 'T']]], suivi], state)], { today: TODAY });
    expect(out.notices.filter((n) => n.includes('introuvable'))).toEqual([]);
    expect(out.register.rows.map((r) => r.values.numero)).toEqual(['A', 'M1']);
  });

  it('is not told of in a run when it lacks three required columns (a list of suppliers, not a register)', () => {
    const suppliers: [string, CellValue[][]] = ['Fournisseurs', [['N° de marché', 'Titulaire', 'SIRET', 'Code postal'], ['A', 'T', '12345678901234', '59100']]];
    const out = runChain([input('Pôle.xlsx', [['2025', [FULL, ['A', 'o', 1, d('2025-01-01'), 'T']]], suppliers])], { today: TODAY });
    expect(out.notices.filter((n) => n.includes('introuvable'))).toEqual([]);
  });
});
