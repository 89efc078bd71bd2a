/**
 * Series colours of the add-in's charts. The chart area keeps Excel's
 * default fill (white, with black text): titles and labels stay readable in
 * light and dark Office themes. The series colours are chosen so that each
 * also contrasts at least 3:1 (WCAG 1.4.11, graphics) with a white and with a
 * dark (#1F1F1F) background, in case a user darkens the chart area.
 */
export const CHART_PALETTE: readonly string[] = [
  '#2F6EBA', // blue
  '#C25E00', // orange
  '#2E8B57', // green
  '#B0417F', // magenta
  '#7A5CC4', // violet
  '#8A7A00', // olive
  '#00838F', // teal
  '#B35A2E', // brick
];

/** `count` colours, cycling through the palette. */
export function chartColors(count: number): string[] {
  return Array.from({ length: count }, (_, i) => CHART_PALETTE[i % CHART_PALETTE.length]);
}

/** WCAG relative luminance of `#RRGGBB`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
