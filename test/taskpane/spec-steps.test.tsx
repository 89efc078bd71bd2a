/**
 * Spec audit of the pane's steps 1–4 (README « Dans Excel », steps Colonnes,
 * Contrôles, Étiquettes, Indicateurs; `regles.md` §1, §3, §4; spec README
 * « The people and their day »). One workbook with a title above the header,
 * two Pôles, an ambiguous and an unrecognised column, two errors of one code
 * and two suggestions from the wording. Expectations computed by hand.
 */
import './dom-setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import type { TagDecision } from '../../src/domain/state';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

const SHEET = 'Achats 2025';

/**
 * Header on row 3. Rows 4–10:
 *  4 2025-001 Solidarités 10 000 € clause sociale oui
 *  5 2025-002 Culture      2 000 € « papier recyclé » → suggestion Clause environnementale; réemploi 500
 *  6 2025-003 Culture      3 000 € « seconde main »   → suggestion Clause environnementale; réemploi 300
 *  7 2025-004 Culture      no objet (error)
 *  8 2025-005 Solidarités  no objet (error)
 *  9 2025-006 Solidarités  5 000 € SIRET of 13 digits (warning)
 * 10 2024-001 Culture     40 000 € clause sociale oui
 * 2025, rows kept (R = M): 001, 002, 003, 006 → 4 contracts.
 */
function pôlesSheet(): SheetGrid {
  const rows: CellValue[][] = [
    ['Suivi des achats 2025', null, null, null, null, null, null, null, null, null],
    ['Direction de la commande publique', null, null, null, null, null, null, null, null, null],
    ['N° de marché', 'Objet du marché', 'Montant notifié HT (€)', 'Date de notification', 'Pôle', 'Clause sociale', 'Clause environnementale', 'Réemploi / réutilisation', 'Visa DAF', 'SIRET'],
    ['2025-001', 'Nettoyage des écoles', 10000, d('2025-02-03'), 'Solidarités', 'oui', 'non', null, 'ok', null],
    ['2025-002', 'Ramettes de papier recyclé', 2000, d('2025-03-10'), 'Culture', 'non', 'non', 500, 'ok', null],
    ['2025-003', 'Mobilier de seconde main', 3000, d('2025-04-01'), 'Culture', 'non', 'non', 300, 'ok', null],
    ['2025-004', null, 4000, d('2025-04-15'), 'Culture', 'non', 'non', null, 'ok', null],
    ['2025-005', null, 1000, d('2025-05-01'), 'Solidarités', 'non', 'non', null, 'ok', null],
    ['2025-006', 'Maintenance informatique', 5000, d('2025-06-15'), 'Solidarités', 'non', 'non', null, 'ok', '1234567890123'],
    ['2024-001', 'Travaux de voirie', 40000, d('2024-05-01'), 'Culture', 'oui', 'non', null, 'ok', null],
  ];
  return grid(SHEET, rows);
}

const indicator = (id: string) => document.querySelector(`[data-indicateur="${id}"]`) as HTMLElement;
/** The value shown for an indicator (the element after its title). */
const shown = (id: string) => indicator(id)?.children[1]?.textContent?.replace(/\s/g, ' ');
const goto = (label: string) => fireEvent.click(screen.getByRole('button', { name: label }));
const selected = (el: HTMLElement) => (el as HTMLSelectElement).selectedOptions[0]?.textContent;

describe('step 1 Colonnes — sheet, header row, recognised, ambiguous and unrecognised columns', () => {
  it('shows the header row found below the titles and the column recognised for each field', async () => {
    render(<App host={fakeHost([pôlesSheet()])} today={TODAY} />);
    const section = await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    expect(within(section).getByText(/Registre des marchés — ligne d'en-tête 3/)).toBeInTheDocument();
    expect(selected(within(section).getByRole('combobox', { name: 'N° de marché (obligatoire)' }))).toBe('N° de marché');
    expect(selected(within(section).getByRole('combobox', { name: 'Montant notifié HT (€) (obligatoire)' }))).toBe('Montant notifié HT (€)');
    expect(selected(within(section).getByRole('combobox', { name: 'Pôle' }))).toBe('Pôle');
    expect(selected(within(section).getByRole('combobox', { name: 'Clause environnementale' }))).toBe('Clause environnementale');
  });

  it('lists the ambiguous column with its letter and the fields it could feed (as the command line does), and the unrecognised ones', async () => {
    render(<App host={fakeHost([pôlesSheet()])} today={TODAY} />);
    const section = await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    expect(within(section).getByText(/Colonnes ambiguës/)).toHaveTextContent(
      'Colonnes ambiguës, à choisir ci-dessus : « Réemploi / réutilisation » (colonne H : Dépenses issues du réemploi HT (€) ou Dépenses issues de la réutilisation HT (€))',
    );
    // The ambiguous column is not among the unused ones, and feeds no field.
    expect(within(section).getByText(/Colonnes non utilisées/)).toHaveTextContent(/^Colonnes non utilisées : « Visa DAF »$/);
  });

  it('choosing the ambiguous column for a field changes the indicators at once', async () => {
    render(<App host={fakeHost([pôlesSheet()])} today={TODAY} />);
    goto('4. Indicateurs');
    // Not mapped: the reemploi amount cannot be computed.
    await waitFor(() => expect(within(indicator('3.1.1-reemploi')).getByText('Non calculable', { selector: '.fui-Badge' })).toBeInTheDocument());
    expect(within(indicator('3.1.1-reemploi')).getByText(/^Motif : colonne .*Dépenses issues du réemploi HT \(€\).* absente$/)).toBeInTheDocument();
    goto('1. Colonnes');
    const section = await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    fireEvent.click(within(section).getByRole('button', { name: /Afficher tous les champs/ }));
    fireEvent.change(within(section).getByRole('combobox', { name: 'Dépenses issues du réemploi HT (€)' }), { target: { value: '8' } });
    await screen.findByText(/colonnes choisies par vous/);
    expect(screen.queryByText(/Colonnes ambiguës/)).toBeNull();
    goto('4. Indicateurs');
    // 2025 rows kept: 500 (2025-002) + 300 (2025-003).
    await waitFor(() => expect(indicator('3.1.1-reemploi')).toHaveTextContent(/800,00\s€/));
    expect(within(indicator('3.1.1-reemploi')).getByText('Calculé')).toBeInTheDocument();
    expect(within(indicator('3.1.1-reemploi')).queryByText(/^Motif : /)).toBeNull();
  });

  it('dropping the Pôle column changes the Pôles offered at once', async () => {
    render(<App host={fakeHost([pôlesSheet()], { name: 'Pôle Est.xlsx' })} today={TODAY} />);
    const section = await screen.findByRole('region', { name: `Feuille « ${SHEET} »` });
    fireEvent.change(within(section).getByRole('combobox', { name: 'Pôle' }), { target: { value: '' } });
    await screen.findByText(/colonnes choisies par vous/);
    goto('4. Indicateurs');
    const pole = (await screen.findByRole('combobox', { name: 'Pôle' })) as HTMLSelectElement;
    // Without the column, every row's Pôle is the file name without extension.
    await waitFor(() => expect(Array.from(pole.options).map((o) => o.textContent)).toEqual(['Toute la Ville', 'Pôle Est']));
  });
});

describe('step 2 Contrôles — grouped by code with counts; a click selects through the host', () => {
  it('puts the two findings of one code in one group, errors before warnings', async () => {
    render(<App host={fakeHost([pôlesSheet()])} today={TODAY} initialStep="controles" />);
    // 2 objet-manquant (rows 7, 8); warnings: 1 SIRET (row 9), 2 suggestions to confirm (rows 5, 6).
    expect(await screen.findByText(/2\serreurs \(2 lignes écartées des indicateurs\), 3 avertissements/)).toBeInTheDocument();
    const groups = screen.getAllByRole('button', { name: /— \d+\s(erreur|avertissement)/ }).map((b) => b.textContent);
    expect(groups).toEqual(['2Objet manquant — 2 erreurs', '1SIRET invalide — 1 avertissement', '2Étiquette suggérée à confirmer — 2 avertissements']);
  });

  it('a click on a cell finding selects that cell, on a row finding the whole row, through the host', async () => {
    const host = fakeHost([pôlesSheet()]);
    render(<App host={host} today={TODAY} initialStep="controles" />);
    fireEvent.click(await screen.findByRole('button', { name: /Objet manquant/ }));
    fireEvent.click(screen.getByRole('button', { name: `Feuille « ${SHEET} », cellule B8` }));
    fireEvent.click(screen.getByRole('button', { name: /Étiquette suggérée à confirmer/ }));
    fireEvent.click(screen.getByRole('button', { name: `Feuille « ${SHEET} », ligne 6` }));
    expect(host.selections).toEqual([
      { sheet: SHEET, address: 'B8' },
      { sheet: SHEET, address: '6:6' },
    ]);
  });
});

describe('step 3 Étiquettes — suggestions confirmed count, rejected ones disappear, decisions saved', () => {
  it('lists the considerations per contract, and the suggestions with their words', async () => {
    render(<App host={fakeHost([pôlesSheet()])} today={TODAY} initialStep="etiquettes" />);
    // Declared: 2025-001 and 2024-001 (clause sociale). Suggestions are shown on their contract but do not count yet.
    expect(await screen.findByText('Considération sociale : 2 marchés')).toBeInTheDocument();
    expect(screen.getByText('Considération environnementale : 0 marché')).toBeInTheDocument();
    const tagged = screen.getByRole('region', { name: 'Marchés étiquetés (4)' });
    expect(within(tagged).getAllByText('Clause sociale (déclaré)')).toHaveLength(2);
    expect(within(tagged).getAllByText('Clause environnementale (suggéré)')).toHaveLength(2);
    expect(within(tagged).getByText('2025-002')).toBeInTheDocument();
    expect(within(tagged).getByText('2025-003')).toBeInTheDocument();
    const region = screen.getByRole('region', { name: 'Suggestions à confirmer (2)' });
    // The words of the lexicon that triggered each one (`regles.md` §4).
    expect(within(region).getByText('Mots repérés : « recyclé »')).toBeInTheDocument();
    expect(within(region).getByText('Mots repérés : « seconde main »')).toBeInTheDocument();
  });

  it('a confirmed suggestion counts in the indicators, a rejected one does not, and both are saved on writing', async () => {
    const host = fakeHost([pôlesSheet()]);
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    // Before: AR = 2025-001 only (10 000 €); no environmental consideration among the 4 contracts.
    await waitFor(() => expect(indicator('1.1.2-montant-ar')).toHaveTextContent(/10\s000,00\s€/));
    expect(indicator('3.1.1-consideration-env')).toHaveTextContent(/0\s%/);

    goto('3. Étiquettes');
    fireEvent.click(await screen.findByRole('button', { name: 'Confirmer : Clause environnementale pour le marché 2025-002' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Rejeter : Clause environnementale pour le marché 2025-003' }));
    // The rejected suggestion disappears; the confirmed one stays, marked so, with nothing left to decide.
    const region = await screen.findByRole('region', { name: 'Suggestions à confirmer (0)' });
    expect(within(region).getByText('Confirmée')).toBeInTheDocument();
    expect(within(region).queryByText(/2025-003/)).toBeNull();
    expect(within(region).queryByText('Mots repérés : « seconde main »')).toBeNull();
    expect(screen.queryByRole('button', { name: /^(Confirmer|Rejeter) : / })).toBeNull();
    // The confirmed one is a counted tag of its contract; the rejected one is no tag at all.
    expect(screen.getByText('Considération environnementale : 1 marché')).toBeInTheDocument();
    const tagged = screen.getByRole('region', { name: 'Marchés étiquetés (3)' });
    expect(within(tagged).getByText('2025-002')).toBeInTheDocument();
    expect(within(tagged).getByText('Clause environnementale (confirmé)')).toBeInTheDocument();
    expect(within(tagged).queryByText('2025-003')).toBeNull();

    goto('4. Indicateurs');
    // AR: 10 000 + 2 000; env: 1 of 4 contracts (2025-003 rejected does not count).
    await waitFor(() => expect(indicator('1.1.2-montant-ar')).toHaveTextContent(/12\s000,00\s€/));
    expect(indicator('3.1.1-consideration-env')).toHaveTextContent(/25,0\s%/);

    // No suggestion left waiting: the warning group is gone from the controls.
    goto('2. Contrôles');
    await screen.findByText(/2\serreurs \(2 lignes écartées des indicateurs\), 1 avertissement/);
    expect(screen.queryByRole('button', { name: /Étiquette suggérée à confirmer/ })).toBeNull();

    goto('4. Indicateurs');
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites/);
    expect(host.writes).toHaveLength(1);
    const saved = host.writes[0].state.decisions.map((x) => [x.numero, x.consideration, x.etiquette, x.decision]);
    expect(saved).toEqual(
      expect.arrayContaining([
        ['2025-002', 'environnementale', 'Clause environnementale', 'confirmée'],
        ['2025-003', 'environnementale', 'Clause environnementale', 'rejetée'],
      ]),
    );
    expect(saved).toHaveLength(2);
  });
});

describe('an unreadable saved state', () => {
  it('is told in a warning above the steps', async () => {
    const host = fakeHost([pôlesSheet(), grid('SPASER État', [['{"version": 1, "mappi']])]);
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    expect(await screen.findByText(/La feuille « SPASER État » du classeur « Suivi\.xlsx » est illisible/)).toBeInTheDocument();
  });
});

describe('step 3 Étiquettes — a decision can be taken back', () => {
  it('a rejected suggestion is restored, a confirmed one undone: both wait again and stop counting', async () => {
    const host = fakeHost([pôlesSheet()]);
    render(<App host={host} today={TODAY} initialStep="etiquettes" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirmer : Clause environnementale pour le marché 2025-002' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Rejeter : Clause environnementale pour le marché 2025-003' }));
    const rejected = await screen.findByRole('region', { name: 'Suggestions rejetées (1)' });
    expect(within(rejected).getByText('2025-003 — Clause environnementale')).toBeInTheDocument();

    fireEvent.click(within(rejected).getByRole('button', { name: 'Rétablir : Clause environnementale pour le marché 2025-003' }));
    await screen.findByRole('button', { name: 'Rejeter : Clause environnementale pour le marché 2025-003' });
    expect(screen.queryByRole('region', { name: /Suggestions rejetées/ })).toBeNull();
    expect(screen.getByRole('region', { name: 'Suggestions à confirmer (1)' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Annuler la décision : Clause environnementale pour le marché 2025-002' }));
    await screen.findByRole('region', { name: 'Suggestions à confirmer (2)' });
    expect(screen.getByText('Considération environnementale : 0 marché')).toBeInTheDocument();

    goto('4. Indicateurs');
    await waitFor(() => expect(indicator('3.1.1-consideration-env')).toHaveTextContent(/0\s%/));
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites/);
    // Nothing left to save: a decision taken back is never written.
    expect(host.writes[0].state.decisions).toEqual([]);
  });

  it('takes back a rejection saved in the workbook by an earlier run', async () => {
    const host = fakeHost([pôlesSheet()]);
    const saved: TagDecision = { numero: '2025-003', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'rejetée' };
    host.inputs = [{ ...host.inputs[0], state: { version: 1, mappings: [], decisions: [saved] } }];
    render(<App host={host} today={TODAY} initialStep="etiquettes" />);
    const rejected = await screen.findByRole('region', { name: 'Suggestions rejetées (1)' });
    expect(screen.queryByRole('button', { name: 'Rejeter : Clause environnementale pour le marché 2025-003' })).toBeNull();
    fireEvent.click(within(rejected).getByRole('button', { name: 'Rétablir : Clause environnementale pour le marché 2025-003' }));
    await screen.findByRole('button', { name: 'Rejeter : Clause environnementale pour le marché 2025-003' });
    goto('4. Indicateurs');
    fireEvent.click(await screen.findByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites/);
    // The saved rejection is gone from the state written back.
    expect(host.writes[0].state.decisions).toEqual([]);
  });
});

describe('step 4 Indicateurs — exercice and Pôle change the values; statut and motif; writing through the host', () => {
  it('each Pôle shows its own value, computed on its own contracts', async () => {
    render(<App host={fakeHost([pôlesSheet()])} today={TODAY} initialStep="indicateurs" />);
    const pole = (await screen.findByRole('combobox', { name: 'Pôle' })) as HTMLSelectElement;
    expect(Array.from(pole.options).map((o) => o.textContent)).toEqual(['Toute la Ville', 'Culture', 'Solidarités']);
    await waitFor(() => expect(shown('1.1.2-montant-ar')).toBe('10 000,00 €'));
    // Social consideration: City 1 of 4 contracts.
    expect(shown('4.1.2-consideration-sociale')).toBe('25,0 %');
    fireEvent.change(pole, { target: { value: 'Culture' } });
    // Culture 2025 kept: 2025-002 and 2025-003, neither AR nor social.
    await waitFor(() => expect(shown('1.1.2-montant-ar')).toBe('0,00 €'));
    expect(shown('4.1.2-consideration-sociale')).toBe('0,0 %');
    fireEvent.change(pole, { target: { value: 'Solidarités' } });
    // Solidarités 2025 kept: 2025-001 (clause sociale) and 2025-006 → 1 of 2.
    await waitFor(() => expect(shown('1.1.2-montant-ar')).toBe('10 000,00 €'));
    expect(shown('4.1.2-consideration-sociale')).toBe('50,0 %');
    // The Pôle follows the exercice: 2024 Culture holds 2024-001 (40 000 €, clause sociale).
    fireEvent.change(pole, { target: { value: 'Culture' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Exercice' }), { target: { value: '2024' } });
    await waitFor(() => expect(shown('1.1.2-montant-ar')).toBe('40 000,00 €'));
    // Solidarités has no contract in 2024: said so, not « not broken down by Pôle ».
    fireEvent.change(pole, { target: { value: 'Solidarités' } });
    await waitFor(() => expect(shown('1.1.2-montant-ar')).toBe("Aucun marché de ce Pôle pour l'exercice"));
  });

  it('shows statut and motif of an indicator that cannot be computed, and no motif for a computed one', async () => {
    render(<App host={fakeHost([pôlesSheet()])} today={TODAY} initialStep="indicateurs" />);
    await waitFor(() => expect(indicator('4.2.1-insertion-nb')).toBeTruthy());
    const insertion = indicator('4.2.1-insertion-nb');
    expect(within(insertion).getByText('Non calculable', { selector: '.fui-Badge' })).toBeInTheDocument();
    // No column for `marcheInsertion` in the sheet: the motif names it.
    expect(within(insertion).getByText(/^Motif : colonne .*Marché d'insertion et de qualification.* absente$/)).toBeInTheDocument();
    const ar = indicator('1.1.2-montant-ar');
    expect(within(ar).getByText('Calculé')).toBeInTheDocument();
    expect(within(ar).queryByText(/^Motif : /)).toBeNull();
  });

  it('the write button hands the output of the chosen exercice to the host', async () => {
    const host = fakeHost([pôlesSheet()]);
    render(<App host={host} today={TODAY} initialStep="indicateurs" />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Exercice' }), { target: { value: '2024' } });
    await screen.findByText(/1 ligne retenue pour 2024/);
    fireEvent.click(screen.getByRole('button', { name: 'Écrire les feuilles et les graphiques' }));
    await screen.findByText(/Feuilles SPASER écrites dans le classeur/);
    expect(host.writes).toHaveLength(1);
    expect(host.writes[0].result.exercice).toBe(2024);
    const ar = host.writes[0].result.indicateurs.find((i) => i.id === '1.1.2-montant-ar');
    expect(ar?.valeur).toBe(40000);
  });
});
