"""Load the NLP models on import: the forkserver of ``kg.runner`` preloads this module.

Worker processes fork from that server with the models already in memory,
so a pool of N workers loads them once instead of N times, and the pages
holding them are shared between the workers until written to.
"""

from kg.nlp import load_models

load_models()
