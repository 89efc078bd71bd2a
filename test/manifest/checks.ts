/**
 * Offline checks of an XML add-in manifest (the online validator cannot be
 * reached here). Each check returns a list of problems; empty means valid.
 * Element orders follow Microsoft's "How to find the proper order of manifest
 * elements" page and TaskPaneAppVersionOverridesV1_0.xsd.
 */
import { DOMParser } from '@xmldom/xmldom';

export type XmlElement = {
  localName: string | null;
  nodeType: number;
  childNodes: ArrayLike<XmlNode>;
  parentNode: XmlNode | null;
  getAttribute(name: string): string | null;
  getAttributeNS(ns: string, name: string): string | null;
  textContent: string | null;
};
type XmlNode = { nodeType: number } & Partial<XmlElement>;

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export function parseXml(text: string): { root: XmlElement | null; errors: string[] } {
  const errors: string[] = [];
  try {
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        errors.push(`${level}: ${message}`);
      },
    }).parseFromString(text, 'text/xml');
    return { root: (doc.documentElement as unknown as XmlElement) ?? null, errors };
  } catch (error) {
    errors.push(String(error));
    return { root: null, errors };
  }
}

export function childElements(el: XmlElement): XmlElement[] {
  return Array.from(el.childNodes).filter((n): n is XmlElement => n.nodeType === 1);
}

/** Every element below `el` (depth first), `el` excluded. */
export function descendants(el: XmlElement): XmlElement[] {
  return childElements(el).flatMap((c) => [c, ...descendants(c)]);
}

export function xsiType(el: XmlElement): string | null {
  return el.getAttributeNS(XSI, 'type');
}

function parentName(el: XmlElement): string {
  return (el.parentNode as XmlElement | null)?.localName ?? '';
}

/** Allowed children in order: each rank lists names that may appear at that rank. */
type ChildSpec = { order: string[][]; required?: string[] };

const LEAF: ChildSpec = { order: [] };
const OVERRIDABLE: ChildSpec = { order: [['Override']] };

const BASE_ORDER: ChildSpec = {
  order: [
    ['Id'],
    ['AlternateId'],
    ['Version'],
    ['ProviderName'],
    ['DefaultLocale'],
    ['DisplayName'],
    ['Description'],
    ['IconUrl'],
    ['HighResolutionIconUrl'],
    ['SupportUrl'],
    ['AppDomains'],
    ['Hosts'],
    ['Requirements'],
    ['DefaultSettings'],
    ['Permissions'],
    ['Dictionary'],
    ['VersionOverrides'],
    ['ExtendedOverrides'],
  ],
  required: ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'],
};

const CONTROL: ChildSpec = {
  order: [['OverriddenByRibbonApi'], ['Label'], ['Supertip'], ['Icon'], ['Action'], ['Enabled'], ['Items']],
  required: ['Label', 'Supertip', 'Action'],
};

/** The spec of an element of the manifest, by its name and context; undefined = unknown element. */
function specOf(el: XmlElement): ChildSpec | undefined {
  const name = el.localName ?? '';
  const parent = parentName(el);
  switch (name) {
    // Base manifest.
    case 'OfficeApp':
      return BASE_ORDER;
    case 'DisplayName':
    case 'IconUrl':
    case 'HighResolutionIconUrl':
    case 'SupportUrl':
      return OVERRIDABLE;
    case 'AppDomains':
      return { order: [['AppDomain']] };
    case 'DefaultSettings':
      return { order: [['SourceLocation'], ['RequestedWidth'], ['RequestedHeight']], required: ['SourceLocation'] };
    case 'Sets':
      return { order: [['Set']], required: ['Set'] };
    case 'Methods':
      return { order: [['Method']] };
    case 'Requirements':
      return { order: [['Sets'], ['Methods']] };
    case 'Hosts':
      return { order: [['Host']], required: ['Host'] };
    case 'Host':
      return isUnderVersionOverrides(el) ? { order: [['Runtimes'], ['AllFormFactors'], ['DesktopFormFactor']] } : LEAF;
    // VersionOverrides V1_0.
    case 'VersionOverrides':
      return {
        order: [['Description'], ['Requirements'], ['Hosts'], ['Resources'], ['WebApplicationInfo'], ['EquivalentAddins'], ['VersionOverrides']],
        required: ['Hosts', 'Resources'],
      };
    case 'Runtimes':
      return { order: [['Runtime']], required: ['Runtime'] };
    case 'AllFormFactors':
      return { order: [['ExtensionPoint']] };
    case 'DesktopFormFactor':
      return { order: [['GetStarted'], ['FunctionFile'], ['ExtensionPoint']], required: ['ExtensionPoint'] };
    case 'GetStarted':
      return { order: [['Title'], ['Description'], ['LearnMoreUrl']], required: ['Title', 'Description', 'LearnMoreUrl'] };
    case 'ExtensionPoint': {
      const type = xsiType(el);
      if (type === 'PrimaryCommandSurface') return { order: [['OfficeTab'], ['CustomTab']] };
      if (type === 'ContextMenu') return { order: [['OfficeMenu']], required: ['OfficeMenu'] };
      if (type === 'CustomFunctions') return { order: [['Script'], ['Page'], ['Metadata'], ['Namespace']], required: ['Script', 'Page'] };
      return undefined;
    }
    case 'OfficeTab':
      return { order: [['Group']], required: ['Group'] };
    case 'CustomTab':
      return { order: [['Group', 'OfficeGroup'], ['Label'], ['InsertAfter', 'InsertBefore']], required: ['Label'] };
    case 'OfficeMenu':
      return { order: [['Control']], required: ['Control'] };
    case 'Group':
      return { order: [['OverriddenByRibbonApi'], ['Label'], ['Icon'], ['Control']], required: ['Label', 'Icon', 'Control'] };
    case 'Control':
      return xsiType(el) === 'Button' ? { ...CONTROL, required: [...(CONTROL.required ?? []), 'Icon'] } : CONTROL;
    case 'Items':
      return { order: [['Item']], required: ['Item'] };
    case 'Item':
      return { order: [['OverriddenByRibbonApi'], ['Label'], ['Supertip'], ['Icon'], ['Action'], ['Enabled']], required: ['Label', 'Supertip', 'Action'] };
    case 'Supertip':
      return { order: [['Title'], ['Description']], required: ['Title', 'Description'] };
    case 'Icon':
      return { order: [['Image']], required: ['Image'] };
    case 'Action': {
      const type = xsiType(el);
      if (type === 'ExecuteFunction') return { order: [['FunctionName']], required: ['FunctionName'] };
      if (type === 'ShowTaskpane') return { order: [['TaskpaneId'], ['SourceLocation'], ['Title']], required: ['SourceLocation'] };
      return undefined;
    }
    case 'Script':
    case 'Page':
    case 'Metadata':
      return { order: [['SourceLocation']], required: ['SourceLocation'] };
    case 'Resources':
      return { order: [['Images'], ['Urls'], ['ShortStrings'], ['LongStrings']] };
    case 'Images':
      return { order: [['Image']] };
    case 'Urls':
      return { order: [['Url']] };
    case 'ShortStrings':
    case 'LongStrings':
      return { order: [['String']] };
    case 'Image':
      return parent === 'Images' ? OVERRIDABLE : LEAF;
    case 'Url':
    case 'String':
      return OVERRIDABLE;
    case 'Description':
      return parent === 'OfficeApp' ? OVERRIDABLE : LEAF;
    case 'SourceLocation':
      return parent === 'DefaultSettings' ? OVERRIDABLE : LEAF;
    case 'Id':
    case 'AlternateId':
    case 'Version':
    case 'ProviderName':
    case 'DefaultLocale':
    case 'Permissions':
    case 'AppDomain':
    case 'Set':
    case 'Method':
    case 'RequestedWidth':
    case 'RequestedHeight':
    case 'Runtime':
    case 'Title':
    case 'LearnMoreUrl':
    case 'FunctionFile':
    case 'Label':
    case 'OverriddenByRibbonApi':
    case 'OfficeGroup':
    case 'InsertAfter':
    case 'InsertBefore':
    case 'Enabled':
    case 'FunctionName':
    case 'TaskpaneId':
    case 'Namespace':
    case 'Override':
      return LEAF;
    default:
      return undefined;
  }
}

function isUnderVersionOverrides(el: XmlElement): boolean {
  for (let p = el.parentNode as XmlElement | null; p; p = p.parentNode as XmlElement | null) {
    if (p.localName === 'VersionOverrides') return true;
  }
  return false;
}

function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let p: XmlElement | null = el; p && p.nodeType === 1; p = p.parentNode as XmlElement | null) {
    const id = p.getAttribute('id');
    parts.unshift(id ? `${p.localName}#${id}` : (p.localName ?? '?'));
  }
  return parts.join('/');
}

/** Unknown elements, children out of order, missing required children, in the whole tree. */
export function structureErrors(root: XmlElement): string[] {
  const errors: string[] = [];
  const visit = (el: XmlElement): void => {
    const spec = specOf(el);
    if (!spec) {
      errors.push(`unexpected element ${pathOf(el)}${xsiType(el) ? ` (xsi:type ${xsiType(el)})` : ''}`);
      return;
    }
    const children = childElements(el);
    let lastRank = -1;
    for (const child of children) {
      const rank = spec.order.findIndex((names) => names.includes(child.localName ?? ''));
      if (rank < 0) {
        errors.push(`${child.localName} is not a valid child of ${pathOf(el)}`);
        continue;
      }
      if (rank < lastRank) errors.push(`${child.localName} is out of order in ${pathOf(el)}`);
      lastRank = Math.max(lastRank, rank);
      visit(child);
    }
    for (const name of spec.required ?? []) {
      if (!children.some((c) => c.localName === name)) errors.push(`${pathOf(el)} lacks required ${name}`);
    }
  };
  visit(root);
  return errors;
}

export type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Resources by kind: id → DefaultValue. */
export function resources(root: XmlElement): Record<ResourceKind, Map<string, string>> {
  const out: Record<ResourceKind, Map<string, string>> = {
    Images: new Map(),
    Urls: new Map(),
    ShortStrings: new Map(),
    LongStrings: new Map(),
  };
  for (const el of descendants(root)) {
    const kind = el.localName as ResourceKind;
    if (kind in out && parentName(el) === 'Resources') {
      for (const item of childElements(el)) out[kind].set(item.getAttribute('id') ?? '', item.getAttribute('DefaultValue') ?? '');
    }
  }
  return out;
}

/** Which resource kind a `resid` must point to, from the referencing element. */
function expectedKind(el: XmlElement): ResourceKind | undefined {
  switch (el.localName) {
    case 'Label':
    case 'Title':
    case 'Namespace':
      return 'ShortStrings';
    case 'Description':
      return 'LongStrings';
    case 'LearnMoreUrl':
    case 'FunctionFile':
    case 'SourceLocation':
    case 'Runtime':
      return 'Urls';
    case 'Image':
      return 'Images';
    default:
      return undefined;
  }
}

const MAX_ID = 32;
const MAX_LENGTH: Record<ResourceKind, number> = { Images: 2048, Urls: 2048, ShortStrings: 125, LongStrings: 250 };

/** resid too long, undefined or of the wrong kind; resource ids too long, duplicated or unused; strings too long. */
export function residErrors(root: XmlElement): string[] {
  const errors: string[] = [];
  const res = resources(root);
  const used = new Set<string>();
  for (const el of descendants(root)) {
    const resid = el.getAttribute('resid');
    if (resid === null || resid === '') continue;
    used.add(resid);
    if (resid.length > MAX_ID) errors.push(`resid "${resid}" is longer than ${MAX_ID} characters`);
    const kind = expectedKind(el);
    if (!kind) errors.push(`${pathOf(el)} has a resid but takes no resource`);
    else if (!res[kind].has(resid)) errors.push(`resid "${resid}" of ${pathOf(el)} is not defined in ${kind}`);
  }
  const seen = new Set<string>();
  for (const kind of Object.keys(res) as ResourceKind[]) {
    for (const [id, value] of res[kind]) {
      if (id.length > MAX_ID) errors.push(`resource id "${id}" is longer than ${MAX_ID} characters`);
      if (seen.has(id)) errors.push(`resource id "${id}" is defined twice`);
      seen.add(id);
      if (!used.has(id)) errors.push(`resource "${id}" is never used`);
      if (value.length > MAX_LENGTH[kind]) errors.push(`${kind} "${id}" is longer than ${MAX_LENGTH[kind]} characters`);
      if (value.trim() === '') errors.push(`${kind} "${id}" is empty`);
    }
  }
  return errors;
}

/** Function names registered with `Office.actions.associate("name", …)` in a source file. */
export function associatedFunctions(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/Office\.actions\.associate\(\s*(['"`])([^'"`]+)\1/g)) names.add(m[2]);
  return names;
}

/** Width and height from a PNG header; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 24 || !signature.every((b, i) => buf[i] === b) || buf.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Every URL written in the manifest (DefaultValue/Value of URL-bearing elements and resources). */
export function manifestUrls(root: XmlElement): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  const urlElements = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Url', 'Image']);
  for (const el of descendants(root)) {
    const own = urlElements.has(el.localName ?? '') ? el : null;
    const overridden = el.localName === 'Override' && urlElements.has(parentName(el)) ? el : null;
    const value = own?.getAttribute('DefaultValue') ?? overridden?.getAttribute('Value');
    if (value) out.push({ where: pathOf(el), url: value });
  }
  return out;
}
