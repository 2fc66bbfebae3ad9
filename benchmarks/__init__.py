"""Benchmarks (`make bench`): a realistic corpus, the project against a standard-library floor."""
