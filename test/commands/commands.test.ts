/** Ribbon command « Calculer les indicateurs »: registered with Office, always completes. */
type Handler = (event: Office.AddinCommands.Event) => Promise<void>;

const associate = jest.fn<void, [string, Handler]>();
(globalThis as unknown as { Office: unknown }).Office = {
  onReady: (callback: () => void) => {
    callback();
    return Promise.resolve({ host: 'Excel', platform: 'PC' });
  },
  actions: { associate },
};

// Imported after the Office stub: the module registers its command on load.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const commands = require('../../src/commands/commands') as typeof import('../../src/commands/commands');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ribbon = require('../../src/commands/ribbon') as typeof import('../../src/commands/ribbon');

function fakeEvent() {
  return { completed: jest.fn() } as unknown as Office.AddinCommands.Event & { completed: jest.Mock };
}

afterEach(() => ribbon.setRibbonRunner(null));

test('registers calculerIndicateurs with Office.actions.associate once Office is ready', () => {
  expect(associate).toHaveBeenCalledTimes(1);
  expect(associate).toHaveBeenCalledWith('calculerIndicateurs', commands.calculerIndicateurs);
});

test('runs the injected ribbon runner, then completes the event', async () => {
  const order: string[] = [];
  ribbon.setRibbonRunner(async () => {
    order.push('run');
  });
  const event = fakeEvent();
  event.completed.mockImplementation(() => order.push('completed'));
  await commands.calculerIndicateurs(event);
  expect(order).toEqual(['run', 'completed']);
});

test('completes the event when the runner fails', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  ribbon.setRibbonRunner(() => Promise.reject(new Error('Aucun registre reconnu')));
  const event = fakeEvent();
  await commands.calculerIndicateurs(event);
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(error).toHaveBeenCalledTimes(1);
  error.mockRestore();
});

test('completes the event when no runner is wired yet, with a French message logged', async () => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const event = fakeEvent();
  await commands.calculerIndicateurs(event);
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(error.mock.calls[0][1]).toBeInstanceOf(ribbon.RibbonNotReadyError);
  expect((error.mock.calls[0][1] as Error).message).toMatch(/^Le calcul des indicateurs n'est pas encore disponible/);
  error.mockRestore();
});

test('runFromRibbon rejects without a runner and uses the latest one installed', async () => {
  await expect(ribbon.runFromRibbon()).rejects.toBeInstanceOf(ribbon.RibbonNotReadyError);
  const first = jest.fn(async () => undefined);
  const second = jest.fn(async () => undefined);
  ribbon.setRibbonRunner(first);
  ribbon.setRibbonRunner(second);
  await ribbon.runFromRibbon();
  expect(first).not.toHaveBeenCalled();
  expect(second).toHaveBeenCalledTimes(1);
});
