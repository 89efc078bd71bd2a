/**
 * The canonical columns of `champs.md`, defined once and read by mapping,
 * reading, validation, writing and the UI.
 */

export type FieldType = 'texte' | 'entier' | 'nombre' | 'montant' | 'date' | 'booleen' | 'enum';

export interface EnumOption {
  readonly value: string;
  readonly synonyms: readonly string[];
  /** Words that name the option wherever they stand in a text (`Négociée sans publicité`). */
  readonly phrases?: readonly string[];
}

export interface FieldDef<I extends string = string> {
  readonly id: I;
  readonly label: string;
  readonly type: FieldType;
  readonly required?: boolean;
  /** Header spellings to recognise (examples; matching is tolerant). */
  readonly synonyms: readonly string[];
  readonly options?: readonly EnumOption[];
  /** `siret` 14, `codePostalTitulaire` 5: digits typed as numbers are left-padded. */
  readonly padDigits?: number;
  /**
   * Headers that name the field only for want of a better column (`id` for numero): the lowest
   * mapping score, and any other column naming the field wins over them.
   */
  readonly weakSynonyms?: readonly string[];
  /**
   * Lists typed with words around their value (`Réservé SIAE`, `CDD > 6 mois`): a text that names
   * exactly one option among other words is that option.
   */
  readonly namedInText?: boolean;
  readonly group: string;
}

function f<const I extends string, const T extends FieldType>(
  id: I,
  label: string,
  type: T,
  synonyms: readonly string[],
  group: string,
  extra: Partial<Pick<FieldDef, 'required' | 'options' | 'padDigits' | 'weakSynonyms' | 'namedInText'>> = {},
): FieldDef<I> & { readonly type: T } {
  return { id, label, type, synonyms, group, ...extra };
}

const opts = (...values: [string, ...string[]][]): EnumOption[] =>
  values.map(([value, ...synonyms]) => ({ value, synonyms }));

export const PROCEDURE_SANS_PUBLICITE =
  'Marché passé sans publicité ni mise en concurrence préalable';

const ID = 'Identification';
const PERF = 'Performance achat';
const ENV = 'Environnement';
const SOC = 'Social';
const INNOV = 'Innovation';
const SUP = 'Titulaire';
const FREE = 'Texte libre';

export const REGISTER_FIELDS = [
  f('numero', 'N° de marché', 'texte', ['n° marché', 'numéro de marché', 'num marché', 'référence', 'réf. marché', 'réf marché', 'n° de contrat', 'numéro de consultation', 'id marché', 'n° du marché', 'numéro du marché'], ID, {
    required: true,
    // A DECP export's `id` column is the contract's identifier (README « Colonnes »).
    weakSynonyms: ['id'],
  }),
  f('objet', 'Objet du marché', 'texte', ['objet', 'objet du marché', 'intitulé', 'libellé', 'désignation', 'objet de la consultation', 'intitulé du marché'], ID, { required: true }),
  f('pole', 'Pôle', 'texte', ['pôle', 'pôle gestionnaire', 'DGA'], ID),
  f('direction', 'Direction / service', 'texte', ['direction', 'service', 'service prescripteur', 'direction prescriptrice', 'direction service'], ID),
  f('acheteur', 'Acheteur', 'texte', ['acheteur', 'gestionnaire', 'référent achat', 'chargé de marché', 'chargée de marché'], ID),
  f('nature', 'Nature', 'enum', ['nature', 'type de marché', 'catégorie', 'catégorie T/F/S', 'nature des prestations'], ID, {
    options: opts(['Travaux', 'T', 'travaux'], ['Fournitures', 'F', 'fourniture'], ['Services', 'S', 'service', 'prestations de services', 'prestation de service']),
  }),
  f('procedure', 'Procédure', 'enum', ['procédure', 'type de procédure', 'mode de passation'], ID, {
    options: opts(
      ['Procédure adaptée', 'MAPA', 'PA', 'procédure adaptée', 'marché à procédure adaptée'],
      ["Appel d'offres ouvert", 'AOO', 'AO ouvert', 'appel d offres ouvert'],
      ["Appel d'offres restreint", 'AOR', 'AO restreint'],
      ['Procédure avec négociation', 'PN', 'PCN', 'procédure concurrentielle avec négociation', 'procédure négociée'],
      ['Dialogue compétitif', 'DC'],
      [PROCEDURE_SANS_PUBLICITE, 'MSPMC', 'MNSPMC', 'gré à gré', 'sans publicité', 'sans mise en concurrence', 'marché sans publicité ni mise en concurrence', 'sans publicité ni mise en concurrence', 'sans publicité ni mise en concurrence préalable', 'marché négocié sans publicité ni mise en concurrence'],
      ['Concours'],
      ['Autre', 'autres'],
    ).map((o) =>
      // champs.md's « sans publicité », « sans mise en concurrence » say the procedure in any wording around them.
      o.value === PROCEDURE_SANS_PUBLICITE ? { ...o, phrases: ['sans publicité', 'sans mise en concurrence'] } : o,
    ),
  }),
  f('horsMarche', 'Commande hors marché', 'booleen', ['hors marché', 'commande hors marché', 'achat hors marché'], ID),
  f('codeNomenclature', 'Code nomenclature achat', 'texte', ['nomenclature', 'code nomenclature', 'famille d’achat', "famille d'achat", 'code famille', 'nomenclature achat'], ID),
  f('codeCPV', 'Code CPV', 'texte', ['CPV', 'code CPV'], ID),
  f('dateNotification', 'Date de notification', 'date', ['date de notification', 'notifié le', 'date notif', "date d'attribution", 'date de commande', 'date notification'], ID, { required: true }),
  f('dureeMois', 'Durée (mois)', 'entier', ['durée', 'durée en mois', 'durée du marché'], ID),
  f('montant', 'Montant notifié HT (€)', 'montant', ['montant HT', 'montant notifié', 'montant notifié HT', 'montant du marché HT', 'montant attribué', 'montant maximum HT', 'montant estimé HT', 'montant', 'montant initial HT'], ID, { required: true }),
  f('montantMandate', 'Dépenses mandatées HT (€)', 'montant', ['mandaté', 'montant mandaté', 'dépenses', 'dépenses mandatées', "dépenses de l'exercice", 'réalisé'], ID),
  f('programme', 'Marché programmé', 'booleen', ['programmé', 'inscrit à la programmation', 'programmation', 'marché programmé'], ID),
  f('recurrent', 'Marché récurrent', 'booleen', ['récurrent', 'marché récurrent', 'renouvelable'], ID),
  f('nbAvenants', "Nombre d'avenants", 'entier', ['avenants', 'nb avenants', "nombre d'avenants", 'modifications'], ID),
  f('nbAvenantsProlongation', 'Dont avenants de prolongation', 'entier', ['avenants de prolongation', 'dont avenants de prolongation', 'prolongations', 'nb prolongations'], ID),

  f('sourcage', 'Sourçage / parangonnage', 'booleen', ['sourçage', 'sourcing', 'parangonnage', 'benchmark'], PERF),
  f('coutGlobal', 'Coût global / ACV', 'booleen', ['coût global', 'ACV', 'analyse du cycle de vie', 'coût du cycle de vie'], PERF),
  f('reunionCadrage', 'Réunion de cadrage', 'booleen', ['réunion de cadrage', 'réunion de lancement', 'kick-off'], PERF),
  f('nbBilans', 'Nombre de réunions de bilan', 'entier', ['bilans', 'réunions de bilan', 'nb bilans', 'nombre de réunions de bilan'], PERF),
  f('delaiPaiement', 'Délai moyen de paiement (jours)', 'nombre', ['délai de paiement', 'délai global de paiement', 'DGP', 'délai moyen de paiement'], PERF),
  f('montantHorsBPU', 'Achats hors BPU HT (€)', 'montant', ['hors BPU', 'montant hors BPU', 'hors bordereau', 'achats hors BPU'], PERF),
  f('offresRecues', "Nombre d'offres reçues", 'entier', ['offres reçues', 'nb offres', "nombre d'offres", 'nombre de soumissionnaires', 'soumissionnaires', 'candidatures'], PERF),
  f('ficheSuivi', 'Fiche de suivi rédigée', 'booleen', ['fiche de suivi', 'fiche suivi', 'fiche de suivi rédigée'], PERF),
  f('negociation', 'Négociation menée', 'booleen', ['négociation', 'négocié', 'dossier négocié', 'négociation menée'], PERF),
  f('gainNegociation', 'Gain de négociation HT (€)', 'montant', ['gain', 'gain de négociation', 'gain achat', 'économie réalisée'], PERF),
  f('offreTechAmelioree', 'Offre technique améliorée', 'booleen', ['offre technique améliorée', 'amélioration technique'], PERF),

  f('clauseEnvironnementale', 'Clause environnementale', 'booleen', ['clause environnementale', 'clause env', 'clause verte'], ENV),
  f('critereEnvironnemental', 'Critère environnemental', 'booleen', ['critère environnemental', 'critère env', 'critère DD'], ENV),
  f('montantReemploi', 'Dépenses issues du réemploi HT (€)', 'montant', ['réemploi', 'montant réemploi', 'dépenses issues du réemploi'], ENV),
  f('montantReutilisation', 'Dépenses issues de la réutilisation HT (€)', 'montant', ['réutilisation', 'montant réutilisation', 'dépenses issues de la réutilisation'], ENV),
  f('montantRecycle', 'Dépenses intégrant des matières recyclées HT (€)', 'montant', ['recyclé', 'matières recyclées', 'montant recyclé', 'dépenses intégrant des matières recyclées'], ENV),
  f('centraleAchat', "Centrale d'achat", 'booleen', ["centrale d'achat", 'UGAP', 'groupement de commandes'], ENV),
  f('modeAcquisition', "Mode d'acquisition", 'enum', ["mode d'acquisition", 'achat/location', 'LLD', 'location', 'économie de la fonctionnalité'], ENV, {
    options: opts(['Achat', 'acquisition'], ['Location', 'LLD', 'location longue durée', 'crédit-bail', 'leasing'], ["Achat d'usage", 'usage', 'économie de la fonctionnalité', "achat d'usage"]),
  }),

  f('clauseSociale', 'Clause sociale', 'booleen', ['clause sociale', "clause d'insertion", 'clause insertion'], SOC),
  f('critereSocial', 'Critère social', 'booleen', ['critère social', 'critère insertion'], SOC),
  f('marcheReserve', 'Marché réservé', 'enum', ['marché réservé', 'réservé', 'réservation'], SOC, {
    options: opts(
      ['Non', 'non', 'n', 'no', '0', '-', 'faux', 'false', 'aucun', 'aucune'],
      ['ESAT/EA', 'L2113-12', 'L. 2113-12', 'ESAT', 'EA', 'ESAT EA', 'entreprise adaptée'],
      ['SIAE', 'L2113-13', 'L. 2113-13', 'IAE', "structure d'insertion"],
      ['ESS', 'L2113-15', 'L. 2113-15', 'économie sociale et solidaire'],
    ),
    namedInText: true,
  }),
  f('marcheInsertion', "Marché d'insertion et de qualification", 'booleen', ["marché d'insertion", 'marché de qualification', "support d'insertion", "marché d'insertion et de qualification"], SOC),
  f('heuresInsertionPrevues', "Heures d'insertion prévues", 'nombre', ['heures prévues', "heures d'insertion prévues", "objectif d'heures"], SOC),
  f('heuresInsertionRealisees', "Heures d'insertion réalisées", 'nombre', ['heures réalisées', "heures d'insertion réalisées", "heures d'insertion"], SOC),
  f('structureTitulaire', 'Type de structure du titulaire', 'enum', ['type de structure', 'statut du titulaire', 'ESS', 'type de structure du titulaire'], SOC, {
    options: opts(['ESAT'], ['EA', 'entreprise adaptée'], ['SIAE', 'IAE', "structure d'insertion", 'ACI', 'EI', 'ETTI', 'AI'], ['ESS', 'économie sociale et solidaire', 'SCOP', 'SCIC'], ['Autre', 'autres', 'entreprise classique', 'classique']),
  }),

  f('marcheInnovant', 'Marché innovant', 'booleen', ['innovant', 'marché innovant', 'achat innovant', 'innovation'], INNOV),

  f('titulaire', 'Titulaire', 'texte', ['titulaire', 'attributaire', 'fournisseur', 'prestataire', 'raison sociale', 'entreprise', 'nom du titulaire', 'dénomination', 'mandataire'], SUP),
  f('siret', 'SIRET du titulaire', 'texte', ['SIRET', 'n° SIRET', 'siret titulaire', 'SIRET du titulaire', 'id titulaire'], SUP, { padDigits: 14 }),
  f('codePostalTitulaire', 'Code postal du titulaire', 'texte', ['code postal', 'CP', 'CP titulaire', 'code postal du titulaire'], SUP, { padDigits: 5 }),
  f('communeTitulaire', 'Commune du titulaire', 'texte', ['ville', 'commune', 'localité', 'ville du titulaire', 'commune du titulaire'], SUP, {
    // The supplier's postal address ends with its town (README « Zones et fournisseurs »); a « Ville » column beats
    // it. A bare « Adresse » may be the work site's: only an address that names the supplier.
    weakSynonyms: [
      'adresse du titulaire', 'adresse titulaire', 'adresse postale du titulaire', 'adresse du fournisseur', 'adresse fournisseur',
      "adresse de l'entreprise", 'adresse entreprise', "adresse de l'attributaire", 'adresse attributaire', 'adresse du prestataire',
    ],
  }),
  f('paysTitulaire', 'Pays du titulaire', 'texte', ['pays', 'pays du titulaire'], SUP),
  f('categorieEntreprise', "Catégorie d'entreprise", 'enum', ["catégorie d'entreprise", 'taille', 'typologie entreprise', 'TPE/PME', "taille d'entreprise"], SUP, {
    // Décret 2008-1354: small (< 50) and medium (< 250) companies are both PME; plurals as in headings.
    options: opts(
      // An auto- (micro-)entrepreneur is a sole trader under the microentreprise thresholds.
      ['TPE', 'très petite entreprise', 'très petites entreprises', 'microentreprise', 'micro-entreprise', 'microentreprises',
        'auto-entrepreneur', 'autoentrepreneur', 'micro-entrepreneur', 'microentrepreneur'],
      ['PME', 'petite et moyenne entreprise', 'petite ou moyenne entreprise', 'petites et moyennes entreprises', 'petite entreprise', 'moyenne entreprise'],
      ['ETI', 'entreprise de taille intermédiaire', 'entreprises de taille intermédiaire'],
      ['GE', 'grande entreprise', 'grandes entreprises', 'grand groupe'],
    ),
  }),
  f('effectifTitulaire', 'Effectif du titulaire', 'entier', ['effectif', 'nombre de salariés', 'effectif du titulaire'], SUP),

  f('commentaires', 'Commentaires', 'texte', ['commentaires', 'observations', 'remarques', 'clauses', 'notes', 'commentaire'], FREE),
] as const;

export type RegisterField = (typeof REGISTER_FIELDS)[number];
export type RegisterFieldId = RegisterField['id'];

export const REQUIRED_FIELDS: readonly RegisterFieldId[] = ['numero', 'objet', 'montant', 'dateNotification'];

export const SUIVI_INSERTION_FIELDS = [
  f('numero', 'N° de marché', 'texte', REGISTER_FIELDS[0].synonyms, 'Suivi insertion', { required: true }),
  f('beneficiaire', 'Bénéficiaire', 'texte', ['bénéficiaire', 'identifiant', 'participant', 'identifiant bénéficiaire'], 'Suivi insertion', { required: true }),
  f('sexe', 'Sexe', 'enum', ['sexe', 'genre', 'H/F'], 'Suivi insertion', {
    options: opts(['F', 'femme', 'féminin', 'Mme'], ['H', 'homme', 'masculin', 'M', 'M.']),
  }),
  f('communeResidence', 'Commune de résidence', 'texte', ['commune de résidence', 'lieu de résidence', 'ville', 'ville de résidence'], 'Suivi insertion'),
  f('qpv', 'Résident QPV', 'booleen', ['QPV', 'quartier prioritaire', 'résident QPV'], 'Suivi insertion'),
  f('typeContrat', 'Type de contrat', 'enum', ['type de contrat', 'contrat'], 'Suivi insertion', {
    options: opts(['CDI'], ['CDD'], ['Intérim', 'interim', 'intérimaire', 'mission intérim', 'mission d’intérim'], ['CDDI', 'contrat à durée déterminée d’insertion', "contrat à durée déterminée d'insertion", "CDD d'insertion", 'CDD insertion'], ['Contrat de professionnalisation', 'professionnalisation', 'contrat pro'], ['Apprentissage', 'contrat d’apprentissage', "contrat d'apprentissage", 'apprenti'], ['Autre', 'autres']),
    namedInText: true,
  }),
  f('heures', 'Heures réalisées', 'nombre', ['heures', 'heures réalisées', "nombre d'heures"], 'Suivi insertion'),
  f('dateDebut', 'Date de début', 'date', ['date de début', 'début du contrat', 'date début'], 'Suivi insertion'),
] as const;

export const ACTIONS_FIELDS = [
  f('date', 'Date', 'date', ['date', "date de l'action"], 'Actions SPASER', { required: true }),
  f('typeAction', 'Type', 'enum', ['type', "type d'action"], 'Actions SPASER', {
    options: opts(['Formation', 'formations'], ['Atelier', 'ateliers'], ['Événement', 'évènement', 'evenement', 'événements', 'manifestation'], ['COPIL', 'comité de pilotage'], ['COTECH', 'comité technique'], ['Autre', 'autres']),
    required: true,
  }),
  f('intitule', 'Intitulé', 'texte', ['intitulé', 'libellé', 'thème'], 'Actions SPASER'),
  f('participants', 'Participants (élus et agents)', 'entier', ['participants', 'nb participants', 'personnes formées', 'nombre de participants'], 'Actions SPASER'),
] as const;

export const CIBLES_FIELDS = [
  f('indicateur', 'Indicateur', 'texte', ['indicateur', 'id indicateur', 'identifiant indicateur'], 'Cibles', { required: true }),
  f('annee', 'Année', 'entier', ['année', 'annee', 'exercice'], 'Cibles', { required: true }),
  f('cible', 'Cible', 'nombre', ['cible', 'objectif', 'valeur cible'], 'Cibles', { required: true }),
  f('sens', 'Sens', 'texte', ['sens', 'sens de la cible'], 'Cibles'),
] as const;

export const SAISIES_FIELDS = [
  f('indicateur', 'Indicateur', 'texte', ['indicateur', 'id indicateur', 'identifiant indicateur'], 'Saisies manuelles', { required: true }),
  f('annee', 'Année', 'entier', ['année', 'annee', 'exercice'], 'Saisies manuelles', { required: true }),
  f('valeur', 'Valeur', 'nombre', ['valeur', 'valeur saisie'], 'Saisies manuelles', { required: true }),
  f('source', 'Source', 'texte', ['source', 'origine'], 'Saisies manuelles'),
] as const;

/** The kinds of table the add-in recognises in a workbook, with their fields. */
export const SHEET_KINDS = {
  registre: { label: 'Registre des marchés', fields: REGISTER_FIELDS },
  suiviInsertion: { label: 'Suivi insertion', fields: SUIVI_INSERTION_FIELDS },
  actions: { label: 'Actions SPASER', fields: ACTIONS_FIELDS },
  cibles: { label: 'Cibles', fields: CIBLES_FIELDS },
  saisies: { label: 'Saisies manuelles', fields: SAISIES_FIELDS },
} as const;

export type SheetKind = keyof typeof SHEET_KINDS;

/** Value a field holds once read, by field type. */
type ValueOfType<T extends FieldType> = T extends 'texte' | 'enum'
  ? string
  : T extends 'entier' | 'nombre' | 'montant'
    ? number
    : T extends 'date'
      ? string /* ISO aaaa-mm-jj */
      : T extends 'booleen'
        ? boolean
        : never;

/** Read values of one row of a kind; an absent key means the cell was empty or not mapped. */
export type ValuesOf<Fs extends readonly FieldDef[]> = {
  -readonly [F in Fs[number] as F['id']]?: ValueOfType<F['type']>;
};

export type RegisterValues = ValuesOf<typeof REGISTER_FIELDS>;
export type SuiviInsertionValues = ValuesOf<typeof SUIVI_INSERTION_FIELDS>;
export type ActionValues = ValuesOf<typeof ACTIONS_FIELDS>;
export type CibleValues = ValuesOf<typeof CIBLES_FIELDS>;
export type SaisieValues = ValuesOf<typeof SAISIES_FIELDS>;

const REGISTER_BY_ID = new Map<string, FieldDef>(REGISTER_FIELDS.map((d) => [d.id, d]));

export function registerField(id: RegisterFieldId): FieldDef<RegisterFieldId> {
  return REGISTER_BY_ID.get(id) as FieldDef<RegisterFieldId>;
}

export const SOCIAL_FIELDS: readonly RegisterFieldId[] = ['clauseSociale', 'critereSocial', 'marcheReserve', 'marcheInsertion'];
export const ENVIRONMENTAL_FIELDS: readonly RegisterFieldId[] = ['clauseEnvironnementale', 'critereEnvironnemental'];
