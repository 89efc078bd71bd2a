/** The offline checkers must catch the mistakes they exist for. */
import { associatedFunctions, parseXml, pngSize, residErrors, structureErrors, type XmlElement } from './checks';

const HEAD = `<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xsi:type="TaskPaneApp">
  <Id>x</Id><Version>1.0.0.0</Version><ProviderName>p</ProviderName><DefaultLocale>fr-FR</DefaultLocale>
  <DisplayName DefaultValue="d"/><Description DefaultValue="d"/>
  <DefaultSettings><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>`;

function manifest(tab: string, strings = '<bt:String id="Tab.Label" DefaultValue="SPASER"/><bt:String id="G.Label" DefaultValue="G"/><bt:String id="B.Label" DefaultValue="B"/>'): XmlElement {
  const text = `${HEAD}
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts><Host xsi:type="Workbook"><DesktopFormFactor><FunctionFile resid="Taskpane.Url"/>
      <ExtensionPoint xsi:type="PrimaryCommandSurface">${tab}</ExtensionPoint>
    </DesktopFormFactor></Host></Hosts>
    <Resources>
      <bt:Images><bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/></bt:Images>
      <bt:Urls><bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/></bt:Urls>
      <bt:ShortStrings>${strings}</bt:ShortStrings>
      <bt:LongStrings><bt:String id="B.Tip" DefaultValue="t"/></bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>`;
  const { root, errors } = parseXml(text);
  expect(errors).toEqual([]);
  return root as XmlElement;
}

const GROUP = `<Group id="G"><Label resid="G.Label"/><Icon><bt:Image size="16" resid="Icon.16x16"/></Icon>
  <Control xsi:type="Button" id="B"><Label resid="B.Label"/><Supertip><Title resid="B.Label"/><Description resid="B.Tip"/></Supertip>
  <Icon><bt:Image size="16" resid="Icon.16x16"/></Icon><Action xsi:type="ExecuteFunction"><FunctionName>f</FunctionName></Action></Control></Group>`;

describe('structureErrors', () => {
  test('accepts a custom tab with its group before its label', () => {
    const root = manifest(`<CustomTab id="T">${GROUP}<Label resid="Tab.Label"/></CustomTab>`);
    expect(structureErrors(root)).toEqual([]);
    expect(residErrors(root)).toEqual([]);
  });

  test('rejects a custom tab label placed before its groups', () => {
    const root = manifest(`<CustomTab id="T"><Label resid="Tab.Label"/>${GROUP}</CustomTab>`);
    expect(structureErrors(root)).toEqual(['Group is out of order in OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/CustomTab#T']);
  });

  test('rejects a custom tab without label and a button without icon', () => {
    const noIcon = GROUP.replace('<Icon><bt:Image size="16" resid="Icon.16x16"/></Icon><Action', '<Action');
    const errors = structureErrors(manifest(`<CustomTab id="T">${noIcon}</CustomTab>`));
    expect(errors).toEqual([
      'OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/CustomTab#T/Group#G/Control#B lacks required Icon',
      'OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/CustomTab#T lacks required Label',
    ]);
  });

  test('rejects Supertip before Label in a control, and unknown elements', () => {
    const swapped = GROUP.replace('<Label resid="B.Label"/><Supertip><Title resid="B.Label"/><Description resid="B.Tip"/></Supertip>', '<Supertip><Title resid="B.Label"/><Description resid="B.Tip"/></Supertip><Label resid="B.Label"/>');
    const errors = structureErrors(manifest(`<CustomTab id="T">${swapped}<Label resid="Tab.Label"/><Tooltip/></CustomTab>`));
    expect(errors).toEqual([
      'Label is out of order in OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/CustomTab#T/Group#G/Control#B',
      'Tooltip is not a valid child of OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/CustomTab#T',
    ]);
  });

  test('rejects base elements out of order (Permissions before DefaultSettings)', () => {
    const text = HEAD.replace(
      '<DefaultSettings><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></DefaultSettings>\n  <Permissions>ReadWriteDocument</Permissions>',
      '<Permissions>ReadWriteDocument</Permissions><DefaultSettings><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></DefaultSettings>',
    );
    const root = parseXml(`${text}</OfficeApp>`).root as XmlElement;
    expect(structureErrors(root)).toEqual(['DefaultSettings is out of order in OfficeApp']);
  });
});

describe('residErrors', () => {
  test('rejects a resid longer than 32 characters, undefined or of the wrong kind, and unused resources', () => {
    const long = 'A.Very.Long.Resource.Identifier.X'; // 33 characters
    expect(long).toHaveLength(33);
    const tab = `<CustomTab id="T">${GROUP.replace('resid="G.Label"', `resid="${long}"`).replace('<Description resid="B.Tip"/>', '<Description resid="B.Label"/>')}<Label resid="Nope"/></CustomTab>`;
    const errors = residErrors(manifest(tab));
    expect(errors).toEqual([
      `resid "${long}" is longer than 32 characters`,
      `resid "${long}" of OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/CustomTab#T/Group#G/Label is not defined in ShortStrings`,
      'resid "B.Label" of OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/CustomTab#T/Group#G/Control#B/Supertip/Description is not defined in LongStrings',
      'resid "Nope" of OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/CustomTab#T/Label is not defined in ShortStrings',
      'resource "Tab.Label" is never used',
      'resource "G.Label" is never used',
      'resource "B.Tip" is never used',
    ]);
  });

  test('rejects a short string over 125 characters', () => {
    const tab = `<CustomTab id="T">${GROUP}<Label resid="Tab.Label"/></CustomTab>`;
    const strings = `<bt:String id="Tab.Label" DefaultValue="${'x'.repeat(126)}"/><bt:String id="G.Label" DefaultValue="G"/><bt:String id="B.Label" DefaultValue="B"/>`;
    expect(residErrors(manifest(tab, strings))).toEqual(['ShortStrings "Tab.Label" is longer than 125 characters']);
  });
});

describe('associatedFunctions', () => {
  test('finds names passed to Office.actions.associate with any quote style', () => {
    const source = `Office.actions.associate('a', f);\nOffice.actions.associate( "b",g);\nOffice.actions.associate(\`c\`, h); // associate('d')`;
    expect([...associatedFunctions(source)].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('pngSize', () => {
  test('reads width and height from the IHDR chunk', () => {
    const header = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'ascii');
    header.writeUInt32BE(80, 16);
    header.writeUInt32BE(40, 20);
    expect(pngSize(header)).toEqual({ width: 80, height: 40 });
  });

  test('rejects bytes that are not a PNG', () => {
    expect(() => pngSize(Buffer.from('GIF89a..................'))).toThrow('not a PNG file');
  });
});
