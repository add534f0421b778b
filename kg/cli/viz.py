"""``kg viz``."""

COMMANDS: list = []
