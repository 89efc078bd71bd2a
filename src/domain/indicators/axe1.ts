/** Axe 1 — gouvernance du schéma. */
import { stripAccents } from '../normalize';
import { ar, countOf, dep, field, SOCIAL_OR_ENV, sumOf } from './formulas';
import type { ActionRow, IndicatorDef } from './types';

const isFormation = (a: ActionRow): boolean => a.values.typeAction === 'Formation';

/** Target met: equal meets; `≤` means at most. */
export function cibleAtteinte(valeur: number, cible: number, sens: '≥' | '≤'): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(cible));
  return sens === '≤' ? valeur <= cible + eps : valeur >= cible - eps;
}

// How a COPIL writes « at most » and « at least » (accents and case ignored, beginning of the cell).
const AT_MOST = ['≤', '≦', '⩽', '<', '=<', 'au plus', 'au maximum', 'max', 'inf', 'moins', 'plafond', 'a ne pas depasser', 'pas plus', 'baisse', 'a la baisse', 'diminu'];
const AT_LEAST = ['≥', '≧', '⩾', '>', '=>', 'au moins', 'au minimum', 'min', 'sup', 'plus', 'plancher', 'pas moins', 'hausse', 'a la hausse', 'augment'];

/** `sens` cell of *Cibles*: at most, at least (also when empty: the default), or null when it says neither. */
function readSens(raw: string | undefined): '≥' | '≤' | null {
  const s = stripAccents((raw ?? '').trim().toLowerCase());
  if (s === '') return '≥';
  // `pas moins` is at least, though it holds `moins`: it is looked at first.
  if (s.startsWith('pas moins')) return '≥';
  if (AT_MOST.some((w) => s.startsWith(w))) return '≤';
  return AT_LEAST.some((w) => s.startsWith(w)) ? '≥' : null;
}

/** The sens a target is judged by: a cell saying neither is read as at least (and told in the remarks). */
export function sensOf(raw: string | undefined): '≥' | '≤' {
  return readSens(raw) ?? '≥';
}

/** True when a filled `sens` says neither « at least » nor « at most » (it is then read as at least). */
export function sensNotUnderstood(raw: string | undefined): boolean {
  return readSens(raw) === null;
}

export const AXE1: readonly IndicatorDef[] = [
  {
    id: '1.1.1-cibles-atteintes',
    libelle: 'Pourcentage des cibles atteintes',
    unite: '%',
    kind: 'custom',
    cityOnly: true,
    last: true,
    compute(ctx) {
      if (!ctx.register.has.cibles) return { valeur: null, motif: 'feuille Cibles absente', renseignees: 0, total: 0 };
      // Its scope is the targets it judges: a Cibles row the remarks say is set aside is not one of them.
      let total = 0;
      let withValue = 0;
      let met = 0;
      for (const [id, c] of ctx.targets) {
        if (id === '1.1.1-cibles-atteintes') continue;
        total++;
        const v = ctx.valueOf(id);
        if (v === null) continue;
        withValue++;
        if (cibleAtteinte(v, c.values.cible as number, sensOf(c.values.sens))) met++;
      }
      if (withValue === 0) {
        return { valeur: null, motif: `aucune cible de l'exercice ${ctx.exercice} portant sur un indicateur calculé ou saisi`, renseignees: 0, total };
      }
      return { valeur: (100 * met) / withValue, renseignees: withValue, total };
    },
  },
  {
    id: '1.1.2-marches-ar',
    libelle: "Nombre de marchés notifiés en lien avec l'achat responsable",
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: [SOCIAL_OR_ENV],
    compute: countOf(ar),
  },
  {
    id: '1.1.2-avenants-ar',
    libelle: "Nombre d'avenants notifiés en lien avec l'achat responsable",
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    // Renseignée: nbAvenants and a social or environmental field filled (README « Couverture »).
    needs: ['nbAvenants', SOCIAL_OR_ENV],
    compute: sumOf(field('nbAvenants'), ar),
  },
  {
    id: '1.1.2-montant-ar',
    libelle: "Montant des dépenses en lien avec l'achat responsable (€)",
    unite: '€',
    kind: 'registre',
    scope: 'R',
    needs: [SOCIAL_OR_ENV],
    usesSpend: true,
    compute: sumOf(dep, ar),
  },
  {
    id: '1.1.2-dataviz',
    libelle: 'Nombre de data visualisations',
    unite: 'nombre',
    kind: 'custom',
    cityOnly: true,
    noN1: true,
    compute: (ctx) => ({ valeur: ctx.chartsWritten, renseignees: 0, total: 0, note: "graphiques écrits par le complément dans ses feuilles d'indicateurs" }),
  },
  {
    id: '1.2.1-formations',
    libelle: 'Nombre de formations dispensées',
    unite: 'nombre',
    kind: 'actions',
    cityOnly: true,
    compute: (rows) => ({ valeur: rows.filter(isFormation).length }),
  },
  {
    id: '1.2.1-personnes-formees',
    libelle: "Nombre d'élus/agents formés",
    unite: 'nombre',
    kind: 'actions',
    cityOnly: true,
    compute: (rows) => {
      const formations = rows.filter(isFormation);
      let sum = 0;
      let filled = 0;
      for (const a of formations) {
        if (a.values.participants === undefined) continue;
        sum += a.values.participants;
        filled++;
      }
      // Its scope is the formations of N (`sortie.md` couverture.total), not every action.
      return { valeur: sum, renseignees: filled, total: formations.length };
    },
  },
  {
    id: '1.2.1-ateliers-evenements',
    libelle: "Nombre d'ateliers/évènements organisés",
    unite: 'nombre',
    kind: 'actions',
    cityOnly: true,
    compute: (rows) => ({ valeur: rows.filter((a) => a.values.typeAction === 'Atelier' || a.values.typeAction === 'Événement').length }),
  },
];
