// Lets a deck written in any folder use the Slidev that runs it. Slidev asks Vite to pre-bundle a
// few CommonJS packages its browser code imports (lz-string, which the Mermaid diagram needs, and
// the like) by chains such as '@slidev/cli > @slidev/client > lz-string', and Vite looks for the
// chain's first package in node_modules folders above the deck. A deck outside this package (the
// user's own folder) has none: the chain fails quietly, lz-string is served as CommonJS, and the
// "who backs whom" slide shows Slidev's error box instead of the diagram. There, each such package
// is instead named by itself and pointed at its folder beside the running Slidev's client, as Slidev
// does when installed globally. A deck inside the package (slides/) is left exactly as Slidev sets
// it up. Slidev loads this file from the theme folder; only Node's own modules are imported, since
// the deck's folder has no node_modules to import from.
import { existsSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** Slidev's own chains in optimizeDeps.include: '@slidev/cli > @slidev/client > NAME'. */
const CHAIN = /^@slidev\/cli\s*>\s*@slidev\/client\s*>\s*(\S+)$/

/** The folder of package `name` that Node (and Vite) would find from `dir`, or undefined. */
export function packageFrom(dir: string, name: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const found = join(d, 'node_modules', name)
    if (existsSync(join(found, 'package.json'))) return realpathSync(found)
    if (dirname(d) === d) return undefined
  }
}

interface Options {
  cliRoot: string
  clientRoot: string
  userRoot: string
}

interface DepsConfig {
  optimizeDeps?: { include?: string[] }
  resolve?: { alias?: unknown }
}

/**
 * Rewrite Slidev's chains when the deck's folder does not lead to the running Slidev: `include`
 * is changed in place (a chain Vite cannot follow only logs a warning), and the returned aliases
 * send each bare name to the package beside Slidev's client. Returns null when nothing is needed.
 */
export function depsFromSlidev(options: Options, config: DepsConfig): { resolve: { alias: { find: string, replacement: string }[] } } | null {
  const include = config.optimizeDeps?.include
  if (!include) return null
  const seen = packageFrom(options.userRoot, '@slidev/cli')
  if (seen && seen === realpathSync(options.cliRoot)) return null
  const alias: { find: string, replacement: string }[] = []
  include.forEach((entry, i) => {
    const name = CHAIN.exec(entry)?.[1]
    const folder = name ? packageFrom(options.clientRoot, name) : undefined
    if (!name || !folder) return
    include[i] = name
    alias.push({ find: name, replacement: folder })
  })
  return alias.length ? { resolve: { alias } } : null
}

export default (options: Options) => [{
  name: 'briefing:slidev-deps-from-any-folder',
  config: (config: DepsConfig) => depsFromSlidev(options, config) ?? undefined,
}]
