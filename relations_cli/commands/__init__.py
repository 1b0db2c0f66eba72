"""The commands, one module per group; each registers itself on the app when imported."""
