/** Axe 4 — transformation sociale. */
import { SUIVI_INSERTION_FIELDS, registerField } from '../fields';
import { normalizeCommune } from '../normalize';
import { communeAndCode } from '../zones';
import { plural } from '../change';
import { and, countOf, dep, DENOMINATEUR_NUL, flag, isFilled, isOneOf, isTrue, not, percentOfCount, SOCIAL, sumOf } from './formulas';
import type { IndicatorDef, SuiviRow } from './types';

const CONTRACT_TYPES: readonly string[] = (SUIVI_INSERTION_FIELDS.find((f) => f.id === 'typeContrat')?.options ?? []).map((o) => o.value);
const ROUBAIX = normalizeCommune('Roubaix');

interface Beneficiary {
  sexe?: string;
  commune?: string;
  qpv?: boolean;
}

/**
 * Beneficiaries counted once (`beneficiaire` trimmed, any case); the first
 * filled `sexe`, `communeResidence` and `qpv` in sheet order are theirs.
 */
function beneficiaries(rows: readonly SuiviRow[]): Map<string, Beneficiary> {
  const out = new Map<string, Beneficiary>();
  for (const row of rows) {
    const key = row.values.beneficiaire?.trim().toLowerCase();
    if (!key) continue;
    let b = out.get(key);
    if (b === undefined) {
      b = {};
      out.set(key, b);
    }
    const v = row.values;
    if (b.sexe === undefined && v.sexe !== undefined) b.sexe = v.sexe;
    if (b.commune === undefined && v.communeResidence !== undefined && v.communeResidence.trim() !== '') b.commune = v.communeResidence;
    if (b.qpv === undefined && v.qpv !== undefined) b.qpv = v.qpv;
  }
  return out;
}

export const AXE4: readonly IndicatorDef[] = [
  {
    id: '4.1.2-consideration-sociale',
    libelle: 'Pourcentage des marchés avec une considération sociale',
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: [SOCIAL],
    compute: percentOfCount(flag('sociale')),
  },
  {
    id: '4.2.1-insertion-nb',
    libelle: "Nombre de marchés d'insertion et de qualification professionnelle",
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: ['marcheInsertion'],
    compute: countOf(isTrue('marcheInsertion')),
  },
  {
    id: '4.2.1-insertion-montant',
    libelle: "Montant dépensé en marchés d'insertion et de qualification professionnelle (€)",
    unite: '€',
    kind: 'registre',
    scope: 'M',
    needs: ['marcheInsertion'],
    usesSpend: true,
    compute: sumOf(dep, isTrue('marcheInsertion')),
  },
  {
    id: '4.2.2-clause-sociale-nb',
    libelle: 'Nombre de marchés avec clause sociale',
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: ['clauseSociale'],
    compute: countOf(isTrue('clauseSociale')),
  },
  {
    id: '4.2.2-clause-sociale-part',
    libelle: 'Pourcentage des marchés avec clause sociale',
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: ['clauseSociale'],
    compute: percentOfCount(isTrue('clauseSociale')),
  },
  {
    id: '4.2.2-heures',
    libelle: "Nombre d'heures d'insertion réalisées",
    unite: 'nombre',
    kind: 'custom',
    compute(ctx) {
      // A contract followed in Suivi insertion counts those hours; any other its own column.
      let heures = 0;
      let parts = 0;
      let filledSuivi = 0;
      let filledColumn = 0;
      const sheetHasHours = ctx.columns.sheetsMapping('heuresInsertionRealisees');
      const hours = ctx.columns.number('heuresInsertionRealisees');
      for (const i of ctx.M) {
        const suivi = ctx.suiviHoursOf(i);
        if (suivi !== undefined) {
          parts++;
          heures += suivi.heures;
          if (suivi.filled) filledSuivi++;
        } else if (sheetHasHours[ctx.columns.sheet[i]] === 1) {
          parts++;
          const h = hours[i];
          if (h === h) {
            heures += h;
            filledColumn++;
          }
        }
      }
      const filled = filledSuivi + filledColumn;
      const total = ctx.M.length;
      if (total === 0) return { valeur: null, motif: `aucun marché pour l'exercice ${ctx.exercice}`, renseignees: 0, total };
      if (parts === 0) {
        const colonne = `colonne « ${registerField('heuresInsertionRealisees').label} » absente`;
        const feuille = ctx.register.has.suiviInsertion
          ? `aucune ligne de la feuille Suivi insertion pour les marchés de l'exercice ${ctx.exercice}`
          : 'feuille Suivi insertion absente';
        return { valeur: null, motif: `${feuille} et ${colonne}`, renseignees: 0, total };
      }
      // Where the hours counted come from: contracts with hours filled, so that the counts add up to the coverage's.
      const column = `de la colonne « ${registerField('heuresInsertionRealisees').label} »`;
      const note =
        filled === 0
          ? 'aucune heure renseignée'
          : filledColumn === 0
            ? 'heures de la feuille Suivi insertion'
            : filledSuivi === 0
              ? `heures ${column}`
              : `heures de la feuille Suivi insertion pour ${plural(filledSuivi, 'marché', 'marchés')}, ${column} pour ${plural(filledColumn, 'marché', 'marchés')}`;
      return { valeur: heures, renseignees: filled, total, note };
    },
  },
  {
    id: '4.2.2-personnes',
    libelle: 'Nombre de personnes concernées',
    unite: 'nombre',
    kind: 'suivi',
    column: 'beneficiaire',
    compute: (rows) => ({ valeur: beneficiaries(rows).size }),
  },
  {
    id: '4.2.2-contrats',
    libelle: 'Nombre de contrats générés',
    unite: 'nombre',
    kind: 'suivi',
    compute: (rows) => ({ valeur: rows.length }),
  },
  {
    id: '4.2.2-typologie',
    libelle: 'Typologie des contrats générés',
    unite: 'nombre',
    kind: 'suivi',
    column: 'typeContrat',
    compute: (rows) => {
      const counts = new Map<string, number>();
      let total = 0;
      for (const row of rows) {
        const t = row.values.typeContrat;
        if (t === undefined) continue;
        counts.set(t, (counts.get(t) ?? 0) + 1);
        total++;
      }
      if (rows.length === 0) return { valeur: 0, repartition: {} };
      if (total === 0) return { valeur: null, motif: 'aucun type de contrat renseigné' };
      const repartition: Record<string, number> = {};
      const known = CONTRACT_TYPES.filter((t) => counts.has(t));
      for (const t of [...known, ...[...counts.keys()].filter((t) => !CONTRACT_TYPES.includes(t))]) repartition[t] = counts.get(t) ?? 0;
      return { valeur: total, repartition };
    },
  },
  {
    id: '4.2.2-femmes',
    libelle: 'Répartition homme/femme (% de femmes)',
    unite: '%',
    kind: 'suivi',
    column: 'sexe',
    compute: (rows) => {
      let f = 0;
      let h = 0;
      for (const b of beneficiaries(rows).values()) {
        if (b.sexe === 'F') f++;
        else if (b.sexe === 'H') h++;
      }
      if (f + h === 0) return { valeur: null, motif: `${DENOMINATEUR_NUL} : aucun sexe renseigné` };
      return { valeur: (100 * f) / (f + h), repartition: { F: f, H: h } };
    },
  },
  {
    id: '4.2.2-roubaisiens',
    libelle: 'Lieu de résidence (% de Roubaisiens)',
    unite: '%',
    kind: 'suivi',
    column: 'communeResidence',
    compute: (rows) => {
      let known = 0;
      let roubaix = 0;
      for (const b of beneficiaries(rows).values()) {
        if (b.commune === undefined) continue;
        known++;
        // Read as a supplier's commune: `59100 Roubaix` is Roubaix, and so is `59100` alone (regles §6).
        const typed = communeAndCode(b.commune);
        if (typed.commune === '' ? typed.cp === '59100' : normalizeCommune(typed.commune) === ROUBAIX) roubaix++;
      }
      if (known === 0) return { valeur: null, motif: `${DENOMINATEUR_NUL} : aucune commune de résidence renseignée` };
      return { valeur: (100 * roubaix) / known };
    },
  },
  {
    id: '4.2.2-residents-qpv',
    libelle: 'Nombre de résidents QPV',
    unite: 'nombre',
    kind: 'suivi',
    column: 'qpv',
    compute: (rows) => {
      let n = 0;
      for (const b of beneficiaries(rows).values()) if (b.qpv === true) n++;
      return { valeur: n };
    },
  },
  {
    id: '4.2.3-reserves',
    libelle: 'Nombre de marchés réservés',
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: ['marcheReserve'],
    compute: countOf(and(isFilled('marcheReserve'), not(isOneOf('marcheReserve', 'Non')))),
  },
  {
    id: '4.2.3-montant-esat-siae-ess',
    libelle: 'Montant dépensé auprès des ESAT/SIAE/ESS (€)',
    unite: '€',
    kind: 'registre',
    scope: 'R',
    needs: ['structureTitulaire'],
    usesSpend: true,
    compute: sumOf(dep, isOneOf('structureTitulaire', 'ESAT', 'EA', 'SIAE', 'ESS')),
  },
];
