#!/usr/bin/env python3
"""JSON Lines of articles in, Parquet of their mentions out, on Apache Spark.

    python spark_extract.py articles.jsonl mentions.parquet \
        --archive geomap-0.1.0-linux-x86_64.tar.gz [--master local[2]]

Each input line is {"id": ..., "text": ...}; the output has one row per mention with the columns
of geomap.MENTION_COLUMNS. `--archive` is the tarball of Scripts/package, shipped to every
executor; `--binary PATH` instead uses a geomap that exists at PATH on every executor (local mode).
"""
import argparse
import os
import sys

from pyspark.sql import SparkSession

import geomap.spark


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines file (or directory) of {id, text} records")
    parser.add_argument("output", help="Parquet directory to write (must not exist unless --force)")
    parser.add_argument("--archive", help="the tarball of Scripts/package")
    parser.add_argument("--binary", help="a geomap binary present on every executor")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's, or local[*])")
    parser.add_argument("--force", action="store_true", help="overwrite the output")
    args = parser.parse_args()
    if os.path.exists(args.output) and not args.force:
        print(f"spark_extract: {args.output}: exists (pass --force to overwrite)", file=sys.stderr)
        return 1

    builder = SparkSession.builder.appName("geomap-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        documents = spark.read.schema("id string, text string").json(args.input)
        mentions = geomap.spark.extract(documents, text="text", id="id", archive=args.archive, binary=args.binary)
        # Spark writes into a temporary directory and commits the whole output at the end.
        mentions.write.mode("overwrite" if args.force else "errorifexists").parquet(args.output)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
