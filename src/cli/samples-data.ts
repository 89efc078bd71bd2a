/**
 * Deterministic, realistic contract data for the sample workbooks and the
 * bench: a seeded PRNG, a pool of suppliers (Roubaix, MEL, Hauts-de-France,
 * France, abroad; TPE to GE) and contracts with every field of `champs.md`.
 */

/** mulberry32: tiny, fast, good enough for test data, identical on every platform. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Weighted pick: `[value, weight]` pairs. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1][0];
  }
  /** Log-uniform amount rounded to cents. */
  amount(min: number, max: number): number {
    const v = Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
    return Math.round(v * 100) / 100;
  }
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A 14-digit SIRET passing the Luhn check. */
function validSiret(rng: Rng): string {
  let base = String(rng.int(1, 9));
  for (let i = 0; i < 12; i++) base += String(rng.int(0, 9));
  for (let d = 0; d <= 9; d++) if (luhnValid(base + d)) return base + d;
  throw new Error('unreachable');
}

export type Categorie = 'TPE' | 'PME' | 'ETI' | 'GE';

export interface Supplier {
  readonly nom: string;
  readonly siret: string | null;
  readonly cp: string | null;
  readonly ville: string | null;
  readonly pays: string | null;
  readonly categorie: Categorie | null;
  readonly effectif: number | null;
  readonly structure: 'ESAT' | 'EA' | 'SIAE' | 'ESS' | 'Autre';
}

const PLACES: readonly (readonly [string, string, string | null, number])[] = [
  // [ville, cp, pays, weight]
  ['Roubaix', '59100', null, 18],
  ['Tourcoing', '59200', null, 6],
  ['Lille', '59000', null, 8],
  ['Villeneuve-d\'Ascq', '59650', null, 5],
  ['Wattrelos', '59150', null, 4],
  ['Croix', '59170', null, 3],
  ['Hem', '59510', null, 3],
  ['Lys-lez-Lannoy', '59390', null, 2],
  ['Marcq-en-Barœul', '59700', null, 3],
  ['Seclin', '59113', null, 2],
  ['Arras', '62000', null, 3],
  ['Valenciennes', '59300', null, 3],
  ['Dunkerque', '59140', null, 2],
  ['Amiens', '80000', null, 2],
  ['Beauvais', '60000', null, 1],
  ['Saint-Quentin', '02100', null, 1],
  ['Paris', '75008', null, 6],
  ['Lyon', '69003', null, 3],
  ['Nantes', '44000', null, 2],
  ['Rennes', '35000', null, 1],
  ['Mouscron', '7700', 'Belgique', 2],
  ['Courtrai', '8500', 'Belgique', 1],
  ['Amsterdam', '1012', 'Pays-Bas', 1],
];

const NAME_A = ['Nord', 'Flandres', 'Atelier', 'Batiroub', 'Hélios', 'Textiles', 'Lumière', 'Vert', 'Métropole', 'Artois', 'Opale', 'Solutions', 'Services', 'Cité', 'Éco', 'Bureau', 'Numérique', 'Habitat', 'Saveurs', 'Transports'];
const NAME_B = ['Propreté', 'Bâtiment', 'Informatique', 'Paysages', 'Restauration', 'Conseil', 'Énergies', 'Mobilier', 'Impression', 'Sécurité', 'Voirie', 'Logistique', 'Scène', 'Insertion', 'Environnement'];
const FORMS = ['SAS', 'SARL', 'SA', 'EURL', 'SASU', ''];

export function makeSuppliers(rng: Rng, count: number): Supplier[] {
  const out: Supplier[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let nom = '';
    do {
      nom = `${rng.pick(NAME_A)} ${rng.pick(NAME_B)}`;
    } while (used.has(nom) && used.size < NAME_A.length * NAME_B.length);
    used.add(nom);
    const form = rng.pick(FORMS);
    const [ville, cp, pays] = rng.weighted(PLACES.map((p) => [p, p[3]] as const));
    const categorie = rng.weighted<Categorie>([['TPE', 30], ['PME', 40], ['ETI', 18], ['GE', 12]]);
    const effectif =
      categorie === 'TPE' ? rng.int(1, 9) : categorie === 'PME' ? rng.int(10, 249) : categorie === 'ETI' ? rng.int(250, 4999) : rng.int(5000, 60000);
    const structure = rng.weighted<Supplier['structure']>([['Autre', 88], ['ESAT', 3], ['EA', 3], ['SIAE', 4], ['ESS', 2]]);
    out.push({
      nom: form ? `${nom} ${form}` : nom,
      siret: pays ? null : validSiret(rng),
      cp: rng.chance(0.04) ? null : cp,
      ville: rng.chance(0.04) ? null : ville,
      pays,
      categorie: rng.chance(0.1) ? null : categorie,
      effectif: rng.chance(0.3) ? null : effectif,
      structure,
    });
  }
  // La Poste: SIREN 356000000, valid when the digits add up to a multiple of 5 (regles.md §3).
  out.push({ nom: 'La Poste', siret: '35600000000001', cp: '75015', ville: 'Paris', pays: null, categorie: 'GE', effectif: 180000, structure: 'Autre' });
  return out;
}

export type Nature = 'Travaux' | 'Fournitures' | 'Services';
export type ModeAcquisition = 'Achat' | 'Location' | "Achat d'usage";
export type Reserve = 'Non' | 'ESAT/EA' | 'SIAE' | 'ESS';

export const PROCEDURES = {
  mapa: 'Procédure adaptée',
  aoo: "Appel d'offres ouvert",
  aor: "Appel d'offres restreint",
  pn: 'Procédure avec négociation',
  dc: 'Dialogue compétitif',
  sans: 'Marché passé sans publicité ni mise en concurrence préalable',
} as const;
export type ProcedureKey = keyof typeof PROCEDURES;

/** One contract with every field; writers decide which they show and how. */
export interface Contract {
  numero: string;
  objet: string;
  pole: string;
  direction: string;
  acheteur: string;
  nature: Nature;
  procedure: ProcedureKey;
  horsMarche: boolean;
  codeNomenclature: string | null;
  cpv: string | null;
  /** ISO date. */
  date: string;
  dureeMois: number | null;
  montant: number;
  mandate: number | null;
  programme: boolean;
  recurrent: boolean;
  nbAvenants: number;
  nbProlongations: number;
  sourcage: boolean;
  coutGlobal: boolean;
  reunionCadrage: boolean;
  nbBilans: number | null;
  delaiPaiement: number | null;
  horsBPU: number | null;
  offres: number | null;
  ficheSuivi: boolean;
  negociation: boolean;
  gain: number | null;
  offreTech: boolean;
  clauseEnv: boolean;
  critereEnv: boolean;
  reemploi: number | null;
  reutilisation: number | null;
  recycle: number | null;
  centrale: boolean;
  modeAcquisition: ModeAcquisition | null;
  clauseSociale: boolean;
  critereSocial: boolean;
  reserve: Reserve;
  insertion: boolean;
  heuresPrevues: number | null;
  heuresRealisees: number | null;
  innovant: boolean;
  supplier: Supplier;
  commentaire: string | null;
  /** Raw cell values that replace the generated ones (deliberate errors), by column key. */
  overrides: Record<string, unknown>;
}

export interface ObjetSpec {
  readonly text: string;
  readonly nature: Nature;
  readonly cpv: string;
  /** Considerations this kind of contract usually declares. */
  readonly env?: boolean;
  readonly social?: boolean;
  readonly innov?: boolean;
  readonly location?: boolean;
}

const DIRECTIONS = {
  ressources: ['Direction des systèmes d\'information', 'Direction des finances', 'Direction des ressources humaines', 'Direction de la commande publique', 'Direction des moyens généraux'],
  cadre: ['Direction de l\'espace public', 'Direction du patrimoine bâti', 'Direction des espaces verts', 'Direction de la propreté urbaine'],
  solidarites: ['CCAS', 'Direction de l\'action sociale', 'Direction de la restauration', 'Direction de la petite enfance'],
  culture: ['Musée La Piscine', 'Médiathèque', 'Direction des affaires culturelles', 'Conservatoire', 'Archives municipales'],
} as const satisfies Record<string, readonly string[]>;

const BUYERS = ['C. Lefebvre', 'M. Dubois', 'S. Benali', 'J. Vandamme', 'A. Martin', 'N. Delcourt', 'K. Haddad', 'P. Verstraete', 'L. Mahieu', 'F. Dupont'];

export interface ContractOptions {
  readonly poleKey: keyof typeof DIRECTIONS;
  readonly pole: string;
  readonly prefix: string;
  readonly year: number;
  readonly count: number;
  readonly objets: readonly ObjetSpec[];
  readonly suppliers: readonly Supplier[];
  /** First sequence number of the numero. */
  readonly start?: number;
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function makeContract(rng: Rng, o: ContractOptions, seq: number): Contract {
  const spec = rng.pick(o.objets);
  const supplier = rng.pick(o.suppliers);
  const procedure = rng.weighted<ProcedureKey>([['mapa', 55], ['aoo', 18], ['aor', 3], ['pn', 8], ['dc', 1], ['sans', 15]]);
  const montant = procedure === 'sans' ? rng.amount(800, 40000) : procedure === 'mapa' ? rng.amount(5000, 215000) : rng.amount(90000, 3500000);
  const horsMarche = procedure === 'sans' && rng.chance(0.35);
  const month = rng.int(1, 12);
  const date = isoDate(o.year, month, rng.int(1, month === 2 ? 28 : 30));
  const dureeMois = horsMarche ? null : rng.pick([3, 6, 12, 12, 24, 36, 48]);
  const negociation = procedure === 'pn' || (procedure === 'mapa' && rng.chance(0.4));
  const social = (spec.social ?? false) || rng.chance(0.12);
  const env = (spec.env ?? false) || rng.chance(0.18);
  const clauseSociale = social && !horsMarche && rng.chance(0.75);
  const insertion = social && rng.chance(0.15);
  const nbAvenants = rng.weighted([[0, 60], [1, 25], [2, 10], [3, 5]]);
  const reserve: Reserve = supplier.structure === 'ESAT' || supplier.structure === 'EA' ? 'ESAT/EA' : supplier.structure === 'SIAE' && social ? 'SIAE' : 'Non';
  const mandate = rng.chance(0.9) ? Math.round(montant * (0.2 + rng.next() * 0.8) * 100) / 100 : null;
  const heuresPrevues = clauseSociale || insertion ? rng.pick([35, 70, 140, 210, 350, 700]) : null;
  return {
    numero: `${o.year}-${o.prefix}-${String(seq).padStart(3, '0')}`,
    objet: spec.text,
    pole: o.pole,
    direction: rng.pick(DIRECTIONS[o.poleKey]),
    acheteur: rng.pick(BUYERS),
    nature: spec.nature,
    procedure,
    horsMarche,
    codeNomenclature: rng.chance(0.85) ? `${spec.nature[0]}${String(rng.int(1, 99)).padStart(2, '0')}.${rng.int(1, 9)}` : null,
    cpv: rng.chance(0.8) ? (rng.chance(0.5) ? spec.cpv : `${spec.cpv}-${rng.int(0, 9)}`) : null,
    date,
    dureeMois,
    montant,
    mandate,
    programme: rng.chance(0.6),
    recurrent: rng.chance(0.45),
    nbAvenants,
    nbProlongations: nbAvenants > 0 && rng.chance(0.4) ? rng.int(1, nbAvenants) : 0,
    sourcage: rng.chance(0.25),
    coutGlobal: rng.chance(0.1),
    reunionCadrage: rng.chance(0.55),
    nbBilans: rng.chance(0.85) ? rng.weighted([[0, 40], [1, 35], [2, 20], [3, 5]]) : null,
    delaiPaiement: rng.chance(0.85) ? Math.round((12 + rng.next() * 18) * 10) / 10 : null,
    horsBPU: rng.chance(0.2) ? rng.amount(100, 9000) : null,
    offres: procedure === 'sans' ? 1 : rng.chance(0.9) ? rng.weighted([[1, 15], [2, 25], [3, 25], [4, 15], [5, 10], [7, 6], [11, 4]]) : null,
    ficheSuivi: rng.chance(0.35),
    negociation,
    gain: negociation && rng.chance(0.7) ? Math.round(montant * rng.next() * 0.08 * 100) / 100 : null,
    offreTech: negociation && rng.chance(0.5),
    clauseEnv: env && rng.chance(0.7),
    critereEnv: env && procedure !== 'sans' && rng.chance(0.6),
    reemploi: env && rng.chance(0.25) ? Math.round((mandate ?? montant) * 0.1 * 100) / 100 : null,
    reutilisation: env && rng.chance(0.1) ? Math.round((mandate ?? montant) * 0.05 * 100) / 100 : null,
    recycle: env && rng.chance(0.3) ? Math.round((mandate ?? montant) * 0.2 * 100) / 100 : null,
    centrale: rng.chance(0.12),
    modeAcquisition: spec.nature === 'Fournitures' ? (spec.location ? 'Location' : rng.weighted<ModeAcquisition>([['Achat', 80], ['Location', 12], ["Achat d'usage", 8]])) : null,
    clauseSociale,
    critereSocial: social && procedure !== 'sans' && rng.chance(0.3),
    reserve,
    insertion,
    heuresPrevues,
    heuresRealisees: heuresPrevues !== null && rng.chance(0.8) ? Math.round(heuresPrevues * (0.5 + rng.next() * 0.7)) : null,
    innovant: (spec.innov ?? false) || rng.chance(0.03),
    supplier,
    commentaire: null,
    overrides: {},
  };
}

export function makeContracts(rng: Rng, o: ContractOptions): Contract[] {
  const out: Contract[] = [];
  for (let i = 0; i < o.count; i++) out.push(makeContract(rng, o, (o.start ?? 1) + i));
  return out;
}

export const OBJETS = {
  ressources: [
    { text: 'Fourniture de papier recyclé pour les services municipaux', nature: 'Fournitures', cpv: '30197630', env: true },
    { text: 'Location longue durée de véhicules électriques', nature: 'Fournitures', cpv: '34144900', env: true, location: true },
    { text: 'Maintenance du parc informatique', nature: 'Services', cpv: '50312000' },
    { text: "Acquisition d'ordinateurs reconditionnés", nature: 'Fournitures', cpv: '30213000', env: true },
    { text: "Nettoyage des bâtiments administratifs avec clause d'insertion", nature: 'Services', cpv: '90911200', social: true },
    { text: 'Assurance dommages aux biens', nature: 'Services', cpv: '66515000' },
    { text: 'Fourniture de mobilier de bureau de seconde main', nature: 'Fournitures', cpv: '39130000', env: true },
    { text: 'Téléphonie mobile et fixe', nature: 'Services', cpv: '64212000' },
    { text: 'Conseil juridique en droit public', nature: 'Services', cpv: '79111000' },
    { text: 'Licences logicielles de gestion financière', nature: 'Fournitures', cpv: '48440000' },
    { text: "Expérimentation d'une solution innovante de dématérialisation des courriers", nature: 'Services', cpv: '72212000', innov: true },
    { text: 'Fournitures de bureau', nature: 'Fournitures', cpv: '30192000' },
    { text: 'Affranchissement et distribution du courrier', nature: 'Services', cpv: '64110000' },
    { text: 'Formation des agents à la bureautique', nature: 'Services', cpv: '80533100' },
    { text: 'Vêtements de travail en coton biologique', nature: 'Fournitures', cpv: '18110000', env: true },
  ],
  cadre: [
    { text: 'Travaux de réfection de voirie rue de Lannoy', nature: 'Travaux', cpv: '45233140', social: true },
    { text: "Entretien des espaces verts par un chantier d'insertion", nature: 'Services', cpv: '77310000', social: true },
    { text: "Rénovation énergétique de l'école Jules Ferry", nature: 'Travaux', cpv: '45453000', env: true, social: true },
    { text: 'Fourniture de mobilier urbain biosourcé', nature: 'Fournitures', cpv: '34928400', env: true },
    { text: 'Collecte et compostage des déchets verts', nature: 'Services', cpv: '90513000', env: true },
    { text: "Remplacement de l'éclairage public par des luminaires LED", nature: 'Travaux', cpv: '45316110', env: true },
    { text: 'Travaux de toiture du gymnase Blanchemaille', nature: 'Travaux', cpv: '45261000', social: true },
    { text: 'Enlèvement des graffitis', nature: 'Services', cpv: '90690000' },
    { text: 'Aménagement paysager du parc Barbieux', nature: 'Travaux', cpv: '45112710', social: true },
    { text: 'Désamiantage de la salle Watremez', nature: 'Travaux', cpv: '45262660' },
    { text: 'Signalisation horizontale', nature: 'Travaux', cpv: '45233221' },
    { text: "Plantation d'arbres d'alignement", nature: 'Services', cpv: '77211400', env: true },
    { text: 'Maintenance des aires de jeux', nature: 'Services', cpv: '50870000' },
    { text: 'Location de bennes et évacuation des gravats', nature: 'Services', cpv: '90512000' },
  ],
  solidarites: [
    { text: 'Portage de repas à domicile en circuit court', nature: 'Services', cpv: '55521100', env: true },
    { text: 'Accompagnement social des publics fragiles', nature: 'Services', cpv: '85312000' },
    { text: 'Entretien des locaux par une entreprise adaptée', nature: 'Services', cpv: '90919200', social: true },
    { text: 'Transport de personnes à mobilité réduite', nature: 'Services', cpv: '60130000' },
    { text: 'Restauration scolaire issue de l\'agriculture biologique', nature: 'Services', cpv: '55523100', env: true, social: true },
    { text: 'Rénovation de logements d\'urgence (chantier d\'insertion)', nature: 'Travaux', cpv: '45453100', social: true },
    { text: 'Fourniture de produits d\'hygiène écolabel', nature: 'Fournitures', cpv: '33700000', env: true },
    { text: 'Animation des ateliers du CCAS', nature: 'Services', cpv: '92300000' },
    { text: 'Téléassistance des personnes âgées', nature: 'Services', cpv: '85323000', innov: true },
    { text: 'Fourniture de couches pour les crèches', nature: 'Fournitures', cpv: '33751000' },
    { text: 'Blanchisserie des crèches municipales', nature: 'Services', cpv: '98310000', social: true },
  ],
  culture: [
    { text: 'Impression des programmes culturels', nature: 'Services', cpv: '79810000' },
    { text: 'Location de matériel scénique', nature: 'Fournitures', cpv: '32320000', location: true },
    { text: 'Gardiennage du musée La Piscine', nature: 'Services', cpv: '79713000' },
    { text: "Restauration d'œuvres des collections", nature: 'Services', cpv: '92521000' },
    { text: 'Billetterie en ligne des équipements culturels', nature: 'Services', cpv: '72260000', innov: true },
    { text: "Transport et emballage d'œuvres", nature: 'Services', cpv: '60000000' },
    { text: "Scénographie de l'exposition d'été", nature: 'Services', cpv: '92312000', env: true },
    { text: 'Prestations techniques son et lumière', nature: 'Services', cpv: '92370000' },
    { text: "Acquisition d'ouvrages pour la médiathèque", nature: 'Fournitures', cpv: '22113000' },
    { text: 'Conception graphique des supports de communication', nature: 'Services', cpv: '79822500' },
    { text: 'Accueil et médiation du Festival Roubaix à vos risques', nature: 'Services', cpv: '92312000', social: true },
  ],
} satisfies Record<string, readonly ObjetSpec[]>;
