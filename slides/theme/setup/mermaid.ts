// Mermaid settings for the "who backs whom" diagram: our fonts and node colours, and nodes packed
// closer than Mermaid's 50 px (a column of six backers is then drawn about a third larger, so its
// names read from the back of a room; src/render/slides/mermaid.ts estimates with the same gaps).
// Slidev switches Mermaid to its dark theme in dark mode, which keeps its own edge-label colours.
// No imports, so the theme works from any deck folder.
export default () => ({
  theme: 'base',
  fontFamily: '"Source Sans 3", "Source Sans Pro", "Noto Sans", "Noto Sans CJK SC", "DejaVu Sans", sans-serif',
  flowchart: { nodeSpacing: 22, rankSpacing: 44 },
  themeVariables: {
    fontSize: '16px',
    primaryColor: '#eef3f9',
    primaryBorderColor: '#1f4f82',
    primaryTextColor: '#1b2230',
    lineColor: '#5a6272',
  },
})
