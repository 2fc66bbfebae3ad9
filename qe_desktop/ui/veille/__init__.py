"""The Veille in the window: follows, Nouveautés, scheduled updates, tray notifications."""
