/**
 * A reserved-contract cell or a contract type written with a few words around the one value it names
 * (« Oui – ESAT », « Art. L2113-12 », « Réservé SIAE »; a facilitator's « CDD > 6 mois »,
 * « Intérim d'insertion ») was `valeur-illisible`, and the whole contract, or the whole Suivi row, left
 * every indicator (blind recipe `insertion`, session 41). Such a text names one value of the list and is
 * read as it; a text naming two values, or none, stays unreadable.
 */
import { runChain } from '../../src/domain/chain';
import { registerField, SUIVI_INSERTION_FIELDS } from '../../src/domain/fields';
import { readEnum } from '../../src/domain/read-cell';
import { grid, d } from '../helpers/grid';

const reserve = registerField('marcheReserve');
const contractType = SUIVI_INSERTION_FIELDS.find((f) => f.id === 'typeContrat')!;

describe('a list value named among other words', () => {
  it.each([
    ['Oui – ESAT', 'ESAT/EA'],
    ['Art. L2113-12', 'ESAT/EA'],
    ['article L. 2113-13', 'SIAE'],
    ['Réservé SIAE', 'SIAE'],
    ['oui, réservé ESS', 'ESS'],
    ['Non réservé', 'Non'],
  ])('« Marché réservé » %j is %j', (text, value) => {
    expect(readEnum(reserve, text)).toEqual({ kind: 'value', value });
  });

  // « Oui/Non », a template's placeholder left as typed, says yes and no: not « Non » (and « Oui » is no value here).
  it.each(['Oui', 'Réservé', 'ESAT ou SIAE', 'Non ESAT', 'Réservé n° 3', '✓ (voir CCAP)', 'Oui/Non', 'oui / non', 'Oui, non réservé', '-8 500 €', '0,00 €'])('« Marché réservé » %j names no single value: unreadable', (text) => {
    expect(readEnum(reserve, text)).toMatchObject({ kind: 'invalid', reason: 'illisible' });
  });

  it.each([
    ['CDD > 6 mois', 'CDD'],
    ['CDD < 6 mois', 'CDD'],
    ["Intérim d'insertion", 'Intérim'],
    ['CDI temps partiel', 'CDI'],
    ["CDD d'insertion", 'CDDI'],
    ['CDD d’insertion', 'CDDI'],
    ["CDD d'insertion > 6 mois", 'CDDI'],
  ])('« Type de contrat » %j is %j', (text, value) => {
    expect(readEnum(contractType, text)).toEqual({ kind: 'value', value });
  });

  it.each(['CDD ou CDI', 'Stage', 'Contrat aidé'])('« Type de contrat » %j names no single value: unreadable', (text) => {
    expect(readEnum(contractType, text)).toMatchObject({ kind: 'invalid', reason: 'illisible' });
  });

  it('other lists keep their exact reading: « Nature » « Travaux neufs » is still unreadable', () => {
    expect(readEnum(registerField('nature'), 'Travaux neufs')).toMatchObject({ kind: 'invalid', reason: 'illisible' });
  });

  it('in a register, « Réservé SIAE » counts in 4.2.3-reserves and the contract stays in the indicators', () => {
    const sheet = grid('Registre', [
      ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Marché réservé'],
      ['2025-01', 'Repas', 1000, d('2025-03-01'), 'Réservé SIAE'],
      ['2025-02', 'Ménage', 2000, d('2025-03-02'), 'Non'],
    ]);
    const out = runChain([{ file: 'a.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15' });
    expect(out.register.rows[0].findings).toEqual([]);
    expect(out.result.indicateurs.find((i) => i.id === '4.2.3-reserves')?.valeur).toBe(1);
  });
});
