/**
 * A column chosen by hand whose header was renamed since (session-23 review of the weekly
 * journey: « Jours pour payer » chosen for the payment delay, then renamed « Jours pour payer
 * (moyenne) »): the choice names no column any more. It used to be dropped without a word while the
 * pane still said « colonnes choisies par vous », and 2.1.5 became non calculable. Now the mapping
 * keeps the choices it could not apply, and the run says so (pane and command line alike).
 */
import { runChain } from '../../src/domain/chain';
import { detectSheet } from '../../src/domain/mapping';
import type { MappingOverride } from '../../src/domain/model';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-03-15';

function sheet(delayHeader: string, notesHeader = 'Observations') {
  return grid('Suivi', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', delayHeader, notesHeader],
    ['M-1', 'Papier', 1000, d('2025-02-01'), 30, 'RAS'],
  ]);
}

const CHOSEN: MappingOverride = { sheet: 'Suivi', columns: { 'Jours pour payer': 'delaiPaiement' } };

describe('a saved column choice', () => {
  it('applies while its header is there: the field is read, the mapping is the user’s', () => {
    const [m] = detectSheet('Suivi.xlsx', sheet('Jours pour payer'), [CHOSEN]);
    expect(m.columns.find((c) => c.field === 'delaiPaiement')?.header).toBe('Jours pour payer');
    expect(m.explicit).toBe(true);
    expect(m.lostChoices).toBeUndefined();
  });

  it('once its header is renamed: kept as lost, the field unmapped, the mapping no longer « chosen by you »', () => {
    const [m] = detectSheet('Suivi.xlsx', sheet('Jours pour payer (moyenne)'), [CHOSEN]);
    expect(m.columns.some((c) => c.field === 'delaiPaiement')).toBe(false);
    expect(m.lostChoices).toEqual([{ header: 'Jours pour payer', field: 'delaiPaiement' }]);
    expect(m.explicit).toBe(false);
  });

  it('one still applied, one lost: still the user’s mapping, the lost one kept', () => {
    const both: MappingOverride = { sheet: 'Suivi', columns: { 'Jours pour payer': 'delaiPaiement', Remarques: null } };
    const [m] = detectSheet('Suivi.xlsx', sheet('Jours pour payer'), [both]);
    expect(m.explicit).toBe(true);
    expect(m.lostChoices).toEqual([{ header: 'Remarques', field: null }]);
  });

  it('the header row the pane saves with each column choice: not « chosen by you » once every column choice is lost', () => {
    const [m] = detectSheet('Suivi.xlsx', sheet('Jours pour payer (moyenne)'), [{ ...CHOSEN, headerRow: 1 }]);
    expect(m.explicit).toBe(false);
    expect(m.lostChoices).toEqual([{ header: 'Jours pour payer', field: 'delaiPaiement' }]);
  });

  it('a header row chosen alone, no column choice: the mapping is the user’s', () => {
    const [m] = detectSheet('Suivi.xlsx', sheet('Jours pour payer'), [{ sheet: 'Suivi', headerRow: 1, columns: {} }]);
    expect(m.explicit).toBe(true);
  });
});

describe('the run’s notice', () => {
  const run = (s: ReturnType<typeof sheet>, overrides: MappingOverride[]) =>
    runChain([{ file: 'Pôle Sport.xlsx', sheets: [s], state: null }], { today: TODAY, overrides }).notices;

  it('says which header is gone, what it was chosen for, and where to choose again', () => {
    expect(run(sheet('Jours pour payer (moyenne)'), [CHOSEN])).toContain(
      "Feuille « Suivi » du classeur « Pôle Sport.xlsx » : votre choix de colonne ne s'applique plus, car la feuille n'a plus " +
        "l'en-tête « Jours pour payer », choisi pour « Délai moyen de paiement (jours) ». Ses colonnes sont de nouveau " +
        "reconnues d'après leurs en-têtes ; si l'en-tête a été renommé, refaites votre choix à l'étape Colonnes du volet.",
    );
  });

  it('two lost choices: both named, in the plural; a lost column set aside is not told of', () => {
    const three: MappingOverride = {
      sheet: 'Suivi',
      columns: { 'Jours pour payer': 'delaiPaiement', 'Hrs faites': 'heuresInsertionRealisees', Remarques: null },
    };
    const notices = run(sheet('Jours pour payer (moyenne)', 'Notes'), [three]);
    expect(notices.filter((n) => n.includes('choix de colonne'))).toEqual([
      "Feuille « Suivi » du classeur « Pôle Sport.xlsx » : vos choix de colonnes ne s'appliquent plus, car la feuille n'a plus " +
        "les en-têtes « Jours pour payer », choisi pour « Délai moyen de paiement (jours) » et « Hrs faites », choisi pour " +
        "« Heures d'insertion réalisées ». Ses colonnes sont de nouveau reconnues d'après leurs en-têtes ; si un en-tête a été " +
        "renommé, refaites votre choix à l'étape Colonnes du volet.",
    ]);
  });

  it('only a column set aside is gone: no notice (nothing lost to the indicators)', () => {
    const aside: MappingOverride = { sheet: 'Suivi', columns: { Remarques: null } };
    expect(run(sheet('Jours pour payer'), [aside]).filter((n) => n.includes('choix de colonne'))).toEqual([]);
  });

  it('no notice while every choice names a column', () => {
    expect(run(sheet('Jours pour payer'), [CHOSEN]).filter((n) => n.includes('choix de colonne'))).toEqual([]);
  });
});

// Session 35: choices saved for a sheet the workbook no longer has (deleted, or renamed beyond telling)
// applied nowhere and were saved again at every write, without a word.
describe('choices saved for a sheet the workbook no longer has', () => {
  const register = grid('Marchés 2026', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['M-1', 'Papier', 1000, d('2026-02-01')],
  ]);
  const state = (mappings: MappingOverride[]) => ({ version: 1 as const, mappings, decisions: [] });
  const gone: MappingOverride = { sheet: 'Marchés 2025', columns: { 'Jours pour payer': 'delaiPaiement' } };
  const runOn = (sheets: ReturnType<typeof grid>[], mappings: MappingOverride[]) => runChain([{ file: 'Pôle Sport.xlsx', sheets, state: state(mappings) }], { today: TODAY });

  it('names the sheet and the choice, says what to do, and the state no longer keeps it', () => {
    const out = runOn([register], [gone]);
    expect(out.notices).toContain(
      "Feuille « Marchés 2025 » du classeur « Pôle Sport.xlsx » : votre choix de colonne (« Jours pour payer », choisi pour « Délai moyen de paiement (jours) ») " +
        "ne s'applique plus, car le classeur n'a plus de feuille de ce nom. Si elle a été renommée, refaites ce choix à l'étape Colonnes du volet, sur la feuille renommée ; l'ancien n'est plus gardé.",
    );
    expect(out.remarks.some((r) => r.startsWith('Feuille « Marchés 2025 »'))).toBe(true);
    expect(out.state.mappings).toEqual([]);
  });

  it('says nothing while the sheet is there, whatever its case, and keeps the choice', () => {
    const here = grid('MARCHÉS 2025', [['N° marché', 'Jours pour payer'], ['M-1', 30]]);
    const out = runOn([register, here], [gone]);
    expect(out.notices.some((n) => n.includes('ne s\'applique plus, car le classeur'))).toBe(false);
    expect(out.state.mappings).toEqual([gone]);
  });

  it('says nothing of a sheet it could follow (renamed, its headers there): the choice moves with it', () => {
    const renamed = grid('Marchés 2025 Sport', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Jours pour payer'],
      ['M-2', 'Ballons', 500, d('2026-03-01'), 30],
    ]);
    const out = runOn([register, renamed], [gone]);
    expect(out.notices.some((n) => n.includes('Marchés 2025 »'))).toBe(false);
    expect(out.state.mappings).toEqual([{ ...gone, sheet: 'Marchés 2025 Sport' }]);
  });

  it('several choices for the gone sheet: listed in one notice', () => {
    const two: MappingOverride = { sheet: 'Marchés 2025', columns: { 'Jours pour payer': 'delaiPaiement', Remarques: null, Réf: 'numero' } };
    const notices = runOn([register], [two]).notices.filter((n) => n.includes('Marchés 2025 »'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("vos choix de colonnes (« Jours pour payer », choisi pour « Délai moyen de paiement (jours) » et « Réf », choisi pour « N° de marché ») ne s'appliquent plus");
  });
});
