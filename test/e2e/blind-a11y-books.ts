/**
 * Workbooks of the blind accessibility acceptance test, made the way buyers make them.
 */
import { book, day } from './harness';


const d = day;

/**
 * A weekly register of two Pôles over 2024 and 2025, with
 * - errors: a row without N° de marché (row 5), a row without montant (row 7);
 * - warnings: at least the two tag suggestions to confirm;
 * - two suggestions: « recyclé » (2025-002, environnement) and « ESAT » (2025-003, social).
 */
export function a11yWorkbook(): Promise<Buffer> {
  return book([
    {
      name: 'Marchés',
      rows: [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Code postal', 'Pôle', 'Clause sociale'],
        ['2025-001', 'Nettoyage des écoles', 10000, d(15, 1), 'Propreté du Nord', '59100', 'Ressources', 'oui'],
        ['2025-002', 'Fourniture de papier recyclé', 2000, d(3, 2), 'Papeteries Réunies', '75011', 'Ressources', 'non'],
        ['2025-003', 'Entretien des espaces verts par un ESAT', 5000, d(20, 2), 'ESAT Les Ateliers', '59100', 'Solidarités', null],
        [null, 'Maintenance informatique', 8000, d(1, 3), 'Info Services', '59000', 'Ressources', 'oui'],
        ['2025-005', 'Restauration scolaire', 30000, d(2, 6), 'Cuisine Centrale', '80000', 'Solidarités', 'oui'],
        ['2025-006', 'Location de bennes', null, d(9, 6), 'Bennes du Nord', '59100', 'Ressources', 'non'],
        ['2024-001', 'Fournitures de bureau', 1000, d(30, 6, 2024), 'Bureau Plus', '69001', 'Ressources', 'non'],
        ['2024-002', 'Portage de repas', 12000, d(4, 9, 2024), 'Repas Services', '59100', 'Solidarités', 'oui'],
      ],
    },
  ]);
}

/** A workbook with data but no register: a list of staff. */
export function staffWorkbook(): Promise<Buffer> {
  return book([
    {
      name: 'Agents',
      rows: [
        ['Nom', 'Prénom', 'Bureau', 'Téléphone'],
        ['Martin', 'Claire', 'B12', '03 20 00 00 01'],
        ['Durand', 'Paul', 'B14', '03 20 00 00 02'],
      ],
    },
  ]);
}

/** Not a workbook at all: a text file renamed .xlsx. */
export function badFile(): Buffer {
  return Buffer.from('Ceci n’est pas un classeur Excel.\n', 'utf8');
}
