/** Command-line arguments of `spaser`, with French usage errors. */
import { REGISTER_FIELDS, REQUIRED_FIELDS, type RegisterFieldId } from '../domain/fields';
import type { HeaderPlace } from '../domain/mapping';
import { normalizeHeader } from '../domain/normalize';

/** How the command is typed: there is no `spaser` program on the PATH, only the npm script (README). */
const COMMAND = 'npm run --silent spaser --';

/** The first line of the help, also under a usage error. */
const SYNOPSIS = `Usage : ${COMMAND} calculer <classeur.xlsx>... [options]`;

/** Under a usage error: the synopsis and where the whole help is, not the help itself (it would push the error out of sight). */
export const USAGE_HINT = `${SYNOPSIS}\nAide complète : ${COMMAND} --aide\n`;

export const USAGE = `${SYNOPSIS}

Calcule les indicateurs SPASER d'un ou de plusieurs classeurs de suivi des marchés.
  - Un seul classeur : écrit une copie du classeur avec les feuilles « SPASER … »
    (par défaut « <nom> - SPASER.xlsx » à côté du classeur ; l'original n'est jamais modifié).
  - Plusieurs classeurs : les consolide dans un nouveau classeur qui ne contient que
    les feuilles « SPASER … » (par défaut « Consolidation SPASER <exercice>.xlsx »
    dans le dossier courant).

Options :
  --exercice AAAA     année des indicateurs (par défaut : l'année qui compte le plus de lignes datées)
  --sortie FICHIER    classeur à écrire (.xlsx) ; ne peut pas être un des classeurs d'entrée
  --json              écrit sur la sortie standard le résultat au format JSON, et rien d'autre
  --sans-champ CHAMP  ne lit ce champ dans aucune colonne (par exemple --sans-champ nature quand
                      la colonne « nature » d'un export DECP dit « Marché » ou « Accord-cadre ») ;
                      répétable ; le choix est gardé dans le classeur écrit, comme dans le volet
  --en-tete FEUILLE:LIGNE[-LIGNE]
                      où est l'en-tête d'une feuille mal lu, sur une ligne (--en-tete "Suivi:2") ou
                      sur deux (--en-tete "Suivi:2-3" : la ligne 3 n'est plus lue comme un marché) ;
                      répétable ; le choix est gardé dans le classeur écrit, comme dans le volet
  -h, --aide          affiche cette aide

Codes de sortie : 0 calcul effectué (même si des lignes sont en erreur), 1 erreur d'utilisation,
2 classeur illisible ou sans registre, 3 classeur de sortie impossible à écrire.
`;

interface CliArgs {
  readonly command: 'calculer';
  readonly files: readonly string[];
  readonly exercice?: number;
  readonly sortie?: string;
  readonly json: boolean;
  /** Fields read from no column (`--sans-champ`), as register field ids. */
  readonly withoutFields: readonly RegisterFieldId[];
  /** Where sheets' headers are (`--en-tete`), as the pane's « Ligne d'en-tête » says. */
  readonly headerPlaces: readonly SheetHeaderPlace[];
}

export interface SheetHeaderPlace extends HeaderPlace {
  readonly sheet: string;
}

/** `Suivi:2` or `Suivi:2-3`: the sheet (Excel forbids « : » in its name) and its header row or rows. */
export function parseHeaderPlace(text: string): SheetHeaderPlace | string {
  const example = 'par exemple --en-tete "Suivi:2" ou, sur deux lignes, --en-tete "Suivi:2-3"';
  const colon = text.lastIndexOf(':');
  const sheet = colon > 0 ? text.slice(0, colon).trim() : '';
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(colon > 0 ? text.slice(colon + 1) : '');
  if (sheet === '' || m === null || Number(m[1]) < 1) return `L'option --en-tete attend la feuille et sa ligne d'en-tête, ${example} : « ${text} ».`;
  const headerRow = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== headerRow + 1) {
    return `Un en-tête tient sur une ligne ou sur deux lignes qui se suivent, ${example} : « ${text} ».`;
  }
  return { sheet, headerRow, headerRows: m[2] === undefined ? 1 : 2 };
}

type ParsedArgs = { readonly kind: 'help' } | { readonly kind: 'run'; readonly args: CliArgs } | { readonly kind: 'error'; readonly message: string };

const HELP = new Set(['-h', '--aide', '--help', 'aide']);

/** Parses `calculer a.xlsx b.xlsx --exercice 2025 --sortie x.xlsx --json` (also `--option=valeur`). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.some((a) => HELP.has(a))) return { kind: 'help' };
  if (argv.length === 0) return { kind: 'error', message: 'Aucune commande indiquée.' };
  const [command, ...rest] = argv;
  if (command !== 'calculer') {
    return command.startsWith('-')
      ? { kind: 'error', message: `La commande doit venir en premier (« calculer »), avant l'option « ${command} ».` }
      : { kind: 'error', message: `Commande inconnue : « ${command} ». La seule commande est « calculer ».` };
  }
  const files: string[] = [];
  let exercice: number | undefined;
  let sortie: string | undefined;
  let json = false;
  const withoutFields: RegisterFieldId[] = [];
  const headerPlaces: SheetHeaderPlace[] = [];
  let onlyFiles = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | null => {
      if (inline !== undefined) return inline;
      const next = rest[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) return null;
      i++;
      return next;
    };
    switch (name) {
      case '--json':
        if (inline !== undefined) return { kind: 'error', message: "L'option --json ne prend pas de valeur." };
        json = true;
        break;
      case '--exercice': {
        const v = takeValue();
        if (v === null) return { kind: 'error', message: "L'option --exercice attend une année, par exemple --exercice 2025." };
        if (!/^\d{4}$/.test(v.trim()) || Number(v) < 2000 || Number(v) > 2100) {
          return { kind: 'error', message: `Exercice invalide : « ${v} ». Indiquez une année sur quatre chiffres, entre 2000 et 2100.` };
        }
        exercice = Number(v);
        break;
      }
      case '--sortie': {
        const v = takeValue();
        if (v === null || v.trim() === '') return { kind: 'error', message: "L'option --sortie attend un nom de fichier .xlsx." };
        if (!/\.xlsx$/i.test(v)) return { kind: 'error', message: `Le classeur de sortie doit avoir l'extension .xlsx : « ${v} ».` };
        sortie = v;
        break;
      }
      case '--sans-champ': {
        const v = takeValue();
        if (v === null || v.trim() === '') return { kind: 'error', message: "L'option --sans-champ attend un champ, par exemple --sans-champ nature." };
        const field = registerFieldNamed(v);
        if (field === null) return { kind: 'error', message: `Champ inconnu pour --sans-champ : « ${v} ». Indiquez son identifiant (nature) ou son libellé (« Nature »).` };
        if (REQUIRED_FIELDS.includes(field)) {
          return { kind: 'error', message: `Le champ « ${v} » est obligatoire : il ne peut pas être retiré avec --sans-champ.` };
        }
        if (!withoutFields.includes(field)) withoutFields.push(field);
        break;
      }
      case '--en-tete': {
        const place = parseHeaderPlace(takeValue() ?? '');
        if (typeof place === 'string') return { kind: 'error', message: place };
        // The last said for a sheet wins, as in the pane.
        const same = headerPlaces.findIndex((p) => p.sheet.toLowerCase() === place.sheet.toLowerCase());
        if (same >= 0) headerPlaces.splice(same, 1);
        headerPlaces.push(place);
        break;
      }
      default:
        return { kind: 'error', message: `Option inconnue : « ${name} ».` };
    }
  }
  if (files.length === 0) return { kind: 'error', message: 'Aucun classeur indiqué : donnez au moins un fichier .xlsx.' };
  return { kind: 'run', args: { command: 'calculer', files, exercice, sortie, json, withoutFields, headerPlaces } };
}

/** A register field by its id (`nature`, `dateNotification`) or its French label (`Nature`), case and accents aside. */
function registerFieldNamed(name: string): RegisterFieldId | null {
  const wanted = normalizeHeader(name);
  const field = REGISTER_FIELDS.find((f) => normalizeHeader(f.id) === wanted || normalizeHeader(f.label) === wanted);
  return field ? (field.id as RegisterFieldId) : null;
}
