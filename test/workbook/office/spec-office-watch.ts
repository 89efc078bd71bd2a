/**
 * Records every write the Excel double applies to the given sheets: cell
 * values and formats, widths, frozen panes, charts, name, visibility,
 * position, deletion, tables. Conditional formats are recorded apart (the
 * add-in may add and remove its own marks, nothing else).
 */
import type { CellModel, ExcelDouble, SheetModel } from '../../doubles/excel-double';

export interface WriteLog {
  /** `sheet: what` for every write to a watched sheet. */
  readonly writes: string[];
}

function recordingMap<K, V>(map: Map<K, V>, log: (what: string) => void, what: string, wrap: (k: K, v: V) => V): Map<K, V> {
  for (const [k, v] of map) map.set(k, wrap(k, v));
  const set = map.set.bind(map);
  const del = map.delete.bind(map);
  const clear = map.clear.bind(map);
  map.set = (k: K, v: V) => {
    log(`${what} ${String(k)} set`);
    return set(k, wrap(k, v));
  };
  map.delete = (k: K) => {
    log(`${what} ${String(k)} delete`);
    return del(k);
  };
  map.clear = () => {
    log(`${what} clear`);
    clear();
  };
  return map;
}

function recordingCell(cell: CellModel, log: (what: string) => void, where: string): CellModel {
  return new Proxy(cell, {
    set(target, prop, value) {
      log(`${where} ${String(prop)}=${JSON.stringify(value)}`);
      return Reflect.set(target, prop, value);
    },
    deleteProperty(target, prop) {
      log(`${where} delete ${String(prop)}`);
      return Reflect.deleteProperty(target, prop);
    },
  });
}

function watchSheet(sheet: SheetModel, log: (what: string) => void): void {
  const name = sheet.name;
  const say = (what: string) => log(`${name}: ${what}`);
  recordingMap(sheet.rows, say, 'row', (r, row) =>
    recordingMap(row, say, `row ${String(r)} col`, (c, cell) => recordingCell(cell, say, `cell ${String(r)},${String(c)}`)),
  );
  recordingMap(sheet.widths, say, 'width', (_k, v) => v);
  sheet.charts = new Proxy(sheet.charts, {
    set(target, prop, value) {
      if (prop !== 'length') say(`chart ${String(prop)}`);
      return Reflect.set(target, prop, value);
    },
  });
  for (const prop of ['name', 'visibility', 'frozenRows', 'deleted'] as const) {
    let value = sheet[prop];
    Object.defineProperty(sheet, prop, {
      get: () => value,
      set: (v) => {
        say(`${prop}=${JSON.stringify(v)}`);
        value = v;
      },
    });
  }
}

/** Starts recording writes to every sheet whose name does not start with `SPASER `. */
export function watchUserSheets(excel: ExcelDouble): WriteLog & { tablesAndOrder: () => unknown } {
  const writes: string[] = [];
  const users = excel.model.sheets.filter((s) => !s.name.startsWith('SPASER '));
  for (const s of users) watchSheet(s, (w) => writes.push(w));
  const tablesAndOrder = () => ({
    order: excel.model.sheets.filter((s) => users.includes(s)).map((s) => s.name),
    positions: users.map((s) => excel.model.sheets.indexOf(s)),
    tables: excel.model.tables.filter((t) => users.includes(t.sheet)).map((t) => ({ ...t, sheet: t.sheet.name })),
    present: users.map((s) => excel.model.sheets.includes(s)),
  });
  return { writes, tablesAndOrder };
}
