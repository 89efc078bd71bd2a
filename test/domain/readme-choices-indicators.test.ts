/**
 * README audit, « Choix faits là où la spécification se tait » › Indicateurs:
 * a Suivi insertion sheet present but following no contract of N gives counts
 * of 0 for the City and for each Pôle, and non calculable shares.
 */
import { indicator, register, sheet } from './indicators/fixtures';

describe('README: Suivi insertion present, no contract of N followed', () => {
  const a = sheet(['clauseSociale'], 'Registre A', 'Pôle A');
  const b = sheet(['clauseSociale'], 'Registre B', 'Pôle B');
  // Two Pôles with contracts of 2025; the only Suivi row follows another contract.
  const reg = register([a.row({ numero: 'A-1', clauseSociale: true }), b.row({ numero: 'B-1', clauseSociale: true })], {
    suivi: [{ numero: 'ZZZ-9', beneficiaire: 'Ana', sexe: 'F', communeResidence: 'Roubaix', qpv: true, typeContrat: 'CDI', heures: 35 }],
  });

  it.each(['4.2.2-contrats', '4.2.2-personnes'])('%s is 0 for the City and 0 (not null) for each Pôle', (id) => {
    const r = indicator(reg, id);
    expect(r).toMatchObject({ statut: 'calculé', valeur: 0 });
    expect(r.parPole).toEqual({ 'Pôle A': 0, 'Pôle B': 0 });
  });

  it.each(['4.2.2-femmes', '4.2.2-roubaisiens'])('%s, a share, is non calculable for the City and null for each Pôle', (id) => {
    const r = indicator(reg, id);
    expect(r.statut).toBe('non calculable');
    expect(r.valeur).toBeNull();
    expect(r.parPole).toEqual({ 'Pôle A': null, 'Pôle B': null });
  });
});
