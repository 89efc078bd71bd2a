/**
 * Review: the « no register » message names the sheet closest to a register (fewest
 * required columns missing), not merely the first register-like sheet of the workbook.
 */
import type { ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { missingColumnSentences } from '../../src/domain/incomplete-registers';
import { d, grid } from '../helpers/grid';
import { noRegisterError } from '../helpers/no-register';

function input(file: string, sheets: [string, CellValue[][]][]): ChainInput {
  return { file, sheets: sheets.map(([name, rows]) => grid(name, rows)), state: null };
}

/** Three fields, one required (the number): register-like, three required columns missing. */
const contacts: [string, CellValue[][]] = ['Contacts', [['N° de marché', 'Titulaire', 'SIRET'], ['M1', 'Alpha', '73282932000074']]];
/** Only the date column is missing. */
const suivi: [string, CellValue[][]] = ['Suivi', [['N° de marché', 'Objet', 'Montant HT', 'Signé le', 'Titulaire'], ['M1', 'Voirie', 1000, d('2025-03-01'), 'Alpha']]];

describe('missingColumnSentences', () => {
  it('names the sheet missing the fewest required columns, whatever the sheet order', () => {
    const [sentence] = missingColumnSentences([input('Pôle.xlsx', [contacts, suivi])]);
    expect(sentence).toBe('Colonne obligatoire introuvable dans la feuille « Suivi » (en-tête ligne 1) : « Date de notification ».');
  });

  it('keeps the first sheet among equally close ones', () => {
    const other: [string, CellValue[][]] = ['Autre', suivi[1]];
    const [sentence] = missingColumnSentences([input('Pôle.xlsx', [suivi, other])]);
    expect(sentence).toContain('« Suivi »');
  });

  it('is what the no-register error says', () => {
    const { message } = noRegisterError([input('Pôle.xlsx', [contacts, suivi])]);
    expect(message).toContain('dans la feuille « Suivi »');
    expect(message).not.toContain('« Contacts »');
  });
});
