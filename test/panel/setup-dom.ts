// Layout for happy-dom, which measures every element as 0 px: the request list's scroller gets a fixed
// height so windowing has a viewport to fill.
import { afterAll, beforeAll } from 'vitest'

export const VIEWPORT = 420

export function useScrollerHeight(height = VIEWPORT): void {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.dataset.testid === 'bos-scroller' ? height : 0
      },
    })
  })
  afterAll(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original)
    else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight
  })
}
