"""Benchmark (``make bench``) and load/fault test (``make load``); never collected by pytest."""
