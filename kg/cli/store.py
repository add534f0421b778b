"""``kg build``, ``query``, ``export``, ``validate``, ``stats``, ``remove``, ``serve``, ``backup``."""

COMMANDS: list = []
