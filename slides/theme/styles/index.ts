// The briefing theme's styles, in the order they build on each other.
import './tokens.css'
import './frame.css'
import './sections.css'
