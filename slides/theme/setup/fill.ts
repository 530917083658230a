// Fits a slide's `.b-fit` block to the fonts this browser actually has. The renderer picks a zoom
// from text widths measured against the widest font the theme may fall back to (so nothing
// overflows anywhere); with the narrower first choice a line ends sooner, an item takes a line
// less and a slide measured half empty. Once shown, the block is zoomed until it fills at most
// 88% of the content box (60-90% is the deck's aim), never past the footer. Only our own
// elements and their sizes are read: no text from the deck. Not one of Slidev's setup files: the
// layouts import it.
import { onBeforeUnmount, onMounted, type Ref } from 'vue'

/** The band accepted without a change; outside it, the largest zoom filling at most its top. */
const BAND = { low: 0.72, high: 0.88 } as const
/** The most a block is grown over the renderer's zoom, and the largest zoom at all. */
const MAX_GROW = 1.8
const MAX_ZOOM = 2.6

/** The fitted zoom of a block, rounded so the same fonts give the same page. */
const round = (z: number): number => Math.round(z * 100) / 100

function fitOnce(el: HTMLElement): boolean {
  const block = el.querySelector<HTMLElement>('.b-fit')
  if (!block) return true
  const scale = el.getBoundingClientRect().width / (el.offsetWidth || 1) || 1
  const heading = el.querySelector('h1')
  const footer = el.querySelector('.b-footer')
  const style = getComputedStyle(el)
  const top = heading ? heading.getBoundingClientRect().bottom + Number.parseFloat(getComputedStyle(heading).marginBottom) * scale : el.getBoundingClientRect().top + Number.parseFloat(style.paddingTop) * scale
  const bottom = footer ? footer.getBoundingClientRect().top - 8 * scale : el.getBoundingClientRect().bottom - Number.parseFloat(style.paddingBottom) * scale
  const room = bottom - top
  if (!(room > 0)) return true
  const designed = Number.parseFloat(block.dataset.zoom ?? '') || Number.parseFloat(block.style.zoom) || 1
  block.dataset.zoom = String(designed)
  const filled = (): number => (block.getBoundingClientRect().bottom - top) / room
  const set = (z: number): number => {
    block.style.zoom = String(z)
    return filled()
  }
  // The largest zoom at which the block ends inside the band's top: fill grows with the zoom, but
  // in jumps (a line that wraps), so it is bisected rather than solved for.
  const most = round(Math.min(MAX_ZOOM, designed * MAX_GROW))
  const current = Number.parseFloat(block.style.zoom) || designed
  const now = set(current)
  if (now >= BAND.low && now <= BAND.high) return true
  let [lo, hi] = now < BAND.low ? [current, most] : [0.5, current]
  if (set(hi) <= BAND.high) lo = hi
  for (let i = 0; i < 10 && hi - lo > 0.01; i++) {
    const mid = round((lo + hi) / 2)
    if (set(mid) <= BAND.high) lo = mid
    else hi = mid
  }
  let zoom = lo
  // Whatever the steps did, never into the footer.
  for (let i = 0; i < 20 && set(zoom) > 0.9 && zoom > 0.5; i++) zoom = round(zoom * 0.96)
  return true
}

/** Fit the layout's block when shown, and again while fonts or pictures settle; marks the frame `data-fitted`. */
export function useFill(root: Ref<HTMLElement | undefined>): void {
  let timer: ReturnType<typeof setInterval> | undefined
  let runs = 0
  const run = (): void => {
    const el = root.value
    if (!el || el.offsetParent === null) return
    fitOnce(el)
    // Fonts load late: a few passes after the first, then it is done.
    if (++runs >= 3) {
      el.dataset.fitted = 'true'
      clearInterval(timer)
    }
  }
  onMounted(() => {
    timer = setInterval(run, 150)
  })
  onBeforeUnmount(() => clearInterval(timer))
}
