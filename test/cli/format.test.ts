import { parseArgs } from '../../src/cli/args';
import { countByCode, formatIndicatorValue, formatNumber, formatSummary, formatValue } from '../../src/cli/format';
import { createProgress } from '../../src/cli/progress';
import type { SpaserResult } from '../../src/domain/model';
import { indicator } from '../helpers/indicator';

describe('French numbers', () => {
  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatNumber(12345, 2)).toBe('12 345,00');
    expect(formatNumber(1234567.891, 2)).toBe('1 234 567,89');
    expect(formatNumber(999, 0)).toBe('999');
    expect(formatNumber(-1500.5, 1)).toBe('-1 500,5');
    expect(formatNumber(-0.001, 1)).toBe('0,0');
  });
  it('adds the unit', () => {
    expect(formatValue(37.5, '%')).toBe('37,5 %');
    expect(formatValue(100 / 3, '%')).toBe('33,3 %');
    expect(formatValue(12345, '€')).toBe('12 345,00 €');
    expect(formatValue(28.44, 'jours')).toBe('28,4 jours');
    // French singular below 2, judged on the number shown.
    expect(formatValue(1, 'jours')).toBe('1,0 jour');
    expect(formatValue(0.5, 'jours')).toBe('0,5 jour');
    expect(formatValue(1.96, 'jours')).toBe('2,0 jours');
    expect(formatValue(-1.2, 'jours')).toBe('-1,2 jour');
    // 1,95 is shown « 2,0 » as Excel rounds it (the double just below 1.95 does not matter), so plural;
    // 1,94 is « 1,9 », singular (the plural follows what is shown).
    expect(formatValue(1.95, 'jours')).toBe('2,0 jours');
    expect(formatValue(1.94, 'jours')).toBe('1,9 jour');
    expect(formatValue(1234, 'nombre')).toBe('1 234');
    expect(formatValue(2.567, 'nombre')).toBe('2,6');
  });
});


describe('indicator values', () => {
  it('non calculable shows its motif', () => {
    expect(formatIndicatorValue(indicator({ statut: 'non calculable', valeur: null, motif: 'colonne Marché programmé absente' }))).toBe(
      'non calculable : colonne Marché programmé absente',
    );
  });
  it('supplier breakdowns show both shares', () => {
    const text = formatIndicatorValue(
      indicator({ valeur: null, repartition: { Roubaix: { fournisseurs: 25, depense: 12.34 }, Inconnue: { fournisseurs: 75, depense: 87.66 } } }),
    );
    // Worded as the pane words it (session 26 fronts review: « fournisseurs / dépense : Roubaix 25,0 % / … » here).
    expect(text).toBe('Roubaix : 25,0 % des fournisseurs, 12,3 % de la dépense ; Inconnue : 75,0 % des fournisseurs, 87,7 % de la dépense');
  });
  it('count breakdowns follow the total', () => {
    expect(formatIndicatorValue(indicator({ unite: 'nombre', valeur: 5, repartition: { CDDI: 3, CDI: 2 } }))).toBe('5 (CDI : 2 ; CDDI : 3)');
  });
  it('N−1, target and manual value', () => {
    expect(
      formatIndicatorValue(indicator({ statut: 'saisi', valeur: 40, n1: 30, cible: { valeur: 35, sens: '≥', atteinte: true } })),
    ).toBe('40,0 % (saisi) — N−1 : 30,0 % (évolution : +10,0 points) — cible ≥ 35,0 %, atteinte');
  });
});

describe('summary', () => {
  const result: SpaserResult = {
    exercice: 2025,
    depense: 'montant',
    lignes: { lues: 1200, exercice: 1000, erreurs: 3, avertissements: 2 },
    indicateurs: [
      indicator({ id: '1.1.2-montant-ar', libelle: 'Montant AR', unite: '€', valeur: 12345 }),
      indicator({ id: '4.1.2-consideration-sociale', axe: 4, libelle: 'Part sociale', valeur: 37.5 }),
    ],
    controles: [
      { gravite: 'erreur', code: 'doublon', message: 'm', feuille: 'f', ligne: 2, colonne: null, source: 's' },
      { gravite: 'erreur', code: 'doublon', message: 'm', feuille: 'f', ligne: 3, colonne: null, source: 's' },
      { gravite: 'erreur', code: 'date-invalide', message: 'm', feuille: 'f', ligne: 4, colonne: null, source: 's' },
      { gravite: 'avertissement', code: 'siret-invalide', message: 'm', feuille: 'f', ligne: 5, colonne: null, source: 's' },
    ],
    suggestions: [{ numero: '1', consideration: 'sociale', etiquette: 'Clause sociale', declencheur: 'clause sociale', decision: null }],
  };
  const text = formatSummary(result, { inputs: ['a.xlsx', 'b.xlsx'], output: '/tmp/Consolidation SPASER 2025.xlsx' });
  it('has the rows, the axes, the indicators and the controls by code', () => {
    expect(text).toContain('Registre SPASER — exercice 2025');
    expect(text).toContain('Classeurs : a.xlsx, b.xlsx');
    // Rows and findings told apart (session 26 fronts review: « 0 avec avertissement » beside « 2 avertissements »).
    expect(text).toContain("Lignes : 1 200 lues, dont 3 en erreur (tous exercices) ; 1 000 de l'exercice sans erreur, dont 2 avec avertissement");
    expect(text).toContain('Axe 1 — gouvernance du schéma\n  1.1.2-montant-ar  Montant AR : 12 345,00 €');
    expect(text).toContain('Axe 4 — transformation sociale\n  4.1.2-consideration-sociale  Part sociale : 37,5 %');
    expect(text).toContain('Contrôles (constats sur toutes les lignes lues) : 3 erreurs, 1 avertissement');
    // In the order of the pane's groups (the catalogue's), not by frequency.
    expect(text).toContain('Erreurs : Date de notification invalide (date-invalide) 1, Marché en double (doublon) 2');
    expect(text).toContain('Avertissements : SIRET invalide (siret-invalide) 1');
    expect(text).toContain("Suggestions d'étiquettes : 1, dont 1 à confirmer");
    expect(text).toContain('Classeur écrit : /tmp/Consolidation SPASER 2025.xlsx');
  });
  // Session 38: a one-row register printed « Lignes : 1 lues » (README « En ligne de commande » quotes the plural).
  it('says « 1 lue » for a single row read, in French agreement', () => {
    const one = formatSummary({ ...result, lignes: { lues: 1, exercice: 1, erreurs: 0, avertissements: 0 } }, { inputs: ['a.xlsx'], output: null });
    expect(one).toContain("Lignes : 1 lue, dont 0 en erreur (tous exercices) ; 1 de l'exercice sans erreur, dont 0 avec avertissement");
  });
  it("countByCode follows the pane's groups: errors then warnings in the catalogue's order, unknown codes after by code", () => {
    expect(countByCode(['b', 'siret-invalide', 'a', 'doublon', 'doublon', 'numero-manquant'])).toBe(
      'N° de marché manquant (numero-manquant) 1, Marché en double (doublon) 2, SIRET invalide (siret-invalide) 1, a 1, b 1',
    );
  });
  it('countByCode names each code of regles.md §3 in French, the code beside it', () => {
    expect(countByCode(['delai-paiement-depasse', 'doublon', 'delai-paiement-depasse'])).toBe(
      'Marché en double (doublon) 1, Délai de paiement supérieur à 30\u00a0jours (delai-paiement-depasse) 2',
    );
  });
});

describe('arguments', () => {
  it('reads files and options in any order', () => {
    expect(parseArgs(['calculer', 'a.xlsx', '--json', '--exercice', '2024', 'b.xlsx', '--sortie=c.xlsx'])).toEqual({
      kind: 'run',
      args: { command: 'calculer', files: ['a.xlsx', 'b.xlsx'], exercice: 2024, sortie: 'c.xlsx', json: true, withoutFields: [], headerPlaces: [] },
    });
  });
  it('-- ends the options (a file named like an option)', () => {
    const p = parseArgs(['calculer', '--', '--json.xlsx']);
    expect(p.kind === 'run' && p.args.files).toEqual(['--json.xlsx']);
  });
  it('rejects years out of range', () => {
    expect(parseArgs(['calculer', 'a.xlsx', '--exercice', '1999']).kind).toBe('error');
    expect(parseArgs(['calculer', 'a.xlsx', '--exercice', '2025x']).kind).toBe('error');
  });
});

describe('progress', () => {
  it('off a terminal: one line per step, then at most one per interval', () => {
    let out = '';
    let t = 0;
    const p = createProgress({ write: (s: string) => (out += s), isTTY: false }, { now: () => t, plainIntervalMs: 3000 });
    p.report('lecture', 0, 4);
    t = 1000;
    p.report('lecture', 1, 4); // too soon: dropped
    t = 3500;
    p.report('lecture', 2, 4);
    t = 3600;
    p.report('calcul', 0, 1); // new step: shown
    expect(out).toBe('Lecture des classeurs (4 classeurs)…\nLecture des classeurs : 2 classeurs sur 4\nCalcul des indicateurs…\n');
    expect(out).not.toContain('\r');
  });
  it('off a terminal: a step that starts part-way opens with its total, never with a count', () => {
    let out = '';
    const p = createProgress({ write: (s: string) => (out += s), isTTY: false }, { now: () => 0 });
    p.report('contrôles', 1, 9);
    p.report('contrôles', 9, 9); // same step, too soon: dropped
    p.report('colonnes', 0, 1);
    expect(out).toBe('Contrôle des lignes (9 feuilles)…\nReconnaissance des colonnes…\n');
  });
  it('on a terminal: one updating line, cleared at the end', () => {
    let out = '';
    const p = createProgress({ write: (s: string) => (out += s), isTTY: true }, { now: () => 0 });
    p.report('contrôles', 1, 3);
    p.report('contrôles', 2, 3); // throttled
    p.report('contrôles', 3, 3); // last one always drawn
    p.end();
    expect(out).toBe('\r\x1b[KContrôle des lignes : 1 feuille sur 3\r\x1b[KContrôle des lignes : 3 feuilles sur 3\r\x1b[K');
    expect(out).not.toContain('\n');
  });
});
