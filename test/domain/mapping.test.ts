import type { CellValue, SheetGrid, TableArea } from '../../src/domain/cell';
import {
  ACTIONS_FIELDS,
  CIBLES_FIELDS,
  REGISTER_FIELDS,
  SHEET_KINDS,
  SUIVI_INSERTION_FIELDS,
  type FieldDef,
} from '../../src/domain/fields';
import {
  describeMissingRequired,
  detectSheet,
  findIncompleteRegisters,
  mapHeaderRow,
  missingRequiredFields,
  recogniseWorkbook,
  scoreHeader,
} from '../../src/domain/mapping';
import { normalizeHeader } from '../../src/domain/normalize';

const reg = (id: string): FieldDef => REGISTER_FIELDS.find((f) => f.id === id)!;
const score = (header: string, id: string, fields: readonly FieldDef[] = REGISTER_FIELDS) =>
  scoreHeader(normalizeHeader(header), fields.find((f) => f.id === id)!);

/** The field a header maps to on its own in a register row, or null. */
function alone(header: string, fields: readonly FieldDef[] = REGISTER_FIELDS): string | null {
  const m = mapHeaderRow([header], fields, 1);
  return m.columns.length === 1 ? m.columns[0].field : null;
}

function grid(name: string, rows: CellValue[][], extra: Partial<Omit<SheetGrid, 'name' | 'rows'>> = {}): SheetGrid {
  return { name, rows, firstRow: 1, firstCol: 1, tables: [], ...extra };
}

const REGISTER_HEADER = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire'];
const dataRow: CellValue[] = ['2024-001', 'Nettoyage', 1000, { date: '2024-03-01' }, 'ACME'];

describe('scoreHeader', () => {
  it('gives 1 for the label or a synonym, whatever the spelling', () => {
    expect(score('N° de marché', 'numero')).toBe(1);
    expect(score('NUMÉRO  DE\nMARCHÉ', 'numero')).toBe(1);
    expect(score('Montant notifié HT (€)', 'montant')).toBe(1);
    expect(score('Objet', 'objet')).toBe(1);
  });

  it('gives a high score for the same words in another order or with small words', () => {
    const s = score('HT montant notifié', 'montant');
    expect(s).toBeGreaterThanOrEqual(0.9);
    expect(s).toBeLessThan(1);
  });

  it('gives a lower score for a partial overlap, and prefers the specific field', () => {
    const s = score('Montant total notifié HT', 'montant');
    expect(s).toBeGreaterThan(0.6);
    expect(s).toBeLessThan(1);
    expect(score('Nb avenants de prolongation', 'nbAvenantsProlongation')).toBeGreaterThan(
      score('Nb avenants de prolongation', 'nbAvenants'),
    );
  });

  it('never maps a TTC header to an HT amount', () => {
    expect(score('Montant TTC', 'montant')).toBe(0);
    expect(score('Montant notifié (€ TTC)', 'montant')).toBe(0);
    expect(score('Mandaté TTC', 'montantMandate')).toBe(0);
    expect(score('Montant TTC', 'objet')).toBe(0);
  });

  it('gives 0 to unrelated headers and to generic words standing alone', () => {
    expect(score('Lot', 'numero')).toBe(0);
    expect(score('', 'numero')).toBe(0);
    expect(score('Heures', 'heuresInsertionPrevues')).toBe(0);
    expect(score('Heures', 'heuresInsertionRealisees')).toBe(0);
    expect(score('Date de début', 'dateNotification')).toBe(0);
    expect(score('Date', 'dateNotification')).toBe(0);
    expect(score('Type', 'nature')).toBe(0);
    expect(score('Date limite de remise des offres', 'offresRecues')).toBe(0);
  });
});

describe('mapHeaderRow, one header at a time', () => {
  it.each<[string, string]>([
    ['N° Marché', 'numero'],
    ['NUMERO DU MARCHE', 'numero'],
    ['Num. marché', 'numero'],
    ['Référence', 'numero'],
    ['Réf. marché', 'numero'],
    ['Intitulé', 'objet'],
    ['Objet de la consultation', 'objet'],
    ['Montant\nnotifié (€ HT)', 'montant'],
    ['Montant HT (en €)', 'montant'],
    ['Montant total notifié HT', 'montant'],
    ['Montant maximum HT', 'montant'],
    ['Montant mandaté HT', 'montantMandate'],
    ['Dépenses 2024', 'montantMandate'],
    ['Date notif.', 'dateNotification'],
    ['Notifié le', 'dateNotification'],
    ["Date d'attribution", 'dateNotification'],
    ['Date de notification du marché', 'dateNotification'],
    ["Nb d'avenants", 'nbAvenants'],
    ["Nb d'avenants de prolongation", 'nbAvenantsProlongation'],
    ['Nbre offres reçues', 'offresRecues'],
    ['Nombre de soumissionnaires', 'offresRecues'],
    ['Titulaire / Attributaire', 'titulaire'],
    ['Raison sociale du titulaire', 'titulaire'],
    ['CP', 'codePostalTitulaire'],
    ['Code postal', 'codePostalTitulaire'],
    ['N° SIRET', 'siret'],
    ['Ville', 'communeTitulaire'],
    ['Service', 'direction'],
    ['Direction / service', 'direction'],
    ['Mode de passation', 'procedure'],
    ['Catégorie (T/F/S)', 'nature'],
    ['Catégorie (TPE/PME)', 'categorieEntreprise'],
    ['Taille entreprise', 'categorieEntreprise'],
    ['Clause sociale (oui/non)', 'clauseSociale'],
    ['Clauses sociales', 'clauseSociale'],
    ["Heures d'insertion", 'heuresInsertionRealisees'],
    ['Heures insertion prévues', 'heuresInsertionPrevues'],
    ['Délai de paiement (jours)', 'delaiPaiement'],
    ['Durée (mois)', 'dureeMois'],
    ['UGAP', 'centraleAchat'],
    ['Observations', 'commentaires'],
    ['Sourcing / benchmark', 'sourcage'],
  ])('%j → %s', (header, field) => {
    expect(alone(header)).toBe(field);
  });

  // « Adresse du titulaire » maps to the commune since session 41 (recipe `territoire`): its last line is read.
  it.each(['Montant TTC', 'Montant (TTC)', 'Heures', 'Date de début', 'Date', 'Type', 'N°', 'Lot', 'Statut', 'Adresse e-mail du titulaire', 'Date limite de remise des offres'])(
    '%j maps to nothing in a register',
    (header) => {
      expect(alone(header)).toBeNull();
    },
  );

  it('maps companion headers with their own fields', () => {
    expect(alone('Heures', SUIVI_INSERTION_FIELDS)).toBe('heures');
    expect(alone('Date de début', SUIVI_INSERTION_FIELDS)).toBe('dateDebut');
    expect(alone('Ville', SUIVI_INSERTION_FIELDS)).toBe('communeResidence');
    expect(alone('Date', ACTIONS_FIELDS)).toBe('date');
    expect(alone('Type', ACTIONS_FIELDS)).toBe('typeAction');
    expect(alone('Objectif', CIBLES_FIELDS)).toBe('cible');
  });

  it('recognises every label and synonym of champs.md as its own field within its kind', () => {
    for (const kind of Object.values(SHEET_KINDS)) {
      const fields = kind.fields as readonly FieldDef[];
      for (const f of fields) for (const s of [f.label, ...f.synonyms]) expect([s, alone(s, fields)]).toEqual([s, f.id]);
    }
  });
});

describe('mapHeaderRow, a whole row', () => {
  it('maps columns in sheet coordinates and lists unmapped headers', () => {
    const m = mapHeaderRow([null, 'N° marché', 'Objet', 'Lot', 'Montant HT', null, 'Date notif'], REGISTER_FIELDS, 2);
    expect(m.columns).toEqual([
      { col: 3, header: 'N° marché', field: 'numero' },
      { col: 4, header: 'Objet', field: 'objet' },
      { col: 6, header: 'Montant HT', field: 'montant' },
      { col: 8, header: 'Date notif', field: 'dateNotification' },
    ]);
    expect(m.unmapped).toEqual([{ col: 5, header: 'Lot' }]);
    expect(m.ambiguous).toEqual([]);
  });

  it('gives a field to its best column, then to the leftmost', () => {
    const best = mapHeaderRow(['Montant total', 'Montant notifié HT'], REGISTER_FIELDS, 1);
    expect(best.columns).toEqual([{ col: 2, header: 'Montant notifié HT', field: 'montant' }]);
    expect(best.unmapped).toEqual([{ col: 1, header: 'Montant total' }]);
    const leftmost = mapHeaderRow(['Montant HT', 'Montant notifié'], REGISTER_FIELDS, 1);
    expect(leftmost.columns).toEqual([{ col: 1, header: 'Montant HT', field: 'montant' }]);
  });

  it('does not map a repeated merged header twice', () => {
    const m = mapHeaderRow(['Montant notifié HT', 'Montant notifié HT', 'Objet'], REGISTER_FIELDS, 1);
    expect(m.columns.map((c) => [c.col, c.field])).toEqual([
      [1, 'montant'],
      [3, 'objet'],
    ]);
    expect(m.unmapped).toEqual([{ col: 2, header: 'Montant notifié HT' }]);
  });

  it('reports a header mapping equally well to two fields as ambiguous and leaves it unmapped', () => {
    const fields: FieldDef[] = [
      { id: 'a', label: 'Date A', type: 'date', synonyms: ['date de visite'], group: 'g' },
      { id: 'b', label: 'Date B', type: 'date', synonyms: ['date de visite'], group: 'g' },
    ];
    const m = mapHeaderRow(['Date de visite'], fields, 1);
    expect(m.columns).toEqual([]);
    expect(m.ambiguous).toEqual([{ col: 1, header: 'Date de visite', fields: ['a', 'b'] }]);
  });

  it('accepts numbers as headers and shows headers with collapsed line breaks', () => {
    const m = mapHeaderRow([2024 as unknown as string, 'Montant\nnotifié'], REGISTER_FIELDS, 1);
    expect(m.columns).toEqual([{ col: 2, header: 'Montant notifié', field: 'montant' }]);
    expect(m.unmapped).toEqual([{ col: 1, header: '2024' }]);
  });
});

describe('detectSheet', () => {
  it('finds the header below title rows, with an empty first column', () => {
    const g = grid('Suivi 2024', [
      [null, 'Suivi des marchés 2024 — Pôle Ressources'],
      [null, 'Mis à jour le 01/02/2025'],
      [],
      [null, ...REGISTER_HEADER],
      [null, ...dataRow],
    ]);
    const [m] = detectSheet('pole.xlsx', g);
    expect(m).toMatchObject({ file: 'pole.xlsx', sheet: 'Suivi 2024', kind: 'registre', headerRow: 4, explicit: false });
    expect(m.columns.map((c) => [c.col, c.field])).toEqual([
      [2, 'numero'],
      [3, 'objet'],
      [4, 'montant'],
      [5, 'dateNotification'],
      [6, 'titulaire'],
    ]);
  });

  it('uses sheet coordinates when the grid starts below and right of A1', () => {
    const g = grid('Marchés', [['Registre'], REGISTER_HEADER, dataRow], { firstRow: 3, firstCol: 2 });
    const [m] = detectSheet('f.xlsx', g);
    expect(m.headerRow).toBe(4);
    expect(m.columns[0]).toEqual({ col: 2, header: 'N° de marché', field: 'numero' });
  });

  it('prefers the header row of an Excel table', () => {
    const rows: CellValue[][] = [
      ['N° marché', 'Objet', 'Montant', 'Date notif'], // looks like a header, but the table says otherwise
      [],
      ['Légende', null, null, null, null],
      REGISTER_HEADER,
      dataRow,
    ];
    const table: TableArea = { name: 'Tableau1', headerRow: 4, firstCol: 1, lastCol: 5, lastRow: 5 };
    expect(detectSheet('f.xlsx', grid('Feuil1', rows))[0].headerRow).toBe(1);
    expect(detectSheet('f.xlsx', grid('Feuil1', rows, { tables: [table] }))[0].headerRow).toBe(4);
  });

  it('only looks at the first 20 rows', () => {
    const filler: CellValue[][] = Array.from({ length: 20 }, (_, i) => [`note ${i}`]);
    expect(detectSheet('f.xlsx', grid('Feuil1', [...filler, REGISTER_HEADER, dataRow]))).toEqual([]);
    expect(detectSheet('f.xlsx', grid('Feuil1', [...filler.slice(1), REGISTER_HEADER, dataRow]))[0].headerRow).toBe(20);
  });

  it('recognises a Suivi insertion sheet', () => {
    const g = grid('Facilitateur', [
      ['N° marché', 'Identifiant bénéficiaire', 'Sexe', 'Commune de résidence', 'QPV', 'Type de contrat', 'Heures', 'Date de début'],
      ['2024-001', 'B-17', 'F', 'Roubaix', 'oui', 'CDDI', 350, { date: '2024-04-02' }],
    ]);
    const [m] = detectSheet('f.xlsx', g);
    expect(m.kind).toBe('suiviInsertion');
    expect(m.columns.map((c) => c.field)).toEqual(['numero', 'beneficiaire', 'sexe', 'communeResidence', 'qpv', 'typeContrat', 'heures', 'dateDebut']);
  });

  it('recognises Cibles, Saisies and Actions sheets', () => {
    const cibles = grid('Objectifs COPIL', [['Indicateur', 'Année', 'Cible', 'Sens'], ['2.1.1', 2025, 30, '≥']]);
    expect(detectSheet('f.xlsx', cibles)[0].kind).toBe('cibles');
    const saisies = grid('Valeurs', [['Indicateur', 'Année', 'Valeur', 'Source'], ['3.2.1', 2024, 12, 'RH']]);
    expect(detectSheet('f.xlsx', saisies)[0].kind).toBe('saisies');
    const actions = grid('Sensibilisation', [['Date', 'Type', 'Intitulé', 'Participants'], [{ date: '2024-05-02' }, 'Formation', 'Achats durables', 12]]);
    expect(detectSheet('f.xlsx', actions)[0].kind).toBe('actions');
  });

  it('does not take a register missing a required column, nor call it a companion sheet', () => {
    const g = grid('Marchés', [['N° de marché', 'Objet', 'Date', 'Type', 'Titulaire', 'Montant TTC'], ['1', 'x', { date: '2024-01-01' }, 'T', 'A', 5]]);
    expect(detectSheet('f.xlsx', g)).toEqual([]);
    const [incomplete] = findIncompleteRegisters('f.xlsx', [g]);
    expect(incomplete).toMatchObject({ sheet: 'Marchés', kind: 'registre', headerRow: 1 });
    expect(missingRequiredFields(incomplete)).toEqual(['montant', 'dateNotification']);
    expect(describeMissingRequired(incomplete)).toBe(
      'Colonnes obligatoires introuvables dans la feuille « Marchés » (en-tête ligne 1) : « Montant notifié HT (€) », « Date de notification ».',
    );
  });

  it('skips SPASER sheets and sheets without a header', () => {
    expect(detectSheet('f.xlsx', grid('SPASER Registre', [REGISTER_HEADER, dataRow]))).toEqual([]);
    expect(detectSheet('f.xlsx', grid('Notes', [['Bonjour'], ['Objet', 'Montant']]))).toEqual([]);
    expect(detectSheet('f.xlsx', grid('Vide', []))).toEqual([]);
  });

  it('applies an override by header text, by column letter, and to unmap', () => {
    const g = grid('Feuil1', [['Réf', 'Objet', 'Montant HT', 'Date notif', 'Montant TTC', 'Commentaires']]);
    expect(detectSheet('f.xlsx', g)).toEqual([]);
    const [m] = detectSheet('f.xlsx', g, [{ sheet: 'feuil1', columns: { 'réf': 'numero', F: null, E: 'montantMandate' } }]);
    expect(m.explicit).toBe(true);
    expect(m.kind).toBe('registre');
    expect(m.columns.map((c) => [c.col, c.field])).toEqual([
      [1, 'numero'],
      [2, 'objet'],
      [3, 'montant'],
      [4, 'dateNotification'],
      [5, 'montantMandate'],
    ]);
    expect(m.unmapped).toEqual([{ col: 6, header: 'Commentaires', aside: true }]);
  });

  it('moves a field named by an override away from its automatic column', () => {
    const g = grid('Feuil1', [[...REGISTER_HEADER, 'Montant notifié']]);
    const [m] = detectSheet('f.xlsx', g, [{ sheet: 'Feuil1', columns: { 'Montant notifié': 'montant' } }]);
    expect(m.columns.filter((c) => c.field === 'montant')).toEqual([{ col: 6, header: 'Montant notifié', field: 'montant' }]);
    expect(m.unmapped).toEqual([{ col: 3, header: 'Montant HT' }]);
  });

  it('fixes the header row from an override, and only for the matching file', () => {
    const rows: CellValue[][] = [REGISTER_HEADER, dataRow, REGISTER_HEADER];
    expect(detectSheet('a.xlsx', grid('S', rows), [{ sheet: 'S', headerRow: 3, columns: {} }])[0].headerRow).toBe(3);
    const other = detectSheet('a.xlsx', grid('S', rows), [{ file: 'b.xlsx', sheet: 'S', headerRow: 3, columns: {} }])[0];
    expect(other.headerRow).toBe(1);
    expect(other.explicit).toBe(false);
  });
});

describe('recogniseWorkbook', () => {
  it('recognises every sheet in order', () => {
    const ms = recogniseWorkbook('pole.xlsx', [
      grid('2023', [REGISTER_HEADER, dataRow]),
      grid('SPASER Indicateurs', [REGISTER_HEADER]),
      grid('Notes', [['rien']]),
      grid('Cibles', [['Indicateur', 'Année', 'Cible']]),
      grid('2024', [['Titre'], REGISTER_HEADER, dataRow]),
    ]);
    expect(ms.map((m) => [m.sheet, m.kind, m.headerRow])).toEqual([
      ['2023', 'registre', 1],
      ['Cibles', 'cibles', 1],
      ['2024', 'registre', 2],
    ]);
  });
});

it('uses the shared field definitions (sanity)', () => {
  expect(reg('montant').type).toBe('montant');
});
