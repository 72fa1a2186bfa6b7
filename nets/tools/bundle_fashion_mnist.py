#!/usr/bin/env python3
"""Writes the Fashion-MNIST subset bundled in nets' resources: the first COUNT images and labels
of the train and test sets of Debian's dataset-fashion-mnist, as gzipped IDX files with the
names the full set uses, so one reader serves both.

    python3 nets/tools/bundle_fashion_mnist.py [SOURCE_DIR]

Fashion-MNIST is Copyright (c) 2017 Zalando SE, MIT licence,
https://github.com/zalandoresearch/fashion-mnist.
The gzip output is deterministic (no time stamp, no file name), so re-running changes nothing.
"""
import gzip
import os
import struct
import sys

COUNT = 2000
SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main",
                      "resources", "org", "netcompare", "nets", "data", "fashion-mnist")


def first_records(name):
    with gzip.open(os.path.join(SOURCE, name), "rb") as f:
        magic = f.read(4)
        rank = magic[3]
        dims = list(struct.unpack(">%dI" % rank, f.read(4 * rank)))
        record = 1
        for d in dims[1:]:
            record *= d
        body = f.read(COUNT * record)
    if magic[:3] != b"\x00\x00\x08" or dims[0] < COUNT or len(body) != COUNT * record:
        sys.exit("%s: not an unsigned-byte IDX file with %d records" % (name, COUNT))
    dims[0] = COUNT
    return magic + struct.pack(">%dI" % rank, *dims) + body


for split in ("train", "t10k"):
    for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
        name = "%s-%s.gz" % (split, kind)
        data = first_records(name)
        with open(os.path.join(TARGET, name), "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw,
                               mtime=0) as out:
                out.write(data)
        print(name, len(data), "bytes,", os.path.getsize(os.path.join(TARGET, name)),
              "gzipped")
