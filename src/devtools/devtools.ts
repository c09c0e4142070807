// Registers the BOS panel. Capture comes with the panel work.
chrome.devtools.panels.create('BOS', '/icons/icon-32.png', '/src/panel/panel.html')
