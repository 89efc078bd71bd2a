/** Axe 5 — développement territorial et innovation. */
import { SIZES } from '../suppliers';
import { ZONES, type Zone } from '../zones';
import { dep, mt, percentOfCount, percentOfSum, supplierBreakdown } from './formulas';
import type { IndicatorDef } from './types';

const LOCATION = ['communeTitulaire', 'codePostalTitulaire'] as const;

export const AXE5: readonly IndicatorDef[] = [
  {
    id: '5.1.1-fournisseurs-zone',
    libelle: 'Part (en nombre et en €) des fournisseurs par zone géographique',
    unite: '%',
    kind: 'registre',
    scope: 'R',
    needs: [LOCATION],
    usesSpend: true,
    compute: supplierBreakdown(ZONES, (r, ctx) => ctx.zone(r)),
  },
  {
    id: '5.1.1-montant-moyen-roubaix',
    libelle: 'Montant moyen des dépenses auprès des entreprises roubaisiennes (€)',
    unite: '€',
    kind: 'registre',
    scope: 'R',
    needs: [LOCATION],
    usesSpend: true,
    compute: (rows, ctx) => {
      // A supplier's zone is that of its first row.
      const zoneOfSupplier = new Map<string, Zone>();
      let spend = 0;
      for (const r of rows) {
        const key = ctx.supplier(r);
        if (key === null) continue;
        let zone = zoneOfSupplier.get(key);
        if (zone === undefined) {
          zone = ctx.zone(r);
          zoneOfSupplier.set(key, zone);
        }
        if (zone === 'Roubaix') spend += dep(r);
      }
      let suppliers = 0;
      for (const z of zoneOfSupplier.values()) if (z === 'Roubaix') suppliers++;
      if (suppliers === 0) return { valeur: null, motif: 'dénominateur nul : aucun fournisseur roubaisien' };
      return { valeur: spend / suppliers };
    },
  },
  {
    id: '5.1.4-fournisseurs-typologie',
    libelle: 'Part (en nombre et en €) des fournisseurs par typologie (TPE, PME, ETI, GE)',
    unite: '%',
    kind: 'registre',
    scope: 'R',
    needs: [['categorieEntreprise', 'effectifTitulaire']],
    usesSpend: true,
    compute: supplierBreakdown(SIZES, (r, ctx) => ctx.size(r)),
  },
  {
    id: '5.2.1-innovants-nb',
    libelle: 'Part des marchés innovants (en nombre)',
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: ['marcheInnovant'],
    compute: percentOfCount((r) => r.innovation),
  },
  {
    id: '5.2.1-innovants-montant',
    libelle: 'Part des marchés innovants (en €)',
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: ['marcheInnovant'],
    compute: percentOfSum(mt, (r) => r.innovation),
  },
];
