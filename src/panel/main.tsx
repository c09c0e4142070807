import { render } from 'preact'
render(<p>BOS</p>, document.getElementById('app')!)
