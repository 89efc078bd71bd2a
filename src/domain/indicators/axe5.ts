/** Axe 5 — développement territorial et innovation. */
import { SIZES } from '../suppliers';
import { ZONES, type Zone } from '../zones';
import { amountOf, dep, flag, mt, percentOfCount, percentOfSum, supplierBreakdown } from './formulas';
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
    breakdownOnly: true,
    compute: supplierBreakdown(ZONES, (i, ctx) => ctx.zone(i)),
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
      // A supplier's zone is that of its first row (by supplier id: no map of keys per scope).
      const zoneOfSupplier = new Array<Zone | undefined>(ctx.supplierCount).fill(undefined);
      const ids = ctx.supplierIds();
      const spent = amountOf(dep, ctx.columns);
      let spend = 0;
      let suppliers = 0;
      for (const i of rows) {
        const id = ids[i];
        if (id < 0) continue;
        let zone = zoneOfSupplier[id];
        if (zone === undefined) {
          zone = ctx.zone(i);
          zoneOfSupplier[id] = zone;
          if (zone === 'Roubaix') suppliers++;
        }
        if (zone === 'Roubaix') spend += spent[i];
      }
      if (suppliers === 0) return { valeur: null, motif: 'dénominateur nul : aucun fournisseur roubaisien' };
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
    breakdownOnly: true,
    compute: supplierBreakdown(SIZES, (i, ctx) => ctx.size(i)),
  },
  {
    id: '5.2.1-innovants-nb',
    libelle: 'Part des marchés innovants (en nombre)',
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: ['marcheInnovant'],
    compute: percentOfCount(flag('innovation')),
  },
  {
    id: '5.2.1-innovants-montant',
    libelle: 'Part des marchés innovants (en €)',
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: ['marcheInnovant'],
    compute: percentOfSum(mt, flag('innovation')),
  },
];
