"""The attributes a CRFsuite model file knows, read from the file.

A feature string the model has no weights for changes no tag, but
underthesea_core still converts it to a Rust string and looks it up: in a
news sentence about half the features are unknown to the POS and segmenter
models, and four in five to the chunk and NER models (about 2,000
attributes each). ``kg.nlp.features`` replaces them by ``""`` where the
strings are built or memoized, which halves the taggers' time; the tags do
not change (``tests/nlp/test_taggers.py``).

The file layout is CRFsuite's ``crf1m`` model: a header of little-endian
32-bit words, the attributes in a CQDB string database whose backward
array lists every record's offset.
"""

from __future__ import annotations

import struct
from pathlib import Path

__all__ = ["model_attributes"]

_HEADER = struct.Struct("<4sI4s9I")  # magic, size, type, version, features, labels, attrs, 5 offsets
_CQDB = struct.Struct("<4s5I")  # magic, size, flag, byte order, backward array size and offset


def model_attributes(path: Path) -> frozenset[str]:
    """Every attribute (feature string) of the CRFsuite model at ``path``.

    Raises:
        ValueError: the file is not a CRFsuite model.
    """
    data = path.read_bytes()
    try:
        magic, _, kind, _, _, _, count, _, _, offset, _, _ = _HEADER.unpack_from(data)
        cqdb, _, _, _, records, table = _CQDB.unpack_from(data, offset)
        if magic != b"lCRF" or kind != b"FOMC" or cqdb != b"CQDB":
            raise ValueError("not a CRFsuite model")
        attributes = []
        for (record,) in struct.iter_unpack("<I", data[offset + table:offset + table + 4 * records]):
            if record:
                _, size = struct.unpack_from("<2I", data, offset + record)
                start = offset + record + 8
                attributes.append(data[start:start + size - 1].decode("utf-8"))
    except (struct.error, UnicodeDecodeError, ValueError) as e:
        raise ValueError(f"{path} is not a CRFsuite model file: {e}") from e
    if len(attributes) != count:
        raise ValueError(f"{path}: {len(attributes)} attributes read, its header says {count}")
    return frozenset(attributes)
