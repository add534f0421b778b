"""Load the extraction engine and its lexicon on import: the forkserver of ``kg.runner`` preloads
this module (after ``kg.nlp._preload``).

Each worker then forks with the engine's modules imported and the lexicon
built, instead of doing both itself before its first article: less work
on the way to the first result, and pages shared between the workers.
"""

import kg.extract.engine  # noqa: F401 - imported for its side effect: the modules are loaded
from kg.extract.lexicon import load_lexicon

load_lexicon()
