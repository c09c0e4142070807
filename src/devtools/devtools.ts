// The DevTools page: it lives as long as DevTools is open, so it owns capture; the panel window only renders.
import { attachToPanel } from './attach.ts'
import { createCaptureStore } from './capture-store.ts'
import { realSeam } from './seam.ts'

const seam = realSeam()
const store = createCaptureStore(seam)
void store.start()
// Absolute paths: Firefox resolves relative ones against the DevTools page.
seam.createPanel('BOS', '/icons/icon-32.png', '/src/panel/panel.html', (panelWindow) => attachToPanel(panelWindow, store))
