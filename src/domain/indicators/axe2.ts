/** Axe 2 — une commande publique plus sobre et plus performante. */
import { amountOf, attendus, countOf, dep, field, isEmpty, isTrue, meanOf, mt, notificationMonth, oneIf, percentOfCount, percentOfSum, plus, sumOf } from './formulas';
import type { IndicatorDef } from './types';

export const AXE2: readonly IndicatorDef[] = [
  {
    id: '2.1.1-programmes-nb',
    libelle: 'Part des marchés programmés (en nombre)',
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: ['programme'],
    compute: percentOfCount(isTrue('programme')),
  },
  {
    id: '2.1.1-programmes-montant',
    libelle: 'Part des marchés programmés (en €)',
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: ['programme'],
    compute: percentOfSum(mt, isTrue('programme')),
  },
  {
    id: '2.1.1-prolongations-recurrents',
    libelle: "Nombre d'avenants de prolongation sur des marchés récurrents",
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: ['recurrent', 'nbAvenantsProlongation'],
    compute: sumOf(field('nbAvenantsProlongation'), isTrue('recurrent')),
  },
  {
    id: '2.1.2-hors-marche-nb',
    libelle: 'Part des commandes hors marché (en nombre)',
    unite: '%',
    kind: 'registre',
    scope: 'R',
    needs: ['horsMarche'],
    compute: percentOfCount(isTrue('horsMarche')),
  },
  {
    id: '2.1.2-hors-marche-montant',
    libelle: 'Part des commandes hors marché (en €)',
    unite: '%',
    kind: 'registre',
    scope: 'R',
    needs: ['horsMarche'],
    usesSpend: true,
    compute: percentOfSum(dep, isTrue('horsMarche')),
  },
  {
    id: '2.1.2-sans-nomenclature-nb',
    libelle: 'Part des dépenses sans nomenclature achat (en nombre)',
    unite: '%',
    kind: 'registre',
    scope: 'R',
    needs: ['codeNomenclature'],
    compute: percentOfCount(isEmpty('codeNomenclature')),
  },
  {
    id: '2.1.2-sans-nomenclature-montant',
    libelle: 'Part des dépenses sans nomenclature achat (en €)',
    unite: '%',
    kind: 'registre',
    scope: 'R',
    needs: ['codeNomenclature'],
    usesSpend: true,
    compute: percentOfSum(dep, isEmpty('codeNomenclature')),
  },
  {
    id: '2.1.3-sourcage',
    libelle: "Nombre de marchés ayant fait l'objet d'un sourçage/parangonnage",
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: ['sourcage'],
    compute: countOf(isTrue('sourcage')),
  },
  {
    id: '2.1.4-cout-global',
    libelle: "Nombre de marchés où le coût global ou l'ACV ont été intégrés",
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: ['coutGlobal'],
    compute: countOf(isTrue('coutGlobal')),
  },
  {
    id: '2.1.5-relation-fournisseur',
    libelle: '% de marchés qui respectent la procédure qualité de la relation fournisseur',
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: ['reunionCadrage', 'nbBilans'],
    compute: (rows, ctx) => {
      const c = ctx.columns;
      const cadrage = c.boolean('reunionCadrage');
      const bilans = c.number('nbBilans');
      const duree = c.number('dureeMois');
      const month = amountOf(notificationMonth, c);
      let ok = 0;
      for (const i of rows) {
        const b = bilans[i];
        if (cadrage[i] === 1 && (b === b ? b : 0) >= attendus(month[i], duree[i], ctx.exercice)) ok++;
      }
      return { valeur: (100 * ok) / rows.length };
    },
  },
  {
    id: '2.1.5-reunions',
    libelle: 'Nombre de réunions de cadrage et bilans',
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: ['reunionCadrage', 'nbBilans'],
    compute: sumOf(plus(oneIf(isTrue('reunionCadrage')), field('nbBilans'))),
  },
  {
    id: '2.1.5-delai-paiement',
    libelle: 'Délai moyen de paiement (jours)',
    unite: 'jours',
    kind: 'registre',
    scope: 'R',
    needs: ['delaiPaiement'],
    compute: meanOf(field('delaiPaiement')),
  },
  {
    id: '2.2.2-hors-bpu',
    libelle: 'Montant des achats hors BPU (€)',
    unite: '€',
    kind: 'registre',
    scope: 'R',
    needs: ['montantHorsBPU'],
    compute: sumOf(field('montantHorsBPU')),
  },
  {
    id: '2.2.3-soumissionnaires',
    libelle: 'Nombre de soumissionnaires par consultation',
    unite: 'nombre',
    kind: 'registre',
    scope: 'MC',
    needs: ['offresRecues', 'procedure'],
    filled: ['offresRecues'],
    compute: meanOf(field('offresRecues')),
  },
  {
    id: '2.2.3-fiches-suivi',
    libelle: 'Nombre de marchés pour lesquels une fiche de suivi est rédigée',
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: ['ficheSuivi'],
    compute: countOf(isTrue('ficheSuivi')),
  },
  {
    id: '2.2.4-dossiers-negocies',
    libelle: 'Nombre de dossiers négociés',
    unite: 'nombre',
    kind: 'registre',
    scope: 'M',
    needs: ['negociation'],
    compute: countOf(isTrue('negociation')),
  },
  {
    id: '2.2.4-gain-negociation',
    libelle: 'Montant du gain financier obtenu en négociation (€)',
    unite: '€',
    kind: 'registre',
    scope: 'M',
    needs: ['gainNegociation'],
    compute: sumOf(field('gainNegociation')),
  },
  {
    id: '2.2.5-offre-technique-amelioree',
    libelle: "Pourcentage de dossiers dont l'offre technique a été améliorée en négociation",
    unite: '%',
    kind: 'registre',
    scope: 'M',
    needs: ['negociation', 'offreTechAmelioree'],
    compute: percentOfCount(isTrue('offreTechAmelioree'), isTrue('negociation'), 'dénominateur nul : aucun dossier négocié'),
  },
];
