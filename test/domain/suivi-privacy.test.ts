import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

// A Suivi insertion row is about one person (champs.md: `beneficiaire`, « never a full name in
// outputs »). A cell of it that cannot be read is told by its sheet, row and column, never by the
// text read: careless buyers type the beneficiary's name in the wrong column (blind recipe `personnes`).
// Other companion sheets and the register keep the value read in their messages.

const FILE = 'Pôle A.xlsx';
const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
  ['2025-001', 'Voirie', 100, d('2025-02-01'), 'Oui'],
  ['2025-002', 'Espaces verts', 'Jean Martin', d('2025-03-01'), 'Oui'],
]);
const SUIVI = grid('Insertion', [
  ['N° de marché', 'Bénéficiaire', 'Sexe', 'Résident QPV', 'Heures réalisées'],
  ['2025-001', 'Marie DUPONT', 'Marie DUPONT', 'Oui', 35],
  ['2025-001', 'Karim Benali', 'H', 'Oui', 'Karim Benali'],
  ['2025-001', 'Luc Vasseur', 'H', 'Luc Vasseur', 12],
]);
const ACTIONS = grid('Actions', [
  ['Date', 'Type', 'Intitulé', 'Participants'],
  [d('2025-04-01'), 'Formation', 'Achats responsables', 'une dizaine'],
]);

const NB = '\u00a0';
const q = (s: string): string => `«${NB}${s}${NB}»`;
/** The message of a withheld cell: what to type, never what was read. */
const WITHHELD = (expected: string): string =>
  `la valeur ne peut pas être lue (non recopiée ici${NB}: une ligne du suivi de l'insertion décrit une personne). ${expected}. La ligne est écartée.`;

describe('unreadable cells of a Suivi insertion row', () => {
  const out = runChain([{ file: FILE, sheets: [REGISTER, SUIVI, ACTIONS], state: null }], { today: '2026-01-15', exercice: 2025 });
  const findings = [...out.register.otherFindings, ...out.register.rows.flatMap((r) => r.findings)];
  const of = (sheet: string) => findings.filter((f) => f.source.sheet === sheet);

  it('are errors told by row and column, without the text read', () => {
    expect(of('Insertion').map((f) => [f.code, f.source.row, f.colonne, f.valeurLue, f.message])).toEqual([
      ['valeur-illisible', 2, 'Sexe', null, `Ligne 2, colonne ${q('Sexe')}${NB}: ${WITHHELD("Saisissez l'une des valeurs F ou H")}`],
      ['valeur-illisible', 3, 'Heures réalisées', null, `Ligne 3, colonne ${q('Heures réalisées')}${NB}: ${WITHHELD('Saisissez un nombre (par exemple 35,5)')}`],
      ['valeur-illisible', 4, 'Résident QPV', null, `Ligne 4, colonne ${q('Résident QPV')}${NB}: ${WITHHELD('Saisissez oui ou non')}`],
    ]);
    expect(JSON.stringify([findings, out.result.controles, out.notices, out.plan])).not.toMatch(/DUPONT|Benali|Vasseur/);
  });

  it('leave the rows out of every count, as before', () => {
    expect(out.result.indicateurs.find((r) => r.id === '4.2.2-contrats')?.valeur).toBe(0);
  });

  it('other sheets still repeat the value read', () => {
    expect(of('Actions').map((f) => [f.valeurLue, f.message])).toEqual([
      ['une dizaine', `Ligne 2, colonne ${q('Participants')}${NB}: la valeur ${q('une dizaine')} ne peut pas être lue. Saisissez un nombre entier (par exemple 12). La ligne est écartée.`],
    ]);
    expect(of('Marchés').map((f) => f.valeurLue)).toEqual(['Jean Martin']);
  });
});
