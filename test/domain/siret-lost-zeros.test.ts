/**
 * Recipe `csv`: a SIRET that an export (or Excel, from a number) wrote without its leading zeros stays
 * as typed when it is text (README), with `siret-invalide`; the message says which SIRET it probably is.
 */
import { frenchMessage } from '../../src/domain/validation';

const SOURCE = { file: 'EXPORT_MARCHES_EDUCATION.xlsx', sheet: 'EXPORT_MARCHES_EDUCATION', row: 4 };

describe('siret-invalide on a SIRET short of its leading zeros', () => {
  it('says the SIRET it is with its zeros back, when that one is valid', () => {
    // 00076891234015 passes the Luhn check (hand-checked); written without its two zeros.
    expect(frenchMessage('siret-invalide', SOURCE, 'SIRET_TITULAIRE', '76891234015').replace(/\u00a0/g, ' ')).toBe(
      "Ligne 4, colonne « SIRET_TITULAIRE » : le SIRET « 76891234015 » n'a pas 14 chiffres. " +
        "S'il a perdu ses zéros de tête (un export ou Excel les retire), c'est « 00076891234015 » : saisissez-le ainsi, en texte.",
    );
  });

  it('says nothing more when the zeros would not give a valid SIRET, or the text is no number', () => {
    for (const v of ['12345600017', '12345', '7689123401X']) {
      expect(frenchMessage('siret-invalide', SOURCE, 'SIRET', v)).not.toContain('zéros');
    }
  });
});

/** Luhn written here, apart from the code under test. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((c, i) => {
    const n = Number(c) * (i % 2 === 1 ? 2 : 1);
    sum += n > 9 ? n - 9 : n;
  });
  return sum % 10 === 0;
}

describe('siret-invalide: mutation audit s40-b', () => {
  it('a SIREN (nine digits, its own Luhn key) typed for the SIRET is not said to have lost five zeros', () => {
    // EDF's SIREN: valid, so « 00000552081317 » would pass Luhn too, and be no one's SIRET.
    expect(luhnValid('552081317')).toBe(true);
    const said = frenchMessage('siret-invalide', SOURCE, 'SIRET', '552081317').replace(/\u00a0/g, ' ');
    expect(said).toBe("Ligne 4, colonne « SIRET » : le SIRET « 552081317 » n'a pas 14 chiffres.");
  });

  it('a short SIRET typed with spaces gets its zeros back as well', () => {
    expect(frenchMessage('siret-invalide', SOURCE, 'SIRET', '768 912 340 15').replace(/\u00a0/g, ' ')).toContain("c'est « 00076891234015 »");
  });

  it('a SIRET grouped by no-break spaces that Excel mis-decoded (552Â 081…) has its 14 digits: the key is what is wrong', () => {
    expect(luhnValid('55208131700012')).toBe(false);
    const said = frenchMessage('siret-invalide', SOURCE, 'SIRET', '552\u00c2\u00a0081\u00c2\u00a0317\u00c2\u00a000012');
    expect(said).toContain('a bien 14 chiffres mais sa clé de contrôle est fausse');
  });

  it('short of its zeros and mis-decoded (768Â 912…): its zeros given back too', () => {
    const said = frenchMessage('siret-invalide', SOURCE, 'SIRET', '768\u00c2\u00a0912\u00c2\u00a0340\u00c2\u00a015').replace(/\u00a0/g, ' ');
    expect(said).toContain("c'est « 00076891234015 »");
  });
});
