import { buildRegister, poleFromFile } from '../../src/domain/register';
import type { ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { d, err, grid } from '../helpers/grid';

const TODAY = '2025-06-15';
const HEAD = ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification'];

function input(file: string, sheets: [string, CellValue[][]][]): ChainInput {
  return { file, sheets: sheets.map(([name, rows]) => grid(name, rows)), state: null };
}

function codes(rows: ReturnType<typeof buildRegister>['rows'], i: number): string[] {
  return rows[i].findings.map((f) => f.code);
}

describe('finding register rows (regles §1)', () => {
  test('title rows above the header are ignored, empty rows and totals rows are not rows', () => {
    const reg = buildRegister(
      [
        input('pole-a.xlsx', [
          [
            'Suivi 2025',
            [
              ['Suivi des marchés 2025', null, null, null],
              [null, null, null, null],
              HEAD,
              ['2025-001', 'Papier', 1000, d('2025-03-01')],
              [null, null, null, null],
              ['', '  ', null, null],
              ['2025-002', 'Nettoyage', 2000, d('2025-04-01')],
              [null, 'Total :', 3000, null],
              [null, 'TOTAL GÉNÉRAL', 3000, null],
              ['Sous-total', null, 3000, null],
            ],
          ],
        ]),
      ],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => r.values.numero)).toEqual(['2025-001', '2025-002']);
    expect(reg.rows.map((r) => r.source.row)).toEqual([4, 7]);
    expect(reg.rows.flatMap((r) => r.findings)).toEqual([]);
  });

  test('a register in stacked sections: repeated headers and the section titles above them are not rows', () => {
    const reg = buildRegister(
      [
        input('pole-a.xlsx', [
          [
            'Registre',
            [
              ['1. MARCHÉS DE TRAVAUX', null, null, null, null],
              [...HEAD, 'Clause sociale'],
              ['T-01', 'Toiture', 1000, d('2025-03-01'), 'oui'],
              [null, null, null, null, null],
              ['2. MARCHÉS DE SERVICES', null, null, null, null],
              [...HEAD, 'Clause sociale'],
              ['S-01', 'Nettoyage', 2000, d('2025-04-01'), 'non'],
              ['3. FOURNITURES', null, null, null, null],
              [null, null, null, null, null],
              // Written by hand: other case, spaces around.
              [' n° de MARCHÉ', 'objet du marché ', 'Montant notifié HT (€)', 'Date de notification', 'CLAUSE SOCIALE'],
              ['F-01', 'Papier', 300, d('2025-05-01'), null],
            ],
          ],
        ]),
      ],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => r.values.numero)).toEqual(['T-01', 'S-01', 'F-01']);
    expect(reg.rows.flatMap((r) => r.findings)).toEqual([]);
  });

  test('a contract begun (its numero alone) right above a repeated header is no section title', () => {
    const reg = buildRegister(
      [
        input('pole-a.xlsx', [
          [
            'Registre',
            [
              HEAD,
              ['T-01', 'Toiture', 1000, d('2025-03-01')],
              ['T-02', null, null, null],
              HEAD,
              ['S-01', 'Nettoyage', 2000, d('2025-04-01')],
              ['2025/17', null, null, null],
              [null, null, null, null],
              HEAD,
              ['F-01', 'Papier', 300, d('2025-05-01')],
            ],
          ],
        ]),
      ],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => r.values.numero)).toEqual(['T-01', 'T-02', 'S-01', '2025/17', 'F-01']);
    expect(codes(reg.rows, 1)).toEqual(['objet-manquant', 'montant-manquant', 'date-manquante']);
    expect(codes(reg.rows, 3)).toEqual(['objet-manquant', 'montant-manquant', 'date-manquante']);
  });

  test('a Suivi insertion sheet in sections: its repeated header is no person and no unreadable value', () => {
    const suiviHead = ['N° de marché', 'Bénéficiaire', 'Sexe', 'Heures réalisées'];
    const reg = buildRegister(
      [
        input('pole-a.xlsx', [
          ['Registre', [HEAD, ['T-01', 'Toiture', 1000, d('2025-03-01')]]],
          ['Suivi insertion', [['Lot 1'], suiviHead, ['T-01', 'B-01', 'F', 120], ['Lot 2'], suiviHead, ['T-01', 'B-02', 'H', 80]]],
        ]),
      ],
      { today: TODAY },
    );
    expect(reg.suiviInsertion.map((r) => r.source.row)).toEqual([3, 6]);
    expect(reg.otherFindings).toEqual([]);
  });

  test('not a section title: a contract begun (its numero alone) or a title with no repeated header under it', () => {
    const reg = buildRegister(
      [
        input('pole-a.xlsx', [
          [
            'Registre',
            [
              HEAD,
              ['T-01', 'Toiture', 1000, d('2025-03-01')],
              ['T-02', null, null, null],
              ['MARCHÉS DE SERVICES', null, null, null],
              ['S-01', 'Nettoyage', 2000, d('2025-04-01')],
              // Two header texts only, with a contract's numero: a row with errors.
              ['S-02', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification'],
            ],
          ],
        ]),
      ],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => r.source.row)).toEqual([2, 3, 4, 5, 6]);
    expect(codes(reg.rows, 1)).toEqual(['objet-manquant', 'montant-manquant', 'date-manquante']);
    expect(codes(reg.rows, 2)).toEqual(['objet-manquant', 'montant-manquant', 'date-manquante']);
    expect(codes(reg.rows, 4)).toEqual(['montant-invalide', 'date-invalide']);
  });

  test('a row with a numero is kept even when a cell says total', () => {
    const reg = buildRegister([input('a.xlsx', [['S', [HEAD, ['X1', 'Total', 10, d('2025-01-01')]]]])], { today: TODAY });
    expect(reg.rows).toHaveLength(1);
  });

  test('an Excel table ends the rows at its last row', () => {
    const rows: CellValue[][] = [HEAD, ['A', 'o', 1, d('2025-01-01')], ['B', 'o', 1, d('2025-01-02')], ['notes', 'hors tableau', 5, d('2025-01-03')]];
    const g = grid('T', rows, { tables: [{ name: 'Tableau1', headerRow: 1, firstCol: 1, lastCol: 4, lastRow: 3 }] });
    const reg = buildRegister([{ file: 'a.xlsx', sheets: [g], state: null }], { today: TODAY });
    expect(reg.rows.map((r) => r.values.numero)).toEqual(['A', 'B']);
  });

  test('several register sheets are read in sheet order; SPASER sheets are never sources', () => {
    const reg = buildRegister(
      [
        input('a.xlsx', [
          ['2024', [HEAD, ['A', 'o', 1, d('2024-05-01')]]],
          ['SPASER Registre', [HEAD, ['Z', 'o', 1, d('2025-05-01')]]],
          ['2025', [HEAD, ['B', 'o', 1, d('2025-05-01')]]],
        ]),
      ],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => `${r.source.sheet}:${r.values.numero}`)).toEqual(['2024:A', '2025:B']);
    expect(reg.rows.map((r) => r.index)).toEqual([0, 1]);
  });

  test('pole is the row cell when mapped and filled, else the file name without extension', () => {
    expect(poleFromFile('/tmp/x/Pôle Culture.xlsx')).toBe('Pôle Culture');
    const reg = buildRegister(
      [
        input('Pôle Ressources.xlsx', [['S', [[...HEAD, 'Pôle'], ['A', 'o', 1, d('2025-01-01'), 'Pôle Sport'], ['B', 'o', 1, d('2025-01-01'), null]]]]),
        input('C:\\dossiers\\Pôle Culture.xlsx', [['S', [HEAD, ['C', 'o', 1, d('2025-01-01')]]]]),
      ],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => r.pole)).toEqual(['Pôle Sport', 'Pôle Ressources', 'Pôle Culture']);
  });
});

describe('judging rows (regles §3)', () => {
  const one = (cells: CellValue[], head: string[] = HEAD, today = TODAY) =>
    buildRegister([input('a.xlsx', [['Feuille', [head, cells]]])], { today }).rows[0];

  test.each<[string, CellValue[], string]>([
    ['numero-manquant', [null, 'o', 1, d('2025-01-01')], 'numero-manquant'],
    ['objet-manquant', ['A', '  ', 1, d('2025-01-01')], 'objet-manquant'],
    ['montant-manquant', ['A', 'o', null, d('2025-01-01')], 'montant-manquant'],
    ['montant-invalide (text)', ['A', 'o', 'environ mille', d('2025-01-01')], 'montant-invalide'],
    ['montant-invalide (negative)', ['A', 'o', -5, d('2025-01-01')], 'montant-invalide'],
    ['date-manquante', ['A', 'o', 1, null], 'date-manquante'],
    ['date-invalide (text)', ['A', 'o', 1, 'bientôt'], 'date-invalide'],
    ['date-invalide (before 2000)', ['A', 'o', 1, d('1999-12-31')], 'date-invalide'],
    ['date-invalide (after next year)', ['A', 'o', 1, d('2027-01-01')], 'date-invalide'],
    ['valeur-illisible (formula error)', ['A', 'o', err('#N/A'), d('2025-01-01')], 'valeur-illisible'],
  ])('%s is an error that keeps the row out of indicators', (_name, cells, code) => {
    const row = one(cells);
    expect(codes([row], 0)).toEqual([code]);
    expect(row.hasError).toBe(true);
    expect(row.findings[0].gravite).toBe('erreur');
  });

  test('dates on the bounds are valid: 01/01/2000 and 31/12 of the year after the run', () => {
    expect(one(['A', 'o', 1, d('2000-01-01')]).findings).toEqual([]);
    expect(one(['A', 'o', 1, d('2026-12-31')]).findings).toEqual([]);
  });

  test('a zero amount is valid', () => {
    expect(one(['A', 'o', 0, d('2025-01-01')]).findings).toEqual([]);
  });

  test('messages are French and name the sheet row and the user header', () => {
    const row = buildRegister([input('a.xlsx', [['Feuille', [['Titre'], ['Réf. marché', 'Intitulé', 'Montant HT', 'Date notif'], [null, 'o', 1, d('2025-01-01')]]]])], {
      today: TODAY,
    }).rows[0];
    expect(row.findings[0]).toMatchObject({ code: 'numero-manquant', colonne: 'Réf. marché', col: 1, source: { row: 3, sheet: 'Feuille' } });
    expect(row.findings[0].message).toBe('Ligne 3, colonne « Réf. marché » : le numéro de marché est vide.');
  });

  test('valeur-illisible on any mapped field whose text cannot be read', () => {
    const row = one(['A', 'o', 1, d('2025-01-01'), 'beaucoup', 'peut-être'], [...HEAD, 'Durée (mois)', 'Clause sociale']);
    expect(codes([row], 0)).toEqual(['valeur-illisible', 'valeur-illisible']);
    expect(row.findings.map((f) => f.valeurLue)).toEqual(['beaucoup', 'peut-être']);
  });

  test('prolongations-incoherentes when prolongations exceed avenants', () => {
    const head = [...HEAD, "Nombre d'avenants", 'Dont avenants de prolongation'];
    expect(codes([one(['A', 'o', 1, d('2025-01-01'), 1, 2], head)], 0)).toEqual(['prolongations-incoherentes']);
    expect(one(['A', 'o', 1, d('2025-01-01'), 2, 2], head).findings).toEqual([]);
  });

  describe('doublon', () => {
    test('same numero (case and spaces ignored) in the same year: later rows are errors, the first is kept', () => {
      const reg = buildRegister(
        [
          input('a.xlsx', [['S', [HEAD, ['2025-01 A', 'o', 1, d('2025-01-01')], ['2025-01a', 'o', 1, d('2025-09-01')], ['2025 01 a', 'o', 1, d('2024-09-01')]]]]),
          input('b.xlsx', [['S', [HEAD, ['2025-01A', 'o', 1, d('2025-02-01')]]]]),
        ],
        { today: TODAY },
      );
      expect(reg.rows.map((r) => r.findings.map((f) => f.code))).toEqual([[], ['doublon'], [], ['doublon']]);
      expect(reg.rows[3].findings[0].message).toContain('du classeur « a.xlsx »');
    });

    test('the order of the files decides which row is first', () => {
      const a = input('a.xlsx', [['S', [HEAD, ['X', 'o', 1, d('2025-01-01')]]]]);
      const b = input('b.xlsx', [['S', [HEAD, ['X', 'o', 1, d('2025-01-01')]]]]);
      const reg = buildRegister([b, a], { today: TODAY });
      expect(reg.rows.map((r) => [r.source.file, r.hasError])).toEqual([
        ['b.xlsx', false],
        ['a.xlsx', true],
      ]);
    });

    test('rows without a readable date take no part; the first row is kept whatever it carries', () => {
      const head = [...HEAD, 'Code CPV'];
      const reg = buildRegister(
        [input('a.xlsx', [['S', [head, ['X', null, 1, d('2025-01-01'), 'x'], ['X', 'o', 1, 'plus tard', null], ['X', 'o', 1, d('2025-02-01'), null]]]])],
        { today: TODAY },
      );
      expect(reg.rows.map((r) => r.findings.map((f) => f.code))).toEqual([['objet-manquant', 'cpv-invalide'], ['date-invalide'], ['doublon']]);
    });
  });

  describe('warnings keep the row', () => {
    const w = (head: string[], cells: CellValue[]) => {
      const row = one(['A', 'o', 1000, d('2025-01-01'), ...cells], [...HEAD, ...head]);
      expect(row.hasError).toBe(false);
      return row.findings.map((f) => f.code);
    };
    test('siret-invalide: not 14 digits, Luhn failure; La Poste exception', () => {
      expect(w(['SIRET'], ['123'])).toEqual(['siret-invalide']);
      expect(w(['SIRET'], ['73282932000075'])).toEqual(['siret-invalide']);
      expect(w(['SIRET'], ['732 829 320 00074'])).toEqual([]);
      expect(w(['SIRET'], ['35600000000001'])).toEqual([]);
      expect(w(['SIRET'], ['35600000000000'])).toEqual(['siret-invalide']);
    });
    test('cpv-invalide', () => {
      expect(w(['Code CPV'], ['30192700-8'])).toEqual([]);
      expect(w(['Code CPV'], ['30192700'])).toEqual([]);
      expect(w(['Code CPV'], ['3019270'])).toEqual(['cpv-invalide']);
      expect(w(['Code CPV'], ['30192700-88'])).toEqual(['cpv-invalide']);
    });
    test('montants-ae-superieurs compares with the spend of the row (mandated when filled)', () => {
      const head = ['Dépenses mandatées HT (€)', 'Réemploi', 'Recyclé'];
      expect(w(head, [500, 300, 201])).toEqual(['montants-ae-superieurs']);
      expect(w(head, [500, 300, 200])).toEqual([]);
      expect(w(head, [null, 600, 401])).toEqual(['montants-ae-superieurs']);
    });
    test('gain-sans-negociation only when the negociation column is mapped', () => {
      expect(w(['Gain de négociation', 'Négociation menée'], [100, 'non'])).toEqual(['gain-sans-negociation']);
      expect(w(['Gain de négociation', 'Négociation menée'], [100, null])).toEqual(['gain-sans-negociation']);
      expect(w(['Gain de négociation', 'Négociation menée'], [100, 'oui'])).toEqual([]);
      expect(w(['Gain de négociation'], [100])).toEqual([]);
    });
    test('heures-sans-clause', () => {
      expect(w(["Heures d'insertion réalisées", 'Clause sociale'], [35, 'non'])).toEqual(['heures-sans-clause']);
      expect(w(["Heures d'insertion réalisées", 'Clause sociale'], [35, 'oui'])).toEqual([]);
      expect(w(["Heures d'insertion réalisées", 'Clause sociale', "Marché d'insertion"], [35, 'non', 'oui'])).toEqual([]);
    });
    test('delai-paiement-depasse above 30 days', () => {
      expect(w(['Délai de paiement'], [31])).toEqual(['delai-paiement-depasse']);
      expect(w(['Délai de paiement'], [30])).toEqual([]);
    });
    test('code-postal-invalide for France or empty country only', () => {
      expect(w(['Code postal'], ['5910'])).toEqual(['code-postal-invalide']);
      expect(w(['Code postal', 'Pays'], ['B-7500', 'Belgique'])).toEqual([]);
      expect(w(['Code postal', 'Pays'], ['7500', 'France'])).toEqual(['code-postal-invalide']);
      // The same notion of France as the geographic zone (regles §6).
      expect(w(['Code postal', 'Pays'], ['7500', 'France métropolitaine'])).toEqual(['code-postal-invalide']);
      expect(w(['Code postal', 'Pays'], ['7500', '  '])).toEqual(['code-postal-invalide']);
      expect(w(['Code postal'], [59100])).toEqual([]);
      expect(w(['Code postal'], [8000])).toEqual([]);
    });
  });
});

describe('considerations declared in columns (regles §4)', () => {
  test('sociale, environnementale and innovation with their sub-tags', () => {
    const head = [...HEAD, 'Clause sociale', 'Marché réservé', 'Critère environnemental', 'Marché innovant'];
    const reg = buildRegister(
      [input('a.xlsx', [['S', [head, ['A', 'o', 1, d('2025-01-01'), 'non', 'SIAE', 'oui', 'x'], ['B', 'o', 1, d('2025-01-01'), null, 'Non', null, null]]]])],
      { today: TODAY },
    );
    const [a, b] = reg.rows;
    expect([a.sociale, a.environnementale, a.innovation]).toEqual([true, true, true]);
    expect(a.tags.map((t) => `${t.etiquette}:${t.origine}`)).toEqual(['Marché réservé:déclaré', 'Critère environnemental:déclaré', 'Marché innovant:déclaré']);
    expect([b.sociale, b.environnementale, b.innovation]).toEqual([false, false, false]);
  });
});

describe('poleFromFile', () => {
  it('gives the Pôle in the composed form a cell holds, whatever form the file name has (macOS decomposes accents)', () => {
    expect(poleFromFile('Pôle Éducation.xlsx'.normalize('NFD'))).toBe('Pôle Éducation'.normalize('NFC'));
    expect(poleFromFile('Pôle Éducation.xlsx'.normalize('NFD')).length).toBe('Pôle Éducation'.length);
    expect(poleFromFile('dossier/Pôle A.xlsm')).toBe('Pôle A');
  });

  it('gives a result the add-in wrote (« … - SPASER.xlsx », once or more) the Pôle of the workbook it came from', () => {
    expect(poleFromFile('dossier/Pôle A - SPASER.xlsx')).toBe('Pôle A');
    expect(poleFromFile('Pôle A - SPASER - SPASER.xlsx')).toBe('Pôle A');
    expect(poleFromFile('Pôle A - spaser.xlsx')).toBe('Pôle A');
    // A browser's second download of the same result.
    expect(poleFromFile('Pôle A - SPASER (1).xlsx')).toBe('Pôle A');
    expect(poleFromFile('Pôle A (1).xlsx')).toBe('Pôle A (1)');
    // Only the suffix the add-in writes: other names ending in SPASER stay whole.
    expect(poleFromFile('Registre SPASER.xlsx')).toBe('Registre SPASER');
    expect(poleFromFile('Pôle A-SPASER.xlsx')).toBe('Pôle A-SPASER');
    // Nothing left but the suffix: the name is kept rather than an empty Pôle.
    expect(poleFromFile(' - SPASER.xlsx')).toBe(' - SPASER');
  });

  it('groups the rows of a Pôle workbook and of its result sent the next week under one Pôle', () => {
    const reg = buildRegister(
      [
        input('Pôle Culture.xlsx', [['S', [HEAD, ['A', 'o', 1, d('2025-01-01')]]]]),
        input('Pôle Sport - SPASER.xlsx', [['S', [HEAD, ['B', 'o', 1, d('2025-01-01')]]]]),
      ],
      { today: TODAY },
    );
    expect(reg.rows.map((r) => r.pole)).toEqual(['Pôle Culture', 'Pôle Sport']);
  });
});
