// Mermaid settings for the "who backs whom" diagram: our fonts and node colours. Slidev switches
// Mermaid to its dark theme in dark mode, which keeps its own edge-label colours. No imports, so
// the theme works from any deck folder.
export default () => ({
  theme: 'base',
  fontFamily: '"Source Sans 3", "Source Sans Pro", "Noto Sans", "Noto Sans CJK SC", "DejaVu Sans", sans-serif',
  themeVariables: {
    fontSize: '16px',
    primaryColor: '#eef3f9',
    primaryBorderColor: '#1f4f82',
    primaryTextColor: '#1b2230',
    lineColor: '#5a6272',
  },
})
