/**
 * Registers of framework agreements (accords-cadres), found by the blind recipe « accords-cadres »
 * (session 40): each case failed before its fix.
 * - « Titulaire(s) », the header of a multi-attributaire register, named no field: its suppliers were
 *   lost to every supplier breakdown (a row with an invalid SIRET then had no supplier at all).
 * - « Maxi : 500 000 € HT » or « 300 000 € (estimation) » typed as an agreement's amount was unreadable,
 *   the agreement out of every indicator, although `montant` is the maximum or the estimate (champs.md
 *   « montant maximum HT », « montant estimé HT »).
 */
import { runChain } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { REGISTER_FIELDS, registerField } from '../../src/domain/fields';
import { mapHeaderRow } from '../../src/domain/mapping';
import { readField } from '../../src/domain/read-cell';
import { frenchMessage } from '../../src/domain/validation';
import { grid, d } from '../helpers/grid';

/** [header, field] of each mapped column, left to right. */
function mapped(headers: string[]): [string, string][] {
  return [...mapHeaderRow(headers, REGISTER_FIELDS, 1).columns].sort((a, b) => a.col - b.col).map((c) => [headers[c.col - 1], c.field]);
}

describe('an optional plural « (s) » is no word of the header', () => {
  it('« Titulaire(s) », « Attributaire(s) », « Titulaire (s) » are the titulaire', () => {
    for (const h of ['Titulaire(s)', 'Titulaire (s)', 'Attributaire(s)', 'Fournisseur(s)', 'Entreprise(s) titulaire(s)']) {
      expect([h, mapped([h])]).toEqual([h, [[h, 'titulaire']]]);
    }
  });

  it('in a whole register header, beside the SIRET and the commune', () => {
    expect(mapped(['Référence', 'Objet', 'Titulaire(s)', 'N° SIRET', 'Ville', 'Montant(s) HT', 'Avenant(s)'])).toEqual([
      ['Référence', 'numero'],
      ['Objet', 'objet'],
      ['Titulaire(s)', 'titulaire'],
      ['N° SIRET', 'siret'],
      ['Ville', 'communeTitulaire'],
      ['Montant(s) HT', 'montant'],
      ['Avenant(s)', 'nbAvenants'],
    ]);
  });
});

describe('an agreement’s amount typed with its label: « Maxi : … », « … (estimation) »', () => {
  const montant = registerField('montant');
  const read = (cell: CellValue) => readField(montant, cell);

  it('the maximum or the estimate is the amount', () => {
    const cases: [string, number][] = [
      ['Maxi : 500 000 € HT', 500000],
      ['Maxi\u00a0: 500\u00a0000 € HT', 500000],
      ['maxi 120 000', 120000],
      ['Max. 80 000 €', 80000],
      ['Montant maximum : 1 200 000,00 € HT', 1200000],
      ['Maximum 45 000', 45000],
      ['300 000 € (estimation)', 300000],
      ['300 000 € HT (estimé)', 300000],
      ['Estimation : 75 000 €', 75000],
      ['Montant estimé : 75 000 € HT', 75000],
      ['60 000 (montant estimatif)', 60000],
    ];
    for (const [text, n] of cases) expect([text, read(text)]).toEqual([text, { kind: 'value', value: n }]);
  });

  it('no number, the minimum, two amounts, or another word: still unreadable', () => {
    for (const text of ['sans minimum ni maximum', 'Mini : 20 000 €', 'mini 20 000 / maxi 120 000', 'Maxi : non défini', 'environ 300 000 €', 'Maxi : -5 000', 'Maxi : 200 k€']) {
      expect([text, read(text).kind]).toEqual([text, 'invalid']);
    }
  });

  it('only the notified amount reads the label: a spend typed « Maxi : 5 000 » stays unreadable', () => {
    expect(readField(registerField('montantMandate'), 'Maxi : 5 000').kind).toBe('invalid');
  });

  it('through the chain: the agreements are contracts with their maximum or estimate; « Mini : … » is montant-invalide', () => {
    const rows: CellValue[][] = [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['AC-1', 'Accord-cadre de fournitures', 'Maxi : 500 000 € HT', d('2025-02-10')],
      ['AC-2', 'Accord-cadre de nettoyage', '300 000 € (estimation)', d('2025-03-03')],
      ['AC-3', 'Accord-cadre de maintenance', 'Mini : 20 000 €', d('2025-04-07')],
      ['AC-4', 'Accord-cadre de travaux', 'sans minimum ni maximum', d('2025-05-07')],
      ['M-5', 'Marché de conseil', 'à définir', d('2025-05-07')],
    ];
    const out = runChain([{ file: 'AC.xlsx', sheets: [grid('AC', rows)], state: null }], { today: '2026-01-15', writesCharts: false });
    expect(out.result.lignes).toEqual({ lues: 5, exercice: 2, erreurs: 3, avertissements: 0 });
    expect(out.result.controles.map((c) => [c.ligne, c.code])).toEqual([[4, 'montant-invalide'], [5, 'montant-invalide'], [6, 'montant-invalide']]);
    // an agreement's minimum, or no amount at all: the message says which amount the column takes
    const message = (row: number) => out.result.controles.find((c) => c.ligne === row)!.message.replace(/[\u00a0\u202f]/g, ' ');
    for (const [row, text] of [[4, 'Mini : 20 000 €'], [5, 'sans minimum ni maximum']] as const) {
      expect(message(row)).toBe(
        `Ligne ${row}, colonne « Montant HT » : le montant « ${text} » n'est pas un montant positif lisible. Pour un accord-cadre, saisissez son montant maximum en euros, ou son montant estimé s'il n'a pas de maximum (par exemple 500 000).`,
      );
    }
    expect(message(6)).toMatch(/Saisissez un montant en euros \(par exemple 12 500,00\)\.$/);
  });

  it('under a header in k€, the agreement amount to type is said in the column\'s unit', () => {
    const rows: CellValue[][] = [
      ['N° marché', 'Objet', 'Montant HT (k€)', 'Date de notification'],
      ['AC-4', 'Accord-cadre de travaux', 'sans minimum ni maximum', d('2025-05-07')],
    ];
    const out = runChain([{ file: 'AC.xlsx', sheets: [grid('AC', rows)], state: null }], { today: '2026-01-15', writesCharts: false });
    const [control] = out.result.controles;
    // 500 000 typed as told would read 500 million euros in this column.
    expect(control.message.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      "saisissez son montant maximum en milliers d'euros (l'unité de la colonne), ou son montant estimé s'il n'a pas de maximum (par exemple 500).",
    );
  });
});

describe('a multi-attributaire agreement’s SIRETs listed in one cell', () => {
  const SOURCE = { file: 'Pôle Ressources.xlsx', sheet: 'AC 2025', row: 4 };
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

  it('siret-invalide says the cell holds several SIRETs, not that it lacks digits', () => {
    for (const [cell, n] of [
      ['41234567000019 / 52345678000023 / 63456789000039', 3],
      ['59012345000090 ; 60123456000014', 2],
      ['412 345 670 00019, 523 456 780 00023', 2],
      ['41234567000019\n52345678000023', 2],
    ] as const) {
      const message = plain(frenchMessage('siret-invalide', SOURCE, 'SIRET', cell));
      expect([cell, message]).toEqual([
        cell,
        `Ligne 4, colonne « SIRET » : le SIRET « ${cell} » porte ${n} numéros de 14 chiffres, un par titulaire sans doute : la colonne n'en prend qu'un par ligne. Le fournisseur de cette ligne est donc compté par le nom du titulaire ; s'il n'y a qu'un titulaire, gardez son seul SIRET.`,
      ]);
    }
  });

  it('a single SIRET too short, or a list with a short one, still « n’a pas 14 chiffres »', () => {
    for (const cell of ['1234567890123', '41234567000019 / 5234567800002']) {
      expect(plain(frenchMessage('siret-invalide', SOURCE, 'SIRET', cell))).toContain(`le SIRET « ${cell} » n'a pas 14 chiffres.`);
    }
  });
});

describe('a doublon whose objet says it is a marché subséquent or a bon de commande typed under its agreement’s numero', () => {
  const rows: CellValue[][] = [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['AC-2025-01', 'Accord-cadre de fournitures de bureau', 500000, d('2025-02-10')], // r2
    ['AC-2025-01', 'MS n°3 — cartouches d’encre', 18000, d('2025-09-15')], // r3
    ['AC-2025-01', 'Marché subséquent relatif au papier', 9000, d('2025-10-15')], // r4
    ['AC-2025-02', 'Accord-cadre à bons de commande — vitres', 300000, d('2025-03-03')], // r5
    [' AC-2025-02', 'BC n° 12 — vitres des écoles', 8400, d('2025-03-20')], // r6
    ['AC-2025-02', 'Bon de commande de janvier', 3000, d('2025-01-20')], // r7
    ['AC-2025-02', 'Accord-cadre à bons de commande — vitres (copie)', 300000, d('2025-03-03')], // r8: no order
    ['M-3', 'Nettoyage', 1000, d('2025-03-03')], // r9
    ['M-3', 'Nettoyage', 1200, d('2025-04-03')], // r10: a plain conflict
    ['M-4', 'Licences MS Office', 1000, d('2025-03-03')], // r11
    ['M-4', 'Licences MS Office et BC Desk', 1200, d('2025-04-03')], // r12: initials without a number name nothing
  ];
  const out = runChain([{ file: 'AC.xlsx', sheets: [grid('AC', rows)], state: null }], { today: '2026-01-15', writesCharts: false });
  const message = (row: number) => out.result.controles.find((c) => c.ligne === row && c.code === 'doublon')!.message.replace(/[\u00a0\u202f]/g, ' ');
  const MS = " L'objet dit un marché subséquent, saisi sous le numéro de son accord-cadre : donnez-lui son propre numéro";
  const BC = " L'objet dit un bon de commande, saisi sous le numéro de son accord-cadre : donnez-lui son propre numéro";

  it('the message says what the row is and proposes a numero', () => {
    expect(message(3).endsWith(`${MS} (par exemple « AC-2025-01-MS3 ») pour qu'il compte comme un marché.`)).toBe(true);
    expect(message(4).endsWith(`${MS} pour qu'il compte comme un marché.`)).toBe(true);
    const bc = " pour qu'il compte comme un marché, ou laissez-le écarté si sa dépense est déjà comptée dans celle de l'accord-cadre.";
    expect(message(6).endsWith(`${BC} (par exemple « AC-2025-02-BC12 »)${bc}`)).toBe(true);
    expect(message(7).endsWith(`${BC}${bc}`)).toBe(true);
  });

  it('nothing is said when the objet names the agreement itself, or no part of it', () => {
    for (const row of [8, 10, 12]) expect([row, message(row)]).toEqual([row, expect.not.stringMatching(/L'objet dit/)]);
  });
});
