/**
 * A CSV field whose quotes Excel kept as text (a space after the separator, or a file imported as text):
 * `"1250,00"`, `"15/03/2025"`, `="00012345600019"` (the CSV idiom that keeps a SIRET's leading zeros).
 * A person reads the value inside the quotes; before session 41 each was `valeur-illisible`, the row out of
 * every indicator, and a quoted SIRET was told « n'a pas 14 chiffres ».
 */
import { runChain } from '../../src/domain/chain';
import { registerField } from '../../src/domain/fields';
import { readBoolean, readDate, readEnum, readField, readNumber, readText, unquoted } from '../../src/domain/read-cell';
import { grid, d } from '../helpers/grid';

describe('values kept in quotes are read as the value inside', () => {
  it.each([
    ['"1250,00"', 1250],
    [' "1 250,50 €" ', 1250.5],
    ['="1250"', 1250],
  ])('number %j reads %d', (text, n) => {
    expect(readNumber(text)).toEqual({ kind: 'value', value: n });
  });

  it('a date, a yes/no, a list option and a SIRET in quotes', () => {
    expect(readDate('"15/03/2025"')).toEqual({ kind: 'value', value: '2025-03-15' });
    expect(readBoolean('"Oui"')).toEqual({ kind: 'value', value: true });
    expect(readBoolean('"non"')).toEqual({ kind: 'value', value: false });
    expect(readEnum(registerField('procedure'), '"MAPA"')).toEqual({ kind: 'value', value: 'Procédure adaptée' });
    expect(readText(registerField('siret'), '="00012345600019"')).toEqual({ kind: 'value', value: '00012345600019' });
    expect(readText(registerField('codePostalTitulaire'), '"05000"')).toEqual({ kind: 'value', value: '05000' });
  });

  it('empty quotes are an empty cell, not an unreadable one', () => {
    expect(readNumber('""')).toEqual({ kind: 'empty' });
    expect(readField(registerField('montant'), '=""')).toEqual({ kind: 'empty' });
  });

  it('only quotes wrapping the whole text are dropped', () => {
    // An opening quote alone, a quote inside, or a closing one alone: the text is left as typed.
    for (const text of ['"1250,00', '1250,00"', '"12"50"', '"', '="', '= "1250"']) expect(unquoted(text)).toBe(text);
    expect(readNumber('"12"50"')).toMatchObject({ kind: 'invalid', reason: 'illisible', shown: '"12"50"' });
    // Free text keeps its quotes: an objet « "Cap vers l'emploi" » is the name the buyer typed.
    expect(readText(registerField('objet'), '"Cap vers l\'emploi"')).toEqual({ kind: 'value', value: '"Cap vers l\'emploi"' });
  });

  it('in a register, the row counts and its quoted SIRET is no warning', () => {
    const sheet = grid('Export', [
      ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'SIRET', 'Clause sociale'],
      ['2025-01', 'Repas', ' "1250,00"', ' "15/03/2025"', '="73282932000074"', ' "Oui"'],
      ['2025-02', 'Ménage', 2000, d('2025-03-02'), '73282932000074', 'Non'],
    ]);
    const out = runChain([{ file: 'export.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15' });
    const first = out.register.rows[0];
    expect(first.findings).toEqual([]);
    expect(first.values).toMatchObject({ montant: 1250, dateNotification: '2025-03-15', siret: '73282932000074', clauseSociale: true });
    // 1 250 + 2 000 over the two rows of 2025.
    expect(out.result.indicateurs.find((i) => i.id === '1.1.2-montant-ar')?.valeur).toBe(1250);
  });
});
