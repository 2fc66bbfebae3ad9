"""Insights at a glance: delay and volume charts, copy-paste answers, related questions."""
