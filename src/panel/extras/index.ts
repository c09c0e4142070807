// Entry of the lazily loaded chunk (see ../Lazy.tsx): nothing in the initial bundle imports these.
import './extras.css'
export { AuthTab } from '../AuthTab.tsx'
export { UploadTab } from './UploadTab.tsx'
export { FormTab } from './FormTab.tsx'
export { RequestTab } from './RequestTab.tsx'
export { FindingFacts } from './FindingFacts.tsx'
export { describeProcess, decodeProcessHeader } from '../process.ts'
