/**
 * Spec audit of `regles.md` §3 (judging a row): every error and warning code with
 * its condition, gravity and French message naming the sheet row and the user's
 * own header; errors out of every indicator, warnings kept; `doublon` across
 * files and sheets in input order. Expectations are worked out by hand.
 */
import type { CellValue } from '../../src/domain/cell';
import { runChain, type ChainInput } from '../../src/domain/chain';
import type { Finding } from '../../src/domain/model';
import { buildRegister } from '../../src/domain/register';
import { d, err, grid } from '../helpers/grid';

const TODAY = '2025-06-15';
/** The four required columns, as a buyer may name them (not the canonical labels). */
const HEAD = ['Réf. marché', 'Intitulé', 'Montant HT', 'Date notif'];
const OK: CellValue[] = ['M-1', 'Entretien', 1000, d('2025-03-01')];

function input(file: string, sheets: [string, CellValue[][]][]): ChainInput {
  return { file, sheets: sheets.map(([name, rows]) => grid(name, rows)), state: null };
}

/**
 * One data row under a title row and the header: the data is on sheet row 3.
 * `extra` adds columns after the required ones.
 */
function judged(cells: CellValue[], extra: string[] = []) {
  const rows: CellValue[][] = [['Suivi des marchés 2025'], [...HEAD, ...extra], cells];
  return buildRegister([input('pole.xlsx', [['Suivi', rows]])], { today: TODAY }).rows[0];
}

function only(findings: readonly Finding[], code: string): Finding {
  const found = findings.filter((f) => f.code === code);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The error table of `regles.md` §3; every other code is a warning. */
const SPEC_ERRORS = new Set([
  'numero-manquant', 'objet-manquant', 'montant-manquant', 'montant-invalide', 'date-manquante',
  'date-invalide', 'valeur-illisible', 'doublon', 'prolongations-incoherentes',
]);

describe('regles §3: each code, its gravity and its French message naming the sheet row and the user header', () => {
  // [code, extra headers, cells, the user header named, its sheet column, a French word of the message]
  const cases: [string, string[], CellValue[], string, number, RegExp][] = [
    ['numero-manquant', [], [null, 'Entretien', 1000, d('2025-03-01')], 'Réf. marché', 1, /numéro de marché est vide/],
    ['objet-manquant', [], ['M-1', null, 1000, d('2025-03-01')], 'Intitulé', 2, /objet du marché est vide/],
    ['montant-manquant', [], ['M-1', 'Entretien', null, d('2025-03-01')], 'Montant HT', 3, /montant notifié HT est vide/],
    ['montant-invalide', [], ['M-1', 'Entretien', 'mille euros', d('2025-03-01')], 'Montant HT', 3, /montant « mille euros »/],
    ['date-manquante', [], ['M-1', 'Entretien', 1000, null], 'Date notif', 4, /date de notification est vide/],
    // champs.md: on an order outside any contract, the date is the order's.
    ['date-manquante', ['Hors marché'], ['M-1', 'Entretien', 1000, null, 'oui'], 'Date notif', 4, /\s:\sla date de la commande hors marché est vide\.$/],
    ['date-invalide', [], ['M-1', 'Entretien', 1000, 'un jour'], 'Date notif', 4, /date de notification « un jour »/],
    ['valeur-illisible', ['Durée'], [...OK, 'longtemps'], 'Durée', 5, /valeur « longtemps »/],
    ['prolongations-incoherentes', ["Nombre d'avenants", 'Dont avenants de prolongation'], [...OK, 1, 3], 'Dont avenants de prolongation', 6, /avenants de prolongation dépasse/],
    ['siret-invalide', ['SIRET'], [...OK, '12345678901234'], 'SIRET', 5, /SIRET « 12345678901234 »/],
    ['cpv-invalide', ['Code CPV'], [...OK, '4500'], 'Code CPV', 5, /code CPV « 4500 »/],
    ['gain-sans-negociation', ['Négociation menée', 'Gain de négociation'], [...OK, 'non', 200], 'Gain de négociation', 6, /gain de négociation/],
    ['heures-sans-clause', ['Clause sociale', "Heures d'insertion réalisées"], [...OK, 'non', 70], "Heures d'insertion réalisées", 6, /heures d'insertion/],
    ['delai-paiement-depasse', ['Délai de paiement'], [...OK, 45], 'Délai de paiement', 5, /délai de paiement \(45\sjours\)/],
    ['code-postal-invalide', ['Code postal'], [...OK, '591'], 'Code postal', 5, /code postal « 591 »/],
  ];

  test.each(cases)('%s', (code, extra, cells, header, col, french) => {
    const row = judged(cells, extra);
    const f = only(row.findings, code);
    const isError = SPEC_ERRORS.has(code);
    expect(f.gravite).toBe(isError ? 'erreur' : 'avertissement');
    expect(row.hasError).toBe(isError);
    expect(f.source).toEqual({ file: 'pole.xlsx', sheet: 'Suivi', row: 3 });
    expect(f.colonne).toBe(header);
    expect(f.col).toBe(col);
    expect(f.message.startsWith(`Ligne 3, colonne « ${header} » : `)).toBe(true);
    expect(f.message).toMatch(french);
  });

  test('montants-ae-superieurs: a warning naming the row, with the sum of the three amounts', () => {
    const row = judged([...OK, 400, 350, 300], ['Réemploi', 'Réutilisation', 'Recyclé']);
    // 400 + 350 + 300 = 1 050 > 1 000 (no mandated column: the spend is montant).
    const f = only(row.findings, 'montants-ae-superieurs');
    expect(f.gravite).toBe('avertissement');
    expect(row.hasError).toBe(false);
    expect(f.message.startsWith('Ligne 3')).toBe(true);
    expect(f.message).toMatch(/réemploi, réutilisation et matières recyclées \(1\s050,00\s€, colonnes «\sRéemploi\s», «\sRéutilisation\s» et «\sRecyclé\s»\) dépassent la dépense de la ligne \(1\s000,00\s€, colonne «\sMontant HT\s»\)/);
  });

  test('suggestion-non-confirmee: a warning naming the row, the suggested tag and its trigger', () => {
    const row = judged(['M-1', 'Fourniture de papier recyclé', 1000, d('2025-03-01')]);
    const f = only(row.findings, 'suggestion-non-confirmee');
    expect(f.gravite).toBe('avertissement');
    expect(row.hasError).toBe(false);
    expect(f.message.startsWith('Ligne 3')).toBe(true);
    expect(f.message).toContain('Clause environnementale');
    expect(f.message).toContain('recyclé');
  });

  test('the row number is the sheet row as the user sees it, also with the table far down', () => {
    const rows: CellValue[][] = [['Titre'], [], [], [...HEAD], [...OK], ['M-2', null, 5, d('2025-01-01')]];
    const reg = buildRegister([input('p.xlsx', [['Feuil1', rows]])], { today: TODAY });
    expect(reg.rows[1].findings.map((f) => [f.code, f.source.row, f.message])).toEqual([
      ['objet-manquant', 6, "Ligne 6, colonne « Intitulé » : l'objet du marché est vide."],
    ]);
  });
});

describe('regles §3: conditions of the codes', () => {
  test('montants-ae-superieurs adds réemploi, réutilisation and recyclé, and warns only above the spend', () => {
    const head = ['Réemploi', 'Réutilisation', 'Recyclé'];
    // Réutilisation alone over the amount.
    expect(judged([...OK, null, 1001, null], head).findings.map((f) => f.code)).toEqual(['montants-ae-superieurs']);
    // 300 + 400 + 301 = 1 001 > 1 000; 300 + 400 + 300 = 1 000 is not above.
    expect(judged([...OK, 300, 400, 301], head).findings.map((f) => f.code)).toEqual(['montants-ae-superieurs']);
    expect(judged([...OK, 300, 400, 300], head).findings).toEqual([]);
  });

  test('heures-sans-clause when only the marché d’insertion column exists and says non', () => {
    const head = ["Marché d'insertion", "Heures d'insertion réalisées"];
    expect(judged([...OK, 'non', 35], head).findings.map((f) => f.code)).toEqual(['heures-sans-clause']);
    expect(judged([...OK, 'oui', 35], head).findings).toEqual([]);
    expect(judged([...OK, 'non', 0], head).findings).toEqual([]);
  });

  test('gain-sans-negociation needs a gain above 0', () => {
    const head = ['Négociation menée', 'Gain de négociation'];
    expect(judged([...OK, 'non', 0], head).findings).toEqual([]);
    expect(judged([...OK, 'non', 0.01], head).findings.map((f) => f.code)).toEqual(['gain-sans-negociation']);
  });

  test('valeur-illisible on a formula error in any mapped column, text columns included, without the « manquant » code', () => {
    const numero = judged([err('#N/A'), 'Entretien', 1000, d('2025-03-01')]);
    expect(numero.findings.map((f) => [f.code, f.colonne, f.valeurLue])).toEqual([['valeur-illisible', 'Réf. marché', '#N/A']]);
    expect(numero.hasError).toBe(true);
    const objet = judged(['M-1', err('#REF!'), 1000, d('2025-03-01')]);
    expect(objet.findings.map((f) => [f.code, f.colonne])).toEqual([['valeur-illisible', 'Intitulé']]);
    const date = judged(['M-1', 'Entretien', 1000, err('#VALUE!')]);
    expect(date.findings.map((f) => [f.code, f.colonne])).toEqual([['valeur-illisible', 'Date notif']]);
    const titulaire = judged([...OK, err('#DIV/0!')], ['Titulaire']);
    expect(titulaire.findings.map((f) => [f.code, f.gravite, f.colonne, f.valeurLue])).toEqual([['valeur-illisible', 'erreur', 'Titulaire', '#DIV/0!']]);
  });

  test('valeur-illisible on an enum column whose text is not one of its values', () => {
    const row = judged([...OK, 'gigantesque'], ["Catégorie d'entreprise"]);
    expect(row.findings.map((f) => [f.code, f.colonne, f.valeurLue])).toEqual([['valeur-illisible', "Catégorie d'entreprise", 'gigantesque']]);
    expect(row.hasError).toBe(true);
    expect(judged([...OK, 'PME'], ["Catégorie d'entreprise"]).findings).toEqual([]);
  });

  test('date-invalide follows the day of the run: 31/12 of the following year is the last valid day', () => {
    const at = (date: string, today: string) =>
      buildRegister([input('p.xlsx', [['S', [HEAD, ['M-1', 'o', 1, d(date)]]]])], { today }).rows[0].findings.map((f) => f.code);
    expect(at('2030-12-31', '2029-01-01')).toEqual([]);
    expect(at('2031-01-01', '2029-12-31')).toEqual(['date-invalide']);
    expect(at('2000-01-01', '2029-12-31')).toEqual([]);
  });
});

describe('regles §3: doublon', () => {
  test('the first row in sheet order is kept, whatever the sheet names', () => {
    const reg = buildRegister(
      [
        input('p.xlsx', [
          ['Zeta', [HEAD, ['X-1', 'o', 1, d('2025-02-01')]]],
          ['Alpha', [HEAD, ['X-1', 'o', 1, d('2025-01-01')]]],
        ]),
      ],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => [r.source.sheet, r.findings.map((f) => f.code)])).toEqual([
      ['Zeta', []],
      ['Alpha', ['doublon']],
    ]);
    const f = reg.rows[1].findings[0];
    expect(f).toMatchObject({ gravite: 'erreur', colonne: 'Réf. marché', col: 1, valeurLue: 'X-1', source: { sheet: 'Alpha', row: 2 } });
    expect(f.message).toBe(
      'Ligne 2, colonne « Réf. marché » : ce numéro de marché figure déjà à la ligne 2 de la feuille « Zeta » pour la même année : la ligne est écartée des indicateurs.' +
        // The two rows differ by their date only (same year): a conflict the lead arbitrates, under the user's header.
        ' Conflit, les deux lignes diffèrent (à arbitrer) : « Date notif » : 01/01/2025 sur cette ligne, 01/02/2025 sur la première.',
    );
  });

  test('files first, then sheets: a row of the first file wins over an earlier sheet of the second', () => {
    const reg = buildRegister(
      [
        input('b.xlsx', [['S2', [HEAD, ['x 1', 'o', 1, d('2025-06-01')]]]]),
        input('a.xlsx', [
          ['S1', [HEAD, ['X1', 'o', 1, d('2025-01-01')]]],
          ['S0', [HEAD, ['X 1', 'o', 1, d('2025-01-01')]]],
        ]),
      ],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => `${r.source.file}/${r.source.sheet}:${r.findings.map((f) => f.code).join(',')}`)).toEqual([
      'b.xlsx/S2:',
      'a.xlsx/S1:doublon',
      'a.xlsx/S0:doublon',
    ]);
    // Both later rows point to the first one, in its file.
    for (const r of reg.rows.slice(1)) expect(r.findings[0].message).toContain('à la ligne 2 de la feuille « S2 » du classeur « b.xlsx »');
  });

  test('every space is ignored (non-breaking, tab) and case too', () => {
    const reg = buildRegister(
      [input('p.xlsx', [['S', [HEAD, ['2025-AB-01', 'o', 1, d('2025-01-01')], ['2025\u00a0-ab\t-01', 'o', 1, d('2025-02-01')], [' 2025-Ab-01 ', 'o', 1, d('2025-03-01')]]]])],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => r.findings.map((f) => f.code))).toEqual([[], ['doublon'], ['doublon']]);
  });

  test('rows without a readable date take no part, even between themselves', () => {
    const reg = buildRegister(
      [input('p.xlsx', [['S', [HEAD, ['X', 'o', 1, null], ['X', 'o', 1, 'plus tard'], ['X', 'o', 1, d('2025-01-01')], ['Y', 'o', 1, d('2025-01-01')]]]])],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => r.findings.map((f) => f.code))).toEqual([['date-manquante'], ['date-invalide'], [], []]);
  });

  test('other numbers or other years are not duplicates', () => {
    const reg = buildRegister(
      [input('p.xlsx', [['S', [HEAD, ['X', 'o', 1, d('2024-12-31')], ['X', 'o', 1, d('2025-01-01')], ['X2', 'o', 1, d('2025-01-01')]]]])],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => r.findings)).toEqual([[], [], []]);
  });
});

describe('regles §3: errors are listed and left out of every indicator, warnings are listed and kept', () => {
  const head = [...HEAD, 'Clause sociale', 'Code CPV'];
  const social = (rows: CellValue[][]) => {
    const out = runChain([input('p.xlsx', [['S', [head, ...rows]]])], { today: TODAY, exercice: 2025 });
    const ind = out.result.indicateurs.find((i) => i.id === '4.1.2-consideration-sociale');
    return { out, ind };
  };

  test('a row in error with a social clause does not count; its finding is in the controls', () => {
    // Valid rows of 2025: M-1 (non). M-2 (oui) has no objet: error, out. 0 of 1 → 0 %.
    const { out, ind } = social([
      ['M-1', 'o', 10, d('2025-01-01'), 'non', null],
      ['M-2', null, 10, d('2025-01-01'), 'oui', null],
    ]);
    expect(ind).toMatchObject({ statut: 'calculé', valeur: 0, couverture: { renseignees: 1, total: 1 } });
    expect(out.result.controles.map((c) => [c.gravite, c.code, c.ligne])).toEqual([['erreur', 'objet-manquant', 3]]);
    expect(out.result.lignes).toEqual({ lues: 2, exercice: 1, erreurs: 1, avertissements: 0 });
  });

  test('a duplicate row does not count twice', () => {
    // M-1 (oui) and its duplicate (oui), M-3 (non): 1 of 2 → 50 %.
    const { ind } = social([
      ['M-1', 'o', 10, d('2025-01-01'), 'oui', null],
      ['m-1', 'o', 10, d('2025-02-01'), 'oui', null],
      ['M-3', 'o', 10, d('2025-01-01'), 'non', null],
    ]);
    expect(ind).toMatchObject({ valeur: 50, couverture: { total: 2 } });
  });

  test('a row with only a warning counts, and is listed', () => {
    // M-1 (oui, bad CPV: warning) and M-2 (non): 1 of 2 → 50 %.
    const { out, ind } = social([
      ['M-1', 'o', 10, d('2025-01-01'), 'oui', '12'],
      ['M-2', 'o', 10, d('2025-01-01'), 'non', null],
    ]);
    expect(ind).toMatchObject({ valeur: 50, couverture: { total: 2 } });
    expect(out.result.controles.map((c) => [c.gravite, c.code, c.ligne, c.colonne])).toEqual([['avertissement', 'cpv-invalide', 2, 'Code CPV']]);
  });
});
